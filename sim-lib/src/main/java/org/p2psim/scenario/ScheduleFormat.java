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
import org.p2psim.scenario.spec.LatencySpec;
import org.p2psim.scenario.spec.LossSpec;
import org.p2psim.scenario.spec.ScheduledAction;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimTime;
import org.p2psim.workload.HistorySpec;
import org.p2psim.workload.MessagesSpec;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadSpec;
import static org.p2psim.scenario.ScenarioFormat.*;
import static org.p2psim.scenario.DeviceFormat.*;
import static org.p2psim.scenario.NetFormat.*;
import static org.p2psim.scenario.SyncFormat.*;
import static org.p2psim.scenario.WorkloadFormat.*;
import static org.p2psim.scenario.ExpectFormat.*;

/** The {@code schedule} section (joins, leaves, partitions, network changes, …), both ways. */
final class ScheduleFormat {

    /** The action keys of a schedule entry, in the order the error messages list them. */
    static final List<String> ACTIONS = List.of("leave", "reconnect", "switch", "join", "partition", "isolate", "heal", "net");

    private ScheduleFormat() {}

    static List<ScheduledAction> readSchedule(Node node, List<String> devices, Duration duration) {
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

    static Action readAction(Node entry, Set<String> present, Map<String, String> accounts, Duration at) {
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
    static Action.Join readJoin(Node entry, Set<String> present, Map<String, String> accounts, String when) {
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

    static Action.NetChange readNetChange(Node entry, Set<String> present, String when) {
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

    static Duration lasting(Node.Fields f) {
        return f.has("for") ? f.get("for").positiveDuration() : null;
    }

    static String present(Node node, Set<String> present, String when) {
        String name = node.name("a device name");
        if (!present.contains(name)) {
            throw node.error("names '" + name + "', which is not a device at " + when + "; devices then: "
                    + deviceList(List.copyOf(present)));
        }
        return name;
    }

    static List<String> presentAll(Node node, Set<String> present, String when) {
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

    static String device(Node node, List<String> devices) {
        String name = node.name("a device name");
        if (!devices.contains(name)) {
            throw node.error("must be one of the devices (" + deviceList(devices) + "), was '" + name + "'");
        }
        return name;
    }

    static ObjectNode writeAction(ScheduledAction s) {
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
}
