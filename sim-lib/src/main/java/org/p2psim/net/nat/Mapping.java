package org.p2psim.net.nat;

/** RFC 4787 §4.1 mapping behaviour: which outbound flows share one external port. */
public enum Mapping {
    /** Endpoint-independent: one external port per internal endpoint, whatever the destination. */
    EIM,
    /** Address-dependent: one external port per destination address. */
    ADM,
    /** Address-and-port-dependent: one external port per destination address and port ("symmetric"). */
    APDM
}
