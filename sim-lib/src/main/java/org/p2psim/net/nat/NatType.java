package org.p2psim.net.nat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One NAT's behaviour in RFC 4787's terms.
 *
 * @param name           the preset's name
 * @param isPublic       no NAT: the device has a public address, every inbound packet passes
 * @param mapping        which outbound flows share an external port
 * @param filtering      which inbound packets a binding lets through
 * @param timeoutMicros  how long a binding lives after its last outbound packet
 * @param hairpin        whether two devices behind this NAT reach each other through its external address
 */
public record NatType(String name, boolean isPublic, Mapping mapping, Filtering filtering, long timeoutMicros, boolean hairpin) {
    private static final long SECOND = 1_000_000L;

    /**
     * The named presets. Home routers: RFC 4787 REQ-5 asks for 2 min bindings, and measured routers
     * keep idle UDP bindings 30 s to a few minutes; carriers (CGNAT) are often shorter, hence 30 s.
     */
    public static final Map<String, NatType> PRESETS = presets();

    public NatType {
        if (timeoutMicros <= 0) {
            throw new IllegalArgumentException("a NAT binding timeout must be > 0, was " + timeoutMicros + " µs");
        }
    }

    private static Map<String, NatType> presets() {
        Map<String, NatType> p = new LinkedHashMap<>();
        long twoMinutes = 120 * SECOND;
        p.put("none", new NatType("none", true, Mapping.EIM, Filtering.EIF, twoMinutes, true));
        p.put("full-cone", new NatType("full-cone", false, Mapping.EIM, Filtering.EIF, twoMinutes, true));
        p.put("address-restricted", new NatType("address-restricted", false, Mapping.EIM, Filtering.ADF, twoMinutes, true));
        p.put("port-restricted", new NatType("port-restricted", false, Mapping.EIM, Filtering.APDF, twoMinutes, true));
        p.put("symmetric", new NatType("symmetric", false, Mapping.APDM, Filtering.APDF, twoMinutes, false));
        p.put("cgnat", new NatType("cgnat", false, Mapping.APDM, Filtering.APDF, 30 * SECOND, false));
        return Collections.unmodifiableMap(p);
    }

    /** The preset of this name; an unknown name is refused with the list of presets. */
    public static NatType preset(String name) {
        NatType type = PRESETS.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown NAT preset '" + name + "'; presets: " + String.join(", ", names()));
        }
        return type;
    }

    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    public NatType withTimeout(long micros) {
        return new NatType(name, isPublic, mapping, filtering, micros, hairpin);
    }

    public NatType withHairpin(boolean value) {
        return new NatType(name, isPublic, mapping, filtering, timeoutMicros, value);
    }

    @Override
    public String toString() {
        return name;
    }

    /** RFC 4787 §4.1 mapping behaviour: which outbound flows share one external port. */
    public enum Mapping {
        /** Endpoint-independent: one external port per internal endpoint, whatever the destination. */
        EIM,
        /** Address-dependent: one external port per destination address. */
        ADM,
        /** Address-and-port-dependent: one external port per destination address and port ("symmetric"). */
        APDM
    }

    /** RFC 4787 §5 filtering behaviour: which inbound packets a live binding lets through. */
    public enum Filtering {
        /** Endpoint-independent: any source. */
        EIF,
        /** Address-dependent: a source address the binding has sent to. */
        ADF,
        /** Address-and-port-dependent: a source address and port the binding has sent to. */
        APDF
    }
}
