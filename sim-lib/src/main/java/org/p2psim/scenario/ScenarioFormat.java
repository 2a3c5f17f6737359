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
import org.p2psim.scenario.spec.Action;
import org.p2psim.scenario.spec.DeviceSpec;
import org.p2psim.scenario.spec.Expectation;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.scenario.spec.ScheduledAction;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimTime;
import org.p2psim.scenario.spec.HostileSpec;
import org.p2psim.sync.registry.Strategies;
import org.p2psim.workload.HistorySpec;
import org.p2psim.workload.MessagesSpec;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadSpec;
import static org.p2psim.scenario.DeviceFormat.*;
import static org.p2psim.scenario.NetFormat.*;
import static org.p2psim.scenario.SyncFormat.*;
import static org.p2psim.scenario.WorkloadFormat.*;
import static org.p2psim.scenario.ScheduleFormat.*;
import static org.p2psim.scenario.ExpectFormat.*;

/**
 * The scenario file format, both ways: validated binding of a YAML tree to a {@link Scenario}, and
 * the canonical tree of a scenario (every field explicit) that binds back to an equal one. This
 * class reads the top level and hands each section to its format ({@link DeviceFormat},
 * {@link NetFormat}, {@link SyncFormat}, {@link WorkloadFormat}, {@link ScheduleFormat},
 * {@link ExpectFormat}); {@code small} stays here. Every field, its forms and its default are documented in {@code scenarios/README.md}.
 */
final class ScenarioFormat {
    static final List<String> TOP = List.of("name", "description", "duration", "seed", "devices", "topology", "net", "sync",
            "crypto", "workload", "schedule", "expect", "small", "hostile");
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ScenarioFormat() {}

    // ================================================================ reading

    /** Binds {@code root}; {@code defaultName} (the file's stem) names a scenario without a name. */
    static Scenario read(Node root, String defaultName) {
        Node.Fields f = root.fields("a map of scenario fields (" + String.join(", ", TOP) + ")", TOP.toArray(String[]::new));
        String name;
        if (f.has("name")) {
            name = f.get("name").name("a scenario name");
        } else if (defaultName != null) {
            name = defaultName;
        } else {
            throw f.get("name").error("is required (a scenario name)");
        }
        String description = f.has("description") ? f.get("description").text("text") : "";
        Duration duration = f.get("duration").required(Units.DURATION_FORMS).positiveDuration();
        Long seed = f.has("seed") ? seed(f.get("seed")) : null;
        DeviceSpec devices = readDevices(f.get("devices").required("a map with count or names"));
        List<String> names = devices.deviceNames();
        Topology topology = readTopology(f.get("topology"), names);
        NetSpec net = readNet(f.get("net"));
        SyncSpec sync = readSync(f.get("sync"));
        SignatureMode signatures = readCrypto(f.get("crypto"));
        List<ScheduledAction> schedule = readSchedule(f.get("schedule"), names, duration);
        Map<String, Duration> joins = joins(schedule);
        WorkloadSpec workload = readWorkload(f.get("workload"), names, joins, duration);
        workload = withUsedProfiles(workload, f.get("devices").child("profiles"), devices.profiles().keySet());
        workload = withJoinersProfiles(workload, f.get("schedule"), schedule);
        List<Expectation> expect = readExpect(f.get("expect"), duration);
        Map<String, String> small = readSmall(f.get("small"));
        HostileSpec hostile = DeviceFormat.readHostile(f.get("hostile"), names);
        Scenario scenario = new Scenario(name, description, duration, seed, devices, topology, net, sync, signatures, workload,
                schedule, expect, small, hostile);
        checkSmall(scenario, f.get("small"));
        checkCost(scenario, root);
        return scenario;
    }

    /** Events a run may generate at most (messages, posts, reads, uploads, history), estimated from the rates. */
    static final double MAX_EVENTS = 1e7;
    /** Sync timer firings a run may take at most: devices × duration / interval, summed over the strategy's intervals. */
    static final double MAX_TIMER_FIRINGS = 5e7;

    /**
     * Bounds the whole run's cost before it starts (issue 12: {@code ratePerMinute=1e9} ran out of
     * memory after a minute, {@code sync.interval=1us} never finished): the estimate names what
     * drives it and the bound.
     */
    static void checkCost(Scenario s, Node root) {
        int n = s.devices().deviceNames().size();
        double minutes = s.duration().toNanos() / 60e9;
        WorkloadSpec w = s.workload();
        double perHour = 0;
        for (Profile p : w.profiles().values()) {
            perHour = Math.max(perHour, p.postsPerHour() + p.readsPerHour() + p.uploadsPerHour());
        }
        double events = n * minutes * (w.messages().ratePerMinute() + perHour / 60)
                + (double) n * w.history().each() + w.history().byDevice().values().stream().mapToDouble(v -> v).sum();
        double hostileEvents = hostileEvents(s, minutes);
        events += hostileEvents;
        if (events > MAX_EVENTS) {
            throw root.error("would generate about " + approx(events) + " events (" + n + " devices over "
                    + Units.formatDuration(s.duration()) + " at workload.messages.ratePerMinute = " + approx(w.messages().ratePerMinute())
                    + ", profile rates up to " + approx(perHour) + " per hour"
                    + (hostileEvents > 0 ? ", " + approx(hostileEvents) + " from hostile members at hostile.burst = " + s.hostile().burst()
                    + " every " + Units.formatDuration(s.hostile().every()) : "") + "); at most " + approx(MAX_EVENTS)
                    + " are allowed: lower the rates, the burst, the devices or the duration");
        }
        double firings = 0;
        List<String> drivers = new ArrayList<>();
        for (var e : Strategies.write(s.sync().type(), s.sync().params()).entrySet()) {
            if (e.getValue() instanceof Duration d && !d.isZero() && e.getKey().toLowerCase(java.util.Locale.ROOT).contains("interval")) {
                firings += n * (s.duration().toNanos() / (double) d.toNanos());
                drivers.add("sync." + e.getKey() + " = " + Units.formatDuration(d));
            }
        }
        firings += hostileActs(s, minutes);
        if (!s.hostile().roles().isEmpty()) {
            drivers.add("hostile.every = " + Units.formatDuration(s.hostile().every()));
        }
        if (firings > MAX_TIMER_FIRINGS) {
            throw root.error("would take about " + approx(firings) + " sync timer firings (" + n + " devices over "
                    + Units.formatDuration(s.duration()) + " with " + String.join(", ", drivers) + "); at most "
                    + approx(MAX_TIMER_FIRINGS) + " are allowed: lengthen the interval, or shorten the duration");
        }
        double sends = hostileSends(s, minutes);
        if (sends > MAX_HOSTILE_SENDS) {
            throw root.error("hostile members would send about " + approx(sends) + " packets (" + s.hostile().roles().size()
                    + " of them, hostile.burst = " + s.hostile().burst() + " every " + Units.formatDuration(s.hostile().every())
                    + ", a flooder or poisoner to each of " + (n - 1) + " others, over " + Units.formatDuration(s.duration())
                    + "); at most " + approx(MAX_HOSTILE_SENDS) + " are allowed: lower hostile.burst, lengthen hostile.every, or shorten the duration");
        }
    }

    /** Packets hostile members may send in a run at most (a flooder's burst to every other device is that many packets). */
    static final double MAX_HOSTILE_SENDS = 5e7;

    /** Times hostile members act: each acting role once per {@code hostile.every}. */
    private static double hostileActs(Scenario s, double minutes) {
        long acting = s.hostile().roles().values().stream().filter(r -> !r.equals("withholder")).count();
        return acting * minutes * 60e9 / s.hostile().every().toNanos();
    }

    /** Events hostile members author: a flooder's and a poisoner's burst per act. */
    private static double hostileEvents(Scenario s, double minutes) {
        long authors = s.hostile().roles().values().stream().filter(r -> r.equals("flooder") || r.equals("poisoner")).count();
        return authors * minutes * 60e9 / s.hostile().every().toNanos() * s.hostile().burst();
    }

    /** Packets hostile members send: authors push each event to every other device, the others send a burst per act. */
    private static double hostileSends(Scenario s, double minutes) {
        double perAct = s.hostile().burst(), others = Math.max(0, s.devices().deviceNames().size() - 1);
        double sends = 0;
        for (String role : s.hostile().roles().values()) {
            double fanOut = role.equals("flooder") || role.equals("poisoner") ? others : role.equals("withholder") ? 0 : 1;
            sends += minutes * 60e9 / s.hostile().every().toNanos() * perAct * fanOut;
        }
        return sends;
    }

    private static String approx(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    /** As {@link #withUsedProfiles}, for the profiles of devices that join ({@code {join: X, profile: P}}). */
    private static WorkloadSpec withJoinersProfiles(WorkloadSpec w, Node scheduleNode, List<ScheduledAction> schedule) {
        for (int i = 0; i < schedule.size(); i++) {
            if (schedule.get(i).action() instanceof Action.Join join && join.profile() != null) {
                Node at = new Node(scheduleNode.source(), scheduleNode.path() + "[" + i + "]", scheduleNode.json().get(i)).child("profile");
                w = withUsedProfiles(w, at, List.of(join.profile()));
            }
        }
        return w;
    }

    /** {@code small: {PATH: VALUE, …}}: overrides that make the scenario's small size, kept as YAML text. */
    private static Map<String, String> readSmall(Node node) {
        Map<String, String> small = new LinkedHashMap<>();
        if (node.isMissing()) {
            return small;
        }
        if (!node.isMap()) {
            throw node.mustBe("a map of field path to value ({devices.count: 6, duration: 10m})");
        }
        node.json().fields().forEachRemaining(e -> small.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return small;
    }

    /** The small size must itself be a valid scenario. */
    private static void checkSmall(Scenario scenario, Node node) {
        if (!scenario.smallSize().isEmpty()) {
            try {
                scenario.small();
            } catch (ScenarioException e) {
                throw node.error("makes an invalid scenario: " + e.getMessage());
            }
        }
    }

    static long seed(Node node) {
        return node.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static Map<String, Duration> joins(List<ScheduledAction> schedule) {
        Map<String, Duration> joins = new LinkedHashMap<>();
        schedule.stream().sorted(Comparator.comparing(ScheduledAction::at)).forEach(s -> {
            if (s.action() instanceof Action.Join join) {
                joins.put(join.device(), s.at());
            }
        });
        return joins;
    }

    /** "alice, bob" or, for many, "d00, d01, d02, …, d19 (20 devices)". */
    static String deviceList(List<String> devices) {
        if (devices.size() <= 8) {
            return String.join(", ", devices);
        }
        return String.join(", ", devices.subList(0, 3)) + ", …, " + devices.get(devices.size() - 1) + " (" + devices.size() + " devices)";
    }

    // ================================================================ writing

    /** The canonical tree of {@code s}: every field explicit, in the documented order. */
    static ObjectNode write(Scenario s) {
        ObjectNode root = JSON.objectNode();
        root.put("name", s.name());
        if (!s.description().isEmpty()) {
            root.put("description", s.description());
        }
        root.put("duration", Units.formatDuration(s.duration()));
        if (s.seed() != null) {
            root.put("seed", s.seed());
        }
        root.set("devices", writeDevices(s.devices()));
        root.set("topology", writeTopology(s.topology()));
        root.set("net", writeNet(s.net()));
        root.set("sync", writeSync(s.sync()));
        root.set("crypto", writeCrypto(s.signatures()));
        root.set("workload", writeWorkload(s.workload()));
        ArrayNode schedule = root.putArray("schedule");
        s.schedule().forEach(a -> schedule.add(writeAction(a)));
        if (!s.expect().isEmpty()) {
            ArrayNode expect = root.putArray("expect");
            s.expect().forEach(e -> expect.add(writeExpectation(e)));
        }
        if (!s.hostile().isNone()) {
            root.set("hostile", DeviceFormat.writeHostile(s.hostile()));
        }
        if (!s.smallSize().isEmpty()) {
            ObjectNode small = root.putObject("small");
            s.smallSize().forEach(small::put);
        }
        return root;
    }

    static JsonNode value(Object v) {
        if (v instanceof String text) {
            return JSON.textNode(text);
        }
        if (v instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (v instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (v instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (v instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(e -> array.add(value(e)));
            return array;
        }
        if (v instanceof JsonNode node) {
            return node;
        }
        throw new IllegalArgumentException("cannot write " + v.getClass().getSimpleName() + " into a scenario");
    }

    static ArrayNode names(List<String> names) {
        ArrayNode array = JSON.arrayNode();
        names.forEach(array::add);
        return array;
    }

    /** The run's duration in µs. */
    static long micros(Duration d) {
        return SimTime.of(d);
    }
}
