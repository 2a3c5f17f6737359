package org.p2psim.net.nat;

/** A transport address as a NAT sees it: a host (an IP, as a number) and a UDP port. */
public record HostPort(int host, int port) {
    @Override
    public String toString() {
        return "h" + host + ":" + port;
    }
}
