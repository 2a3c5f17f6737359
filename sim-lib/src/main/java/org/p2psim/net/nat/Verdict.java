package org.p2psim.net.nat;

/** What a NAT does with one inbound packet. */
public enum Verdict {
    PASS,
    /** No binding has this port, or the binding's filter refuses the source. */
    FILTERED,
    /** The binding for this port timed out: no outbound packet refreshed it in time. */
    EXPIRED
}
