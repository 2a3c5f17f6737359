package org.p2psim.net.nat;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One NAT binding: the external port a device's outbound flow got, when an outbound packet last
 * refreshed it, and the destinations it has sent to (what address- and port-dependent filters admit).
 */
public final class Binding {
    private final String device;
    private final HostPort external;
    private final Set<HostPort> contacted = new LinkedHashSet<>();
    private long lastOutbound;

    Binding(String device, HostPort external, long now) {
        this.device = device;
        this.external = external;
        this.lastOutbound = now;
    }

    public String device() {
        return device;
    }

    public HostPort external() {
        return external;
    }

    public long lastOutbound() {
        return lastOutbound;
    }

    public Set<HostPort> contacted() {
        return Set.copyOf(contacted);
    }

    void refresh(HostPort destination, long now) {
        contacted.add(destination);
        lastOutbound = now;
    }

    boolean expired(long now, long timeout) {
        return now - lastOutbound > timeout;
    }

    boolean admits(HostPort source, NatType.Filtering filtering) {
        return switch (filtering) {
            case EIF -> true;
            case ADF -> contacted.stream().anyMatch(c -> c.host() == source.host());
            case APDF -> contacted.contains(source);
        };
    }
}
