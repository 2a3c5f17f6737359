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
import static org.p2psim.scenario.ScheduleFormat.*;
import static org.p2psim.scenario.ExpectFormat.*;

/** The {@code workload} section, both ways. */
final class WorkloadFormat {
    /** Messages per device per minute at most: one every 6 ms of simulated time. */
    static final double MAX_RATE_PER_MINUTE = 10_000;


    private WorkloadFormat() {}

    static WorkloadSpec readWorkload(Node node, List<String> devices, Map<String, Duration> joins, Duration duration) {
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
        Map<String, Profile> profiles = Profiles.readAll(f.get("profiles"), Profiles.builtin());
        LocalTime startOfDay = f.has("startOfDay") ? Profiles.timeOfDay(f.get("startOfDay")) : WorkloadSpec.DEFAULT_START_OF_DAY;
        int maxThread = f.integer("maxThread", 2, 1_000_000, WorkloadSpec.DEFAULT_MAX_THREAD);
        return new WorkloadSpec(channels, history, messages, profiles, startOfDay, maxThread);
    }

    /**
     * The workload with every profile the devices use: the scenario's own, and the built-ins it
     * names ({@code scenarios/profiles.yaml}). A name that is neither is an error at {@code mixNode}.
     */
    static WorkloadSpec withUsedProfiles(WorkloadSpec w, Node mixNode, Collection<String> used) {
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

    static HistorySpec readHistory(Node node, List<String> devices, List<String> channels) {
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

    static MessagesSpec readMessages(Node node, List<String> devices, Map<String, Duration> joins, Duration duration) {
        if (node.isMissing()) {
            return MessagesSpec.NONE;
        }
        Node.Fields f = node.fields("a map with ratePerMinute, start, until, textLength and devices",
                "ratePerMinute", "start", "until", "textLength", "devices");
        double rate = f.get("ratePerMinute").required("messages per device per minute, a number >= 0").numberIn(0, MAX_RATE_PER_MINUTE, "per minute");
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

    static ObjectNode writeWorkload(WorkloadSpec w) {
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
            Profiles.writeAll(w.profiles()).forEach(profiles::set);
        }
        o.put("startOfDay", w.startOfDay().toString());
        o.put("maxThread", w.maxThread());
        return o;
    }
}
