package org.p2psim.net;

import java.util.Locale;

/** The kinds of packet on the wire, each with its one-byte code. */
public enum PacketType {
    /** A sync summary: a Bloom filter of what the sender holds. */
    FILTER(1),
    /** One sealed event. */
    EVENT(2),
    /** Peer exchange: addresses of peers the sender knows. */
    PEERS(3),
    /** A graceful goodbye: the sender is leaving. */
    BYE(4),
    /** A sync summary as a list of event ids the sender holds (want-list, naive). */
    HAVE(5),
    /** A request for the events with the listed ids (want-list, range-recon, gossip-push). */
    WANT(6),
    /** A range-based set reconciliation message: fingerprints and id lists of ranges (range-recon, gossip-push). */
    RECON(7),
    /** Rateless set reconciliation: a request for coded symbols, or a run of them (riblt, hybrid). */
    CODED(8),
    /** NAT traversal: a rendezvous (STUN-like) or hole-punch packet; only when NATs are modelled. */
    PUNCH(9),
    /** NAT traversal: a keepalive that refreshes a binding; only when NATs are modelled. */
    KEEPALIVE(10);

    private final int code;
    /** Made once: a packet log row per packet holds it, so a fresh lower-cased copy each time cost ~50 bytes a packet. */
    private final String label;

    PacketType(int code) {
        this.code = code;
        this.label = name().toLowerCase(Locale.ROOT);
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static PacketType ofCode(int code) {
        for (PacketType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
