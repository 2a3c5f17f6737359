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
import org.p2psim.sim.SimTime;
import org.p2psim.workload.HistorySpec;
import org.p2psim.workload.MessagesSpec;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadSpec;

/**
 * The scenario file format, both ways: validated binding of a YAML tree to a {@link Scenario}, and
 * the canonical tree of a scenario (every field explicit) that binds back to an equal one.
 * Every field, its forms and its default are documented in {@code scenarios/README.md}.
 */
final class ScenarioFormat {
    static final List<String> TOP = List.of("name", "description", "duration", "seed", "devices", "topology", "net", "sync",
            "crypto", "workload", "schedule", "expect", "small");
    static final List<String> TOPOLOGIES = List.of("full-mesh", "random-regular", "star", "explicit");
    static final List<String> ACTIONS = List.of("leave", "reconnect", "switch", "join", "partition", "isolate", "heal", "net");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

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
        Scenario scenario = new Scenario(name, description, duration, seed, devices, topology, net, sync, signatures, workload,
                schedule, expect, small);
        checkSmall(scenario, f.get("small"));
        return scenario;
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

    // ---- devices ----

    private static DeviceSpec readDevices(Node node) {
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
        double driftSd = f.has("clockDriftPpmSd") ? f.get("clockDriftPpmSd").numberAtLeast(0, "ppm") : d.clockDriftPpmSd();
        Duration skew = f.positiveDuration("skewWindow", d.skewWindow());
        int maxPeers = f.integer("maxPeers", 1, DeviceSpec.MAX_DEVICES, d.maxPeers());
        Duration peerExchange = f.duration("peerExchange", d.peerExchange());
        return new DeviceSpec(count, names, offsetSd, driftSd, skew, maxPeers, peerExchange, readMix(f.get("profiles")));
    }

    /** {@code profiles: NAME} or {@code profiles: {NAME: weight, …}}; the names are checked against the workload's profiles later. */
    private static Map<String, Double> readMix(Node node) {
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
            double w = weight.number("a weight > 0");
            if (!(w > 0)) {
                throw weight.mustBe("a weight > 0");
            }
            mix.put(name, w);
        });
        return mix;
    }

    // ---- topology ----

    private static Topology readTopology(Node node, List<String> devices) {
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

    // ---- network ----

    private static final String[] NET_FIELDS = {"latency", "loss", "burst", "duplicate", "mtu", "uplink", "downlink", "bucket", "queue"};

    static NetSpec readNet(Node node) {
        NetSpec d = NetSpec.DEFAULTS;
        if (node.isMissing()) {
            return d;
        }
        Node.Fields f = node.fields("a map of network conditions", NET_FIELDS);
        LatencySpec latency = f.has("latency") ? readLatency(f.get("latency")) : d.latency();
        LossSpec loss = readLoss(f, d.loss());
        double duplicate = f.probability("duplicate", d.duplicate());
        int mtu = f.integer("mtu", Packet.OVERHEAD + 1, 65_535, d.mtu());
        double uplink = f.has("uplink") ? f.get("uplink").rate() : d.uplink();
        double downlink = f.has("downlink") ? f.get("downlink").rate() : d.downlink();
        long bucket = f.has("bucket") ? f.get("bucket").size(1) : d.bucket();
        long queue = f.has("queue") ? f.get("queue").size(0) : d.queue();
        return new NetSpec(latency, loss, duplicate, mtu, uplink, downlink, bucket, queue);
    }

    static LatencySpec readLatency(Node node) {
        if (!node.isMissing() && node.json().isValueNode()) {
            return LatencySpec.fixed(node.duration());
        }
        String forms = "a duration (fixed), a map {mean, sd} (normal) or a map {base, median, sigma} (log-normal)";
        if (!node.isMap()) {
            throw node.mustBe(forms);
        }
        Node.Fields f = node.fields(forms, "mean", "sd", "base", "median", "sigma");
        boolean normal = f.has("mean") || f.has("sd");
        boolean logNormal = f.has("base") || f.has("median") || f.has("sigma");
        if (normal && logNormal) {
            throw node.error("mixes mean/sd (a normal latency) with base/median/sigma (a log-normal one); give one set");
        }
        if (logNormal) {
            Duration base = f.duration("base", Duration.ZERO);
            Duration median = f.get("median").required("the median of the variable part, e.g. 10ms").positiveDuration();
            Node sigmaNode = f.get("sigma").required("the spread of the log, a number in [0, 3]");
            double sigma = sigmaNode.number("a number in [0, 3]");
            if (!(sigma >= 0 && sigma <= 3)) {
                throw sigmaNode.mustBe("a number in [0, 3]");
            }
            return new LatencySpec.LogNormal(base, median, sigma);
        }
        Duration mean = f.get("mean").required(Units.DURATION_FORMS).duration();
        return new LatencySpec.Normal(mean, f.duration("sd", Duration.ZERO));
    }

    /** {@code loss} (a number or the Gilbert–Elliott map) and {@code burst} of a net map; NONE when neither is given. */
    static LossSpec readLoss(Node.Fields f) {
        Node loss = f.get("loss");
        Node burst = f.get("burst");
        if (loss.isMissing()) {
            if (!burst.isMissing()) {
                throw burst.error("needs " + loss.path() + " beside it (the long-run loss rate)");
            }
            return null;
        }
        if (loss.isMap()) {
            if (!burst.isMissing()) {
                throw burst.error("goes only with a number " + loss.path() + ", not with the Gilbert–Elliott map");
            }
            Node.Fields g = loss.fields("a map", "goodToBad", "badToGood", "inGood", "inBad");
            double p = g.get("goodToBad").required("a probability in [0, 1]").probability();
            double r = g.get("badToGood").required("a probability in [0, 1]").probability();
            if (p + r == 0) {
                throw loss.error("needs goodToBad or badToGood above 0; with both 0 the chain never moves");
            }
            return new LossSpec.GilbertElliott(p, r, g.probability("inGood", 0), g.probability("inBad", 1));
        }
        double rate = loss.probability();
        if (burst.isMissing()) {
            return new LossSpec.Independent(rate);
        }
        if (rate >= 1) {
            throw loss.error("must be below 1 for bursty loss (with " + burst.path() + "), was " + loss.describe());
        }
        double b = burst.number("a mean run of consecutive losses >= 1");
        double smallest = Math.max(1, rate / (1 - rate));
        if (!(b >= smallest)) {
            throw burst.mustBe(smallest > 1 ? "a mean run of consecutive losses >= " + smallest + " for a loss of " + rate
                    : "a mean run of consecutive losses >= 1");
        }
        return new LossSpec.Bursty(rate, b);
    }

    private static LossSpec readLoss(Node.Fields f, LossSpec otherwise) {
        LossSpec loss = readLoss(f);
        return loss == null ? otherwise : loss;
    }

    // ---- sync and crypto ----

    /** The {@code sync} section: a registered strategy and its parameters (also used by {@link Strategies#spec}). */
    static SyncSpec readSync(Node node) {
        if (node.isMissing()) {
            return SyncSpec.defaults();
        }
        if (!node.isMap()) {
            throw node.mustBe("a map with strategy and its parameters");
        }
        Node strategyNode = node.child("strategy");
        String name = strategyNode.isMissing() ? Strategies.DEFAULT : strategyNode.oneOf(Strategies.names());
        StrategyType<?> type = Strategies.get(name);
        List<String> known = new ArrayList<>();
        known.add("strategy");
        known.addAll(type.parameters());
        Node.Fields f = node.fields("a map", known.toArray(String[]::new));
        return new SyncSpec(name, type.bind(f));
    }

    private static SignatureMode readCrypto(Node node) {
        if (node.isMissing()) {
            return SignatureMode.REAL;
        }
        Node.Fields f = node.fields("a map {signatures: real | fast}", "signatures");
        Node mode = f.get("signatures");
        return mode.isMissing() ? SignatureMode.REAL : SignatureMode.of(mode.oneOf(List.of("real", "fast")));
    }

    // ---- workload ----

    private static WorkloadSpec readWorkload(Node node, List<String> devices, Map<String, Duration> joins, Duration duration) {
        if (node.isMissing()) {
            return WorkloadSpec.NONE;
        }
        Node.Fields f = node.fields("a map with channels, history, messages, profiles, startOfDay and maxThread", "channels",
                "history", "messages", "profiles", "startOfDay", "maxThread");
        List<String> channels = f.has("channels") ? f.get("channels").names("channel name") : WorkloadSpec.DEFAULT_CHANNELS;
        if (channels.isEmpty()) {
            throw f.get("channels").error("must name at least one channel");
        }
        HistorySpec history = readHistory(f.get("history"), devices, channels);
        MessagesSpec messages = readMessages(f.get("messages"), devices, joins, duration);
        Map<String, Profile> profiles = ProfileFormat.readAll(f.get("profiles"), Profiles.builtin());
        LocalTime startOfDay = f.has("startOfDay") ? ProfileFormat.timeOfDay(f.get("startOfDay")) : WorkloadSpec.DEFAULT_START_OF_DAY;
        int maxThread = f.integer("maxThread", 2, 1_000_000, WorkloadSpec.DEFAULT_MAX_THREAD);
        return new WorkloadSpec(channels, history, messages, profiles, startOfDay, maxThread);
    }

    /**
     * The workload with every profile the devices use: the scenario's own, and the built-ins it
     * names ({@code scenarios/profiles.yaml}). A name that is neither is an error at {@code mixNode}.
     */
    private static WorkloadSpec withUsedProfiles(WorkloadSpec w, Node mixNode, Collection<String> used) {
        Map<String, Profile> all = new LinkedHashMap<>(w.profiles());
        Map<String, Profile> builtin = Profiles.builtin();
        for (String name : used) {
            if (!all.containsKey(name)) {
                Profile p = builtin.get(name);
                if (p == null) {
                    Set<String> known = new TreeSet<>(builtin.keySet());
                    known.addAll(w.profiles().keySet());
                    Node at = mixNode.json().isValueNode() ? mixNode : mixNode.child(name);
                    throw at.error("names the profile '" + name + "', which is neither built in nor in workload.profiles; known: "
                            + String.join(", ", known));
                }
                all.put(name, p);
            }
        }
        return new WorkloadSpec(w.channels(), w.history(), w.messages(), all, w.startOfDay(), w.maxThread());
    }

    private static HistorySpec readHistory(Node node, List<String> devices, List<String> channels) {
        if (node.isMissing()) {
            return HistorySpec.NONE;
        }
        Node.Fields f = node.fields("a map with count and channel", "count", "channel");
        String channel = null;
        if (f.has("channel")) {
            channel = f.get("channel").name("channel name");
            if (!channels.contains(channel)) {
                throw f.get("channel").mustBe("one of workload.channels " + channels);
            }
        }
        Node count = f.get("count").required("messages per device, or a map of device name to messages");
        if (count.isMap()) {
            Map<String, Integer> byDevice = new LinkedHashMap<>();
            Node.Fields counts = count.fields("a map", devices.toArray(String[]::new));
            for (String device : devices) {
                if (counts.has(device)) {
                    byDevice.put(device, counts.get(device).integer(0, 1_000_000));
                }
            }
            return new HistorySpec(0, byDevice, channel);
        }
        if (!count.json().isValueNode()) {
            throw count.mustBe("a whole number >= 0 or a map of device name to number");
        }
        return new HistorySpec(count.integer(0, 1_000_000), Map.of(), channel);
    }

    private static MessagesSpec readMessages(Node node, List<String> devices, Map<String, Duration> joins, Duration duration) {
        if (node.isMissing()) {
            return MessagesSpec.NONE;
        }
        Node.Fields f = node.fields("a map with ratePerMinute, start, until, textLength and devices",
                "ratePerMinute", "start", "until", "textLength", "devices");
        double rate = f.get("ratePerMinute").required("messages per device per minute, a number >= 0").numberAtLeast(0, "per minute");
        Duration start = f.duration("start", Duration.ZERO);
        Duration until = f.has("until") ? f.get("until").duration() : null;
        if (until != null && until.compareTo(start) <= 0) {
            throw f.get("until").error("must be after start (" + Units.formatDuration(start) + "), was " + Units.formatDuration(until));
        }
        if (start.compareTo(duration) > 0) {
            throw f.get("start").error("must be within the run (duration " + Units.formatDuration(duration) + "), was "
                    + Units.formatDuration(start));
        }
        int textLength = f.integer("textLength", 1, 100_000, MessagesSpec.DEFAULT_TEXT_LENGTH);
        List<String> who = f.has("devices") ? f.get("devices").names("device name") : List.of();
        for (String device : who) {
            if (!devices.contains(device) && !joins.containsKey(device)) {
                throw f.get("devices").error("names '" + device + "', which is not a device; devices: " + deviceList(devices));
            }
        }
        return new MessagesSpec(rate, start, until, textLength, who);
    }

    // ---- schedule ----

    private static List<ScheduledAction> readSchedule(Node node, List<String> devices, Duration duration) {
        if (node.isMissing()) {
            return List.of();
        }
        List<Node> entries = node.elements("a list of timed actions ({at: 2m, leave: d01}, …)");
        List<Node> byTime = new ArrayList<>();
        Map<Node, Duration> times = new LinkedHashMap<>();
        for (Node entry : entries) {
            if (!entry.isMap()) {
                throw entry.mustBe("a map with at and one action (" + String.join(", ", ACTIONS) + ")");
            }
            Node at = entry.child("at").required(Units.DURATION_FORMS + ", when the action happens");
            Duration time = at.duration();
            if (time.compareTo(duration) > 0) {
                throw at.error("must be within the run (duration " + Units.formatDuration(duration) + "), was " + at.describe());
            }
            times.put(entry, time);
            byTime.add(entry);
        }
        // check device names in time order, so that a device exists from its join on
        byTime.sort(Comparator.comparing(times::get));
        Map<Node, ScheduledAction> read = new LinkedHashMap<>();
        Set<String> present = new LinkedHashSet<>(devices);
        Map<String, String> accounts = new LinkedHashMap<>(); // device → account, a device's own name by default
        devices.forEach(d -> accounts.put(d, d));
        for (Node entry : byTime) {
            Action action = readAction(entry, present, accounts, times.get(entry));
            if (action instanceof Action.Join join) {
                present.add(join.device());
                accounts.put(join.device(), join.account());
            }
            read.put(entry, new ScheduledAction(times.get(entry), action));
        }
        List<ScheduledAction> result = new ArrayList<>();
        entries.forEach(e -> result.add(read.get(e)));
        return List.copyOf(result);
    }

    private static Action readAction(Node entry, Set<String> present, Map<String, String> accounts, Duration at) {
        List<String> kinds = new ArrayList<>();
        for (String kind : ACTIONS) {
            if (entry.json().has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty()) {
            Set<String> keys = new LinkedHashSet<>();
            entry.json().fieldNames().forEachRemaining(keys::add);
            keys.remove("at");
            String extra = keys.isEmpty() ? "" : "; unknown field " + entry.path() + "." + keys.iterator().next();
            throw ScenarioException.worded(entry.source(), entry.path(), entry.path() + " must have one action besides at: one of "
                    + String.join(", ", ACTIONS) + extra);
        }
        if (kinds.size() > 1) {
            throw ScenarioException.worded(entry.source(), entry.path(), entry.path() + " has both " + kinds.get(0) + " and "
                    + kinds.get(1) + "; give one action per entry");
        }
        String kind = kinds.get(0);
        String when = Units.formatDuration(at);
        switch (kind) {
            case "leave" -> {
                Node.Fields f = entry.fields("a map", "at", "leave", "graceful");
                return new Action.Leave(present(f.get("leave"), present, when), f.bool("graceful", true));
            }
            case "reconnect" -> {
                Node.Fields f = entry.fields("a map", "at", "reconnect");
                return new Action.Reconnect(present(f.get("reconnect"), present, when));
            }
            case "switch" -> {
                Node.Fields f = entry.fields("a map", "at", "switch");
                return new Action.Switch(present(f.get("switch"), present, when));
            }
            case "join" -> {
                return readJoin(entry, present, accounts, when);
            }
            case "partition" -> {
                Node.Fields f = entry.fields("a map", "at", "partition", "for");
                String forms = "two groups of devices, e.g. [[d00, d01], [d02]]";
                List<Node> groups = f.get("partition").elements(forms);
                if (groups.size() != 2) {
                    throw f.get("partition").mustBe(forms);
                }
                List<String> a = presentAll(groups.get(0), present, when);
                List<String> b = presentAll(groups.get(1), present, when);
                for (String name : a) {
                    if (b.contains(name)) {
                        throw f.get("partition").error("puts '" + name + "' on both sides");
                    }
                }
                return new Action.Partition(a, b, lasting(f));
            }
            case "isolate" -> {
                Node.Fields f = entry.fields("a map", "at", "isolate", "for");
                return new Action.Isolate(presentAll(f.get("isolate"), present, when), lasting(f));
            }
            case "heal" -> {
                Node.Fields f = entry.fields("a map", "at", "heal");
                f.get("heal").oneOf(List.of("all"));
                return new Action.Heal();
            }
            default -> {
                return readNetChange(entry, present, when);
            }
        }
    }

    /**
     * A join: {@code account} (default: the new device's name) is either the account of {@code via},
     * which then authorises the new device, or a new account, which {@code via} invites it to start.
     */
    private static Action.Join readJoin(Node entry, Set<String> present, Map<String, String> accounts, String when) {
        Node.Fields f = entry.fields("a map", "at", "join", "via", "account", "profile");
        String name = f.get("join").name("the new device's name");
        if (present.contains(name)) {
            throw f.get("join").error("names '" + name + "', which is already a device");
        }
        String via = present(f.get("via").required("the bootstrap peer the new device first contacts"), present, when);
        Node accountNode = f.has("account") ? f.get("account") : f.get("join");
        String account = f.has("account") ? accountNode.name("an account name") : name;
        String viaAccount = accounts.get(via);
        List<String> holders = accounts.entrySet().stream().filter(e -> e.getValue().equals(account)).map(Map.Entry::getKey).toList();
        if (!account.equals(viaAccount) && !holders.isEmpty()) {
            throw accountNode.error("names account '" + account + "', which belongs to " + String.join(", ", holders)
                    + " at " + when + ", not to the via device '" + via + "' (account '" + viaAccount + "'); account must be"
                    + " that of via (a further device of the account) or a new account");
        }
        String profile = f.has("profile") ? f.get("profile").name("a profile name") : null;
        return new Action.Join(name, via, account, profile);
    }

    private static Action.NetChange readNetChange(Node entry, Set<String> present, String when) {
        Node.Fields f = entry.fields("a map", "at", "net", "link", "device");
        List<String> link = List.of();
        String device = null;
        if (f.has("link")) {
            link = presentAll(f.get("link"), present, when);
            if (link.size() != 2) {
                throw f.get("link").mustBe("two devices, e.g. [d00, d01]");
            }
        }
        if (f.has("device")) {
            if (!link.isEmpty()) {
                throw f.get("device").error("cannot be given with link; a change is for one link, one device, or everything");
            }
            device = present(f.get("device"), present, when);
        }
        Node.Fields n = f.get("net").fields("a map of network conditions (latency, loss, burst, duplicate, uplink, downlink)",
                "latency", "loss", "burst", "duplicate", "uplink", "downlink");
        LatencySpec latency = n.has("latency") ? readLatency(n.get("latency")) : null;
        LossSpec loss = readLoss(n);
        Double duplicate = n.has("duplicate") ? n.get("duplicate").probability() : null;
        Double uplink = n.has("uplink") ? n.get("uplink").rate() : null;
        Double downlink = n.has("downlink") ? n.get("downlink").rate() : null;
        if (latency == null && loss == null && duplicate == null && uplink == null && downlink == null) {
            throw f.get("net").error("must change something: latency, loss, burst, duplicate, uplink or downlink");
        }
        boolean linkFields = latency != null || loss != null || duplicate != null;
        if (device != null && linkFields) {
            throw f.get("device").error("takes only uplink and downlink (a device's bandwidth); latency, loss and duplicate"
                    + " belong to links (give link: [a, b], or no target for every link)");
        }
        if (!link.isEmpty() && (uplink != null || downlink != null)) {
            throw f.get("link").error("takes only latency, loss, burst and duplicate; uplink and downlink belong to devices"
                    + " (give device: NAME, or no target for every device)");
        }
        return new Action.NetChange(link, device, latency, loss, duplicate, uplink, downlink);
    }

    private static Duration lasting(Node.Fields f) {
        return f.has("for") ? f.get("for").positiveDuration() : null;
    }

    private static String present(Node node, Set<String> present, String when) {
        String name = node.name("a device name");
        if (!present.contains(name)) {
            throw node.error("names '" + name + "', which is not a device at " + when + "; devices then: "
                    + deviceList(List.copyOf(present)));
        }
        return name;
    }

    private static List<String> presentAll(Node node, Set<String> present, String when) {
        List<String> names = node.names("device name");
        for (String name : names) {
            if (!present.contains(name)) {
                throw node.error("names '" + name + "', which is not a device at " + when + "; devices then: "
                        + deviceList(List.copyOf(present)));
            }
        }
        if (names.isEmpty()) {
            throw node.mustBe("at least one device name");
        }
        return names;
    }

    private static String device(Node node, List<String> devices) {
        String name = node.name("a device name");
        if (!devices.contains(name)) {
            throw node.error("must be one of the devices (" + deviceList(devices) + "), was '" + name + "'");
        }
        return name;
    }

    // ---- expectations ----

    static final String EXPECT_FORMS = "a list of checks such as {metric: mean_completeness, atLeast: 0.99}";
    private static final String[] EXPECT_FIELDS = {"metric", "atLeast", "atMost", "above", "below", "at", "name"};

    private static List<Expectation> readExpect(Node node, Duration duration) {
        if (node.isMissing()) {
            return List.of();
        }
        List<Expectation> result = new ArrayList<>();
        for (Node entry : node.elements(EXPECT_FORMS)) {
            result.add(readExpectation(entry, duration));
        }
        return List.copyOf(result);
    }

    private static Expectation readExpectation(Node entry, Duration duration) {
        Node.Fields f = entry.fields("a map {metric, one of " + String.join("/", Expectation.Comparison.KEYS) + ", at, name}",
                EXPECT_FIELDS);
        List<String> known = org.p2psim.metrics.Metrics.summaryKeys();
        Node metricNode = f.get("metric").required("a summary metric: " + String.join(", ", known));
        String metric = metricNode.text("a summary metric");
        if (!known.contains(metric)) {
            throw metricNode.mustBe("a summary metric (" + String.join(", ", known) + ")");
        }
        List<String> given = new ArrayList<>();
        for (String key : Expectation.Comparison.KEYS) {
            if (f.has(key)) {
                given.add(key);
            }
        }
        if (given.isEmpty()) {
            throw entry.error("needs one comparison: " + String.join(", ", Expectation.Comparison.KEYS)
                    + " (e.g. {metric: " + metric + ", atLeast: 0.99})");
        }
        if (given.size() > 1) {
            throw entry.error("has both " + given.get(0) + " and " + given.get(1) + "; give one comparison per check");
        }
        Expectation.Comparison comparison = Expectation.Comparison.ofKey(given.get(0));
        double threshold = f.get(given.get(0)).number("a number");
        Expectation.TimePoint at = null;
        if (f.has("at")) {
            Node atNode = f.get("at");
            if (!Expectation.TIMED_METRICS.contains(metric)) {
                throw atNode.error("applies only to " + String.join(" and ", Expectation.TIMED_METRICS) + "; " + metric
                        + " is read at the end of the run");
            }
            if (!atNode.json().isValueNode() || atNode.json().isBoolean()) {
                throw atNode.mustBe(Expectation.TimePoint.FORMS);
            }
            try {
                at = Expectation.TimePoint.parse(atNode.json().asText());
            } catch (IllegalArgumentException e) {
                throw atNode.error(e.getMessage());
            }
            if (!at.afterLastMessage() && at.offset().compareTo(duration) > 0) {
                throw atNode.error("must be within the run (duration " + Units.formatDuration(duration) + "), was " + atNode.describe());
            }
        }
        String name = f.has("name") ? f.get("name").text("text naming the check") : null;
        return new Expectation(metric, comparison, threshold, at, name);
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
        ObjectNode sync = root.putObject("sync");
        sync.put("strategy", s.sync().strategy());
        Strategies.write(s.sync().type(), s.sync().params()).forEach((k, v) -> sync.set(k, value(v)));
        root.putObject("crypto").put("signatures", s.signatures().label());
        root.set("workload", writeWorkload(s.workload()));
        ArrayNode schedule = root.putArray("schedule");
        s.schedule().forEach(a -> schedule.add(writeAction(a)));
        if (!s.expect().isEmpty()) {
            ArrayNode expect = root.putArray("expect");
            s.expect().forEach(e -> expect.add(writeExpectation(e)));
        }
        if (!s.smallSize().isEmpty()) {
            ObjectNode small = root.putObject("small");
            s.smallSize().forEach(small::put);
        }
        return root;
    }

    private static JsonNode value(Object v) {
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

    private static ObjectNode writeDevices(DeviceSpec d) {
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

    private static ObjectNode writeTopology(Topology t) {
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

    private static ObjectNode writeNet(NetSpec n) {
        ObjectNode o = JSON.objectNode();
        writeLinkFields(o, n.latency(), n.loss(), n.duplicate());
        o.put("mtu", n.mtu());
        o.set("uplink", value(Units.formatRate(n.uplink())));
        o.set("downlink", value(Units.formatRate(n.downlink())));
        o.set("bucket", value(Units.formatSize(n.bucket())));
        o.set("queue", value(Units.formatSize(n.queue())));
        return o;
    }

    private static void writeLinkFields(ObjectNode o, LatencySpec latency, LossSpec loss, Double duplicate) {
        if (latency instanceof LatencySpec.Normal n) {
            ObjectNode l = o.putObject("latency");
            l.put("mean", Units.formatDuration(n.mean()));
            l.put("sd", Units.formatDuration(n.sd()));
        } else if (latency instanceof LatencySpec.LogNormal n) {
            ObjectNode l = o.putObject("latency");
            l.put("base", Units.formatDuration(n.base()));
            l.put("median", Units.formatDuration(n.median()));
            l.put("sigma", n.sigma());
        }
        if (loss instanceof LossSpec.Independent i) {
            o.put("loss", i.rate());
        } else if (loss instanceof LossSpec.Bursty b) {
            o.put("loss", b.rate());
            o.put("burst", b.burst());
        } else if (loss instanceof LossSpec.GilbertElliott g) {
            ObjectNode l = o.putObject("loss");
            l.put("goodToBad", g.goodToBad());
            l.put("badToGood", g.badToGood());
            l.put("inGood", g.inGood());
            l.put("inBad", g.inBad());
        }
        if (duplicate != null) {
            o.put("duplicate", duplicate);
        }
    }

    private static ObjectNode writeWorkload(WorkloadSpec w) {
        ObjectNode o = JSON.objectNode();
        o.set("channels", names(w.channels()));
        ObjectNode history = o.putObject("history");
        if (w.history().byDevice().isEmpty()) {
            history.put("count", w.history().each());
        } else {
            ObjectNode counts = history.putObject("count");
            w.history().byDevice().forEach(counts::put);
        }
        if (w.history().channel() != null) {
            history.put("channel", w.history().channel());
        }
        MessagesSpec m = w.messages();
        ObjectNode messages = o.putObject("messages");
        messages.put("ratePerMinute", m.ratePerMinute());
        messages.put("start", Units.formatDuration(m.start()));
        if (m.until() != null) {
            messages.put("until", Units.formatDuration(m.until()));
        }
        messages.put("textLength", m.textLength());
        if (!m.devices().isEmpty()) {
            messages.set("devices", names(m.devices()));
        }
        if (!w.profiles().isEmpty()) {
            ObjectNode profiles = o.putObject("profiles");
            ProfileFormat.writeAll(w.profiles()).forEach(profiles::set);
        }
        o.put("startOfDay", w.startOfDay().toString());
        o.put("maxThread", w.maxThread());
        return o;
    }

    private static ObjectNode writeAction(ScheduledAction s) {
        ObjectNode o = JSON.objectNode();
        o.put("at", Units.formatDuration(s.at()));
        Action a = s.action();
        if (a instanceof Action.Leave l) {
            o.put("leave", l.device());
            o.put("graceful", l.graceful());
        } else if (a instanceof Action.Reconnect r) {
            o.put("reconnect", r.device());
        } else if (a instanceof Action.Switch w) {
            o.put("switch", w.device());
        } else if (a instanceof Action.Join j) {
            o.put("join", j.device());
            o.put("via", j.via());
            if (!j.account().equals(j.device())) {
                o.put("account", j.account());
            }
            if (j.profile() != null) {
                o.put("profile", j.profile());
            }
        } else if (a instanceof Action.Partition p) {
            ArrayNode groups = o.putArray("partition");
            groups.add(names(p.a()));
            groups.add(names(p.b()));
            if (p.lasting() != null) {
                o.put("for", Units.formatDuration(p.lasting()));
            }
        } else if (a instanceof Action.Isolate i) {
            o.set("isolate", names(i.group()));
            if (i.lasting() != null) {
                o.put("for", Units.formatDuration(i.lasting()));
            }
        } else if (a instanceof Action.Heal) {
            o.put("heal", "all");
        } else if (a instanceof Action.NetChange n) {
            ObjectNode net = o.putObject("net");
            writeLinkFields(net, n.latency(), n.loss(), n.duplicate());
            if (n.uplink() != null) {
                net.set("uplink", value(Units.formatRate(n.uplink())));
            }
            if (n.downlink() != null) {
                net.set("downlink", value(Units.formatRate(n.downlink())));
            }
            if (!n.link().isEmpty()) {
                o.set("link", names(n.link()));
            }
            if (n.device() != null) {
                o.put("device", n.device());
            }
        }
        return o;
    }

    private static ObjectNode writeExpectation(Expectation e) {
        ObjectNode o = JSON.objectNode();
        o.put("metric", e.metric());
        double t = e.threshold();
        if (t == Math.rint(t) && Math.abs(t) < 1e15) {
            o.put(e.comparison().key(), (long) t);
        } else {
            o.put(e.comparison().key(), t);
        }
        if (e.at() != null) {
            o.put("at", e.at().yaml());
        }
        if (e.name() != null) {
            o.put("name", e.name());
        }
        return o;
    }

    private static ArrayNode names(List<String> names) {
        ArrayNode array = JSON.arrayNode();
        names.forEach(array::add);
        return array;
    }

    /** The run's duration in µs. */
    static long micros(Duration d) {
        return SimTime.of(d);
    }
}
