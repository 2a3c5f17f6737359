package org.p2psim.net.nat;

/** RFC 4787 §5 filtering behaviour: which inbound packets a live binding lets through. */
public enum Filtering {
    /** Endpoint-independent: any source. */
    EIF,
    /** Address-dependent: a source address the binding has sent to. */
    ADF,
    /** Address-and-port-dependent: a source address and port the binding has sent to. */
    APDF
}
