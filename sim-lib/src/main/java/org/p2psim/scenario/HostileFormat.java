package org.p2psim.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.device.RateLimit;
import org.p2psim.scenario.spec.HostileSpec;
import org.p2psim.scenario.spec.Units;
import static org.p2psim.scenario.ScenarioFormat.JSON;

/** The {@code hostile} section, both ways: hostile members' roles and every device's per-peer rate limits. */
final class HostileFormat {
    static final long MAX_PER_MINUTE = 1L << 40;

    private HostileFormat() {}

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
