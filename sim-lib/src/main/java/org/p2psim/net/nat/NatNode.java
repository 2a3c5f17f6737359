package org.p2psim.net.nat;

import java.util.LinkedHashMap;
import java.util.Map;

/** One device's side of NAT traversal: its NATs on Wi-Fi and cellular, the NAT it is behind now, what it has learned. */
final class NatNode {
    final String name;
    final NatType wifi;
    final NatType cellular;
    NatBox box;
    int switches;
    /** Its external address as learned from the rendezvous (or announced through the invite), or null. */
    HostPort advertised;
    /** Per peer, the source address that peer's packets last came from: what this device answers to. */
    final Map<String, HostPort> learned = new LinkedHashMap<>();

    NatNode(String name, NatType wifi, NatType cellular, NatBox box) {
        this.name = name;
        this.wifi = wifi;
        this.cellular = cellular;
        this.box = box;
    }

    NatType type() {
        return box.type();
    }

    boolean isPublic() {
        return box.type().isPublic();
    }

    /** The NAT after the next network switch: cellular after an odd number of switches. */
    NatType nextType() {
        return (switches + 1) % 2 == 1 ? cellular : wifi;
    }
}
