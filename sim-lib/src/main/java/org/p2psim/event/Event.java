package org.p2psim.event;

/** A sealed event as stored and sent: its id and its opaque bytes ({@code nonce || ciphertext || tag}). */
public record Event(EventId id, byte[] sealed) {

    public static Event of(byte[] sealed) {
        return new Event(EventId.of(sealed), sealed);
    }

    public int size() {
        return sealed.length;
    }
}
