package org.p2psim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Topology;
import org.p2psim.net.Packet;
import org.p2psim.device.RateLimit;
import org.p2psim.scenario.spec.DeviceSpec;
import org.p2psim.scenario.spec.HostileSpec;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimTime;
import org.p2psim.workload.HistorySpec;
import org.p2psim.workload.MessagesSpec;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadSpec;
import static org.p2psim.scenario.ScenarioFormat.*;
import static org.p2psim.scenario.NetFormat.*;
import static org.p2psim.scenario.SyncFormat.*;
import static org.p2psim.scenario.WorkloadFormat.*;
import static org.p2psim.scenario.ScheduleFormat.*;
import static org.p2psim.scenario.ExpectFormat.*;

/** The {@code devices}, {@code topology} and {@code hostile} sections, both ways. */
final class DeviceFormat {

    static final List<String> TOPOLOGIES = List.of("full-mesh", "random-regular", "star", "explicit");

    private DeviceFormat() {}

    static DeviceSpec readDevices(Node node) {
        Node.Fields f = node.fields("a map with count or names", "count", "names", "clockOffsetSd", "clockDriftPpmSd", "skewWindow",
                "maxPeers", "peerExchange", "profiles");
        List<String> names = f.has("names") ? f.get("names").names("device name") : List.of();
        int count;
        if (f.has("count")) {
            count = f.get("count").integer(1, DeviceSpec.MAX_DEVICES);
            if (!names.isEmpty() && names.size() != count) {
                throw f.get("count").error("must equal the number of devices.names (" + names.size() + "), was " + count);
            }
        } else if (!names.isEmpty()) {
            count = names.size();
        } else {
            throw node.error("needs count (how many devices, named d00, d01, …) or names (a list of device names)");
        }
        if (names.size() > DeviceSpec.MAX_DEVICES) {
            throw f.get("names").error("must name at most " + DeviceSpec.MAX_DEVICES + " devices, named " + names.size());
        }
        DeviceSpec d = DeviceSpec.DEFAULTS;
        Duration offsetSd = f.duration("clockOffsetSd", d.clockOffsetSd());
        double driftSd = f.has("clockDriftPpmSd") ? f.get("clockDriftPpmSd").numberIn(0, DeviceSpec.MAX_DRIFT_PPM, "ppm") : d.clockDriftPpmSd();
        Duration skew = f.positiveDuration("skewWindow", d.skewWindow());
        int maxPeers = f.integer("maxPeers", 1, DeviceSpec.MAX_DEVICES, d.maxPeers());
        Duration peerExchange = f.duration("peerExchange", d.peerExchange());
        return new DeviceSpec(count, names, offsetSd, driftSd, skew, maxPeers, peerExchange, readMix(f.get("profiles")));
    }

    /** {@code profiles: NAME} or {@code profiles: {NAME: weight, …}}; the names are checked against the workload's profiles later. */
    static Map<String, Double> readMix(Node node) {
        Map<String, Double> mix = new LinkedHashMap<>();
        if (node.isMissing()) {
            return mix;
        }
        if (node.json().isValueNode()) {
            mix.put(node.name("a profile name"), 1.0);
            return mix;
        }
        if (!node.isMap() || node.json().isEmpty()) {
            throw node.mustBe("a profile name or a map of profile name to weight ({desktop: 2, mobile-ios: 3})");
        }
        node.json().fieldNames().forEachRemaining(name -> {
            Node weight = node.child(name);
            double w = weight.number("a weight in (0, 1e6]");
            if (!(w > 0 && w <= 1e6)) {
                throw weight.mustBe("a weight in (0, 1e6]");
            }
            mix.put(name, w);
        });
        return mix;
    }

    static Topology readTopology(Node node, List<String> devices) {
        if (node.isMissing()) {
            return Topology.fullMesh();
        }
        if (!node.isMap()) {
            throw node.mustBe("a map with kind (one of " + TOPOLOGIES + ")");
        }
        String kind = node.child("kind").required("one of " + TOPOLOGIES).oneOf(TOPOLOGIES);
        switch (kind) {
            case "full-mesh" -> {
                node.fields("a map", "kind");
                return Topology.fullMesh();
            }
            case "random-regular" -> {
                Node.Fields f = node.fields("a map", "kind", "degree");
                Node degreeNode = f.get("degree").required("how many peers each device starts with");
                int n = devices.size();
                int degree = degreeNode.integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
                if (degree < 1 || degree >= n || ((long) n * degree) % 2 != 0) {
                    throw degreeNode.error("must be in [1, " + (n - 1) + "] with devices × degree even, was " + degree
                            + " (" + n + " devices)");
                }
                return Topology.randomRegular(degree);
            }
            case "star" -> {
                Node.Fields f = node.fields("a map", "kind", "hub");
                return Topology.star(device(f.get("hub").required("the name of the hub device"), devices));
            }
            default -> {
                Node.Fields f = node.fields("a map", "kind", "peers");
                Node peers = f.get("peers").required("a map of device name to its list of peers");
                if (!peers.isMap()) {
                    throw peers.mustBe("a map of device name to its list of peers");
                }
                Map<String, List<String>> result = new LinkedHashMap<>();
                Node.Fields pf = peers.fields("a map", devices.toArray(String[]::new));
                for (String device : devices) {
                    Node list = pf.get(device);
                    if (!list.isMissing()) {
                        List<String> names = list.names("device name");
                        for (int i = 0; i < names.size(); i++) {
                            String peer = names.get(i);
                            if (peer.equals(device)) {
                                throw list.error("names the device itself ('" + device + "'); a device is not its own peer");
                            }
                            if (!devices.contains(peer)) {
                                throw list.error("names '" + peer + "', which is not a device; devices: " + deviceList(devices));
                            }
                        }
                        result.put(device, names);
                    }
                }
                return Topology.explicit(result);
            }
        }
    }

    static ObjectNode writeDevices(DeviceSpec d) {
        ObjectNode o = JSON.objectNode();
        if (d.names().isEmpty()) {
            o.put("count", d.count());
        } else {
            o.set("names", names(d.names()));
        }
        o.put("clockOffsetSd", Units.formatDuration(d.clockOffsetSd()));
        o.put("clockDriftPpmSd", d.clockDriftPpmSd());
        o.put("skewWindow", Units.formatDuration(d.skewWindow()));
        o.put("maxPeers", d.maxPeers());
        o.put("peerExchange", Units.formatDuration(d.peerExchange()));
        if (!d.profiles().isEmpty()) {
            ObjectNode mix = o.putObject("profiles");
            d.profiles().forEach(mix::put);
        }
        return o;
    }

    static ObjectNode writeTopology(Topology t) {
        ObjectNode o = JSON.objectNode();
        if (t instanceof Topology.FullMesh) {
            o.put("kind", "full-mesh");
        } else if (t instanceof Topology.RandomRegular r) {
            o.put("kind", "random-regular");
            o.put("degree", r.degree());
        } else if (t instanceof Topology.Star s) {
            o.put("kind", "star");
            o.put("hub", s.hub());
        } else if (t instanceof Topology.Explicit e) {
            o.put("kind", "explicit");
            ObjectNode peers = o.putObject("peers");
            e.peers().forEach((device, list) -> peers.set(device, names(list)));
        }
        return o;
    }

    // ---- the hostile section: hostile members' roles and every device's per-peer rate limits ----

    static final long MAX_PER_MINUTE = 1L << 40;

    static HostileSpec readHostile(Node node, List<String> devices) {
        if (node.isMissing()) {
            return HostileSpec.NONE;
        }
        Node.Fields f = node.fields("a map with roles, every, burst, rateLimit", "roles", "every", "burst", "rateLimit");
        HostileSpec d = HostileSpec.NONE;
        Map<String, String> roles = new LinkedHashMap<>();
        Node rolesNode = f.get("roles");
        if (!rolesNode.isMissing()) {
            if (!rolesNode.isMap()) {
                throw rolesNode.mustBe("a map of device name to role, e.g. {mallory: flooder}");
            }
            rolesNode.json().fieldNames().forEachRemaining(device -> {
                Node role = rolesNode.child(device);
                if (!devices.contains(device)) {
                    throw role.error("names no device present at the start; devices: " + devices);
                }
                roles.put(device, role.oneOf(HostileSpec.ROLES));
            });
        }
        Duration every = f.get("every").isMissing() ? d.every() : f.get("every").positiveDuration();
        if (every.compareTo(Duration.ofMillis(10)) < 0) {
            throw f.get("every").mustBe("a duration of at least 10ms");
        }
        int burst = f.integer("burst", 1, HostileSpec.MAX_BURST, d.burst());
        return new HostileSpec(roles, every, burst, readRateLimit(f.get("rateLimit")));
    }

    private static RateLimit readRateLimit(Node node) {
        if (node.isMissing()) {
            return RateLimit.NONE;
        }
        Node.Fields f = node.fields("a map with events and bytes (per peer per minute; 0 = unlimited)", "events", "bytes");
        long events = f.has("events") ? f.get("events").wholeNumber(0, MAX_PER_MINUTE) : 0;
        long bytes = f.has("bytes") ? f.get("bytes").size(0) : 0;
        return new RateLimit(events, bytes);
    }

    static ObjectNode writeHostile(HostileSpec h) {
        ObjectNode o = JSON.objectNode();
        ObjectNode roles = o.putObject("roles");
        h.roles().forEach(roles::put);
        o.put("every", Units.formatDuration(h.every()));
        o.put("burst", h.burst());
        ObjectNode limit = o.putObject("rateLimit");
        limit.put("events", h.rateLimit().eventsPerMinute());
        limit.put("bytes", h.rateLimit().bytesPerMinute());
        return o;
    }
}
