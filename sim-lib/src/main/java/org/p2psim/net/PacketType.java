package org.p2psim.net;

/** The kinds of packet on the wire, each with its one-byte code. */
public enum PacketType {
    /** A sync summary: a Bloom filter of what the sender holds. */
    FILTER(1),
    /** One sealed event. */
    EVENT(2),
    /** Peer exchange: addresses of peers the sender knows. */
    PEERS(3),
    /** A graceful goodbye: the sender is leaving. */
    BYE(4);

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String label() {
        return name().toLowerCase();
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
