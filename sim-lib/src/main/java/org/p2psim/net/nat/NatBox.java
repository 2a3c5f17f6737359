package org.p2psim.net.nat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one NAT (or of one public address): its external host and its bindings. Outbound
 * packets create and refresh bindings ({@link #outbound}); inbound packets pass or are refused by
 * the binding their port names ({@link #inbound}), after RFC 4787's mapping and filtering rules.
 */
public final class NatBox {
    /** The port a device uses inside, and a public device's one external port. */
    public static final int DEVICE_PORT = 4000;
    private static final int FIRST_EXTERNAL_PORT = 20_000;

    private final NatType type;
    private final int host;
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private int nextPort = FIRST_EXTERNAL_PORT;

    public NatBox(NatType type, int host) {
        this.type = type;
        this.host = host;
    }

    public NatType type() {
        return type;
    }

    public int host() {
        return host;
    }

    /**
     * The external source of a packet {@code device} sends to {@code destination} now: the binding the
     * mapping rule picks, created if missing or expired, and refreshed.
     */
    public HostPort outbound(String device, HostPort destination, long now) {
        if (type.isPublic()) {
            return new HostPort(host, DEVICE_PORT);
        }
        String key = device + "|" + switch (type.mapping()) {
            case EIM -> "*";
            case ADM -> "h" + destination.host();
            case APDM -> destination.toString();
        };
        Binding binding = bindings.get(key);
        if (binding == null || binding.expired(now, type.timeoutMicros())) {
            bindings.remove(key);
            binding = new Binding(device, new HostPort(host, nextPort++), now);
            bindings.put(key, binding);
        }
        binding.refresh(destination, now);
        return binding.external();
    }

    /** What this NAT does with a packet from {@code source} to its external {@code port} now. */
    public Verdict inbound(HostPort source, int port, long now) {
        if (type.isPublic()) {
            return Verdict.PASS;
        }
        Binding binding = byPort(port);
        if (binding == null) {
            return Verdict.FILTERED;
        }
        if (binding.expired(now, type.timeoutMicros())) {
            return Verdict.EXPIRED;
        }
        return binding.admits(source, type.filtering()) ? Verdict.PASS : Verdict.FILTERED;
    }

    /** The device behind {@code port}, or null. */
    public String deviceAt(int port) {
        Binding binding = byPort(port);
        return binding == null ? null : binding.device();
    }

    /** The live bindings now, oldest first (looking changes nothing). */
    public List<Binding> bindings(long now) {
        List<Binding> live = new ArrayList<>();
        for (Binding b : bindings.values()) {
            if (!b.expired(now, type.timeoutMicros())) {
                live.add(b);
            }
        }
        return live;
    }

    private Binding byPort(int port) {
        for (Binding b : bindings.values()) {
            if (b.external().port() == port) {
                return b;
            }
        }
        return null;
    }
}
