package org.p2psim.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One stored event row.
 *
 * @param eventId    32 lowercase hex chars (16 bytes)
 * @param channelId  null for non-message events
 * @param authoredTs microseconds of simulated time; may be negative (history authored before the
 *                   run started)
 * @param receivedTs microseconds of simulated time at which this device stored the event
 * @param ciphertext nonce || AEAD ciphertext. Records returned by {@link DeviceStore} share their
 *                   array with the store's cache: read it, do not modify it.
 */
public record StoredEvent(String eventId, String channelId, long authoredTs, long receivedTs, byte[] ciphertext) {

    public StoredEvent {
        requireId(eventId, "eventId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** Length of an event id's textual form: 32 lowercase hex characters (16 bytes). */
    static final int ID_LENGTH = 32;

    /** Checks the textual form of an event id (or of a file id, tag, invite id: the same form). */
    static String requireId(String id, String what) {
        if (!isId(id)) {
            throw new IllegalArgumentException(what + " must be 32 lowercase hex characters (16 bytes), got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    static boolean isId(String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The copies of event ids, channel names and ciphertexts that the stores of one run share: in a
     * run where every device ends up holding every event, a private copy per store would make memory
     * grow with devices × events. Equal bytes are shared, never different ones; the stores of a pool
     * must be used from one thread (a run's).
     */
    public static final class Pool {
        private final Map<String, StoredEvent> events = new HashMap<>();
        private final Map<String, String> channels = new HashMap<>();

        /** {@code event} with the pool's id, channel and ciphertext (added when it has none, or other bytes). */
        StoredEvent share(StoredEvent event) {
            StoredEvent known = events.get(event.eventId);
            if (known == null || !Arrays.equals(known.ciphertext, event.ciphertext)) {
                known = event.withOwnCiphertext();
                events.putIfAbsent(known.eventId, known);
            }
            String channel = event.channelId == null ? null : channels.computeIfAbsent(event.channelId, Function.identity());
            return new StoredEvent(known.eventId, channel, event.authoredTs, event.receivedTs, known.ciphertext);
        }
    }

    /** Same fields, with a private copy of the ciphertext (the store keeps this one). */
    StoredEvent withOwnCiphertext() {
        return new StoredEvent(eventId, channelId, authoredTs, receivedTs, ciphertext.clone());
    }

    // Value semantics for the ciphertext: two rows are equal when their bytes are.
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent e
                && eventId.equals(e.eventId)
                && Objects.equals(channelId, e.channelId)
                && authoredTs == e.authoredTs
                && receivedTs == e.receivedTs
                && Arrays.equals(ciphertext, e.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, channelId, authoredTs, receivedTs) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        int shown = Math.min(ciphertext.length, 8);
        String head = HexFormat.of().formatHex(ciphertext, 0, shown) + (shown < ciphertext.length ? "…" : "");
        return "StoredEvent[eventId=" + eventId + ", channelId=" + channelId + ", authoredTs=" + authoredTs
                + ", receivedTs=" + receivedTs + ", ciphertext=" + ciphertext.length + " bytes " + head + "]";
    }
}
