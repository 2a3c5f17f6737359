package org.p2psim.net.nat;

/** How two devices reach each other. */
public enum PathKind {
    /** Not tried yet. */
    UNKNOWN,
    /** Packets pass without punching: one side is public or its NAT lets them in. */
    DIRECT,
    /** A rendezvous and punch are under way. */
    PUNCHING,
    /** A hole punch opened both NATs. */
    PUNCHED,
    /** Traffic goes through a public peer's relay. */
    RELAYED,
    /** No way found. */
    NONE;

    public String label() {
        return name().toLowerCase();
    }
}
