package org.p2psim.metrics.facts;

/**
 * One packet's life for the packet log: times in µs, endpoints, type label, bytes on the wire,
 * fate ("delivered", "dropped", "rejected"), reason ("" when delivered), a content fingerprint,
 * and whether this is an extra copy the network made of a packet.
 */
public record PacketRow(long sentAt, long doneAt, String from, String to, String type, int bytes,
                        String fate, String reason, long fingerprint, boolean duplicate) {

    /** A row for an original packet (not a network-made copy). */
    public PacketRow(long sentAt, long doneAt, String from, String to, String type, int bytes,
                     String fate, String reason, long fingerprint) {
        this(sentAt, doneAt, from, to, type, bytes, fate, reason, fingerprint, false);
    }
}
