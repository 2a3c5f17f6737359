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
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.NatType;
import org.p2psim.scenario.spec.NatSpec;
import org.p2psim.scenario.spec.LatencySpec;
import org.p2psim.scenario.spec.LossSpec;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimTime;
import org.p2psim.workload.HistorySpec;
import org.p2psim.workload.MessagesSpec;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadSpec;
import static org.p2psim.scenario.ScenarioFormat.*;
import static org.p2psim.scenario.DeviceFormat.*;
import static org.p2psim.scenario.SyncFormat.*;
import static org.p2psim.scenario.WorkloadFormat.*;
import static org.p2psim.scenario.ScheduleFormat.*;
import static org.p2psim.scenario.ExpectFormat.*;

/** The {@code net} section (and the link fields a schedule's {@code net} action shares), both ways. */
final class NetFormat {

    private NetFormat() {}

    static final String[] NET_FIELDS = {"latency", "loss", "burst", "duplicate", "mtu", "uplink", "downlink", "bucket", "queue", "nat"};

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
        return new NetSpec(latency, loss, duplicate, mtu, uplink, downlink, bucket, queue, f.has("nat") ? readNat(f.get("nat")) : null);
    }

    /** The {@code net.nat} section; see scenarios/README.md. */
    static NatSpec readNat(Node node) {
        Node.Fields f = node.fields("a map of NAT settings", "default", "mix", "cellular", "profiles", "bindingTimeout", "keepalive", "relay", "punch");
        if (f.has("default") && f.has("mix")) {
            throw node.error("gives both default and mix; give one");
        }
        Map<String, Double> mix = new LinkedHashMap<>();
        if (f.has("mix")) {
            Node.Fields m = f.get("mix").fields("a map of NAT preset to weight", NatType.names().toArray(String[]::new));
            for (String preset : NatType.names()) {
                if (m.has(preset)) {
                    mix.put(preset, m.get(preset).numberAtLeast(0, ""));
                }
            }
            if (mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw f.get("mix").error("needs a weight above 0");
            }
        } else {
            mix.put(f.has("default") ? preset(f.get("default")) : "none", 1.0);
        }
        Map<String, NatSpec.Networks> profiles = new LinkedHashMap<>();
        Node byProfile = f.get("profiles");
        if (!byProfile.isMissing()) {
            if (!byProfile.isMap()) {
                throw byProfile.mustBe("a map of profile name to {wifi, cellular}");
            }
            for (var it = byProfile.json().fieldNames(); it.hasNext(); ) {
                String name = it.next();
                Node.Fields p = byProfile.child(name).fields("a map {wifi, cellular}", "wifi", "cellular");
                String wifi = p.has("wifi") ? preset(p.get("wifi")) : "port-restricted";
                profiles.put(name, new NatSpec.Networks(wifi, p.has("cellular") ? preset(p.get("cellular")) : "cgnat"));
            }
        }
        String cellular = f.has("cellular") ? preset(f.get("cellular")) : "cgnat";
        Duration timeout = f.has("bindingTimeout") ? f.get("bindingTimeout").positiveDuration() : null;
        NatConfig d = NatConfig.DEFAULTS;
        long keepalive = d.keepaliveMicros();
        if (f.has("keepalive")) {
            Node k = f.get("keepalive");
            boolean off = k.json().isBoolean() && !k.json().asBoolean() // an unquoted `off` reads as false in YAML 1.1
                    || k.json().isTextual() && List.of("off", "false").contains(k.json().asText());
            keepalive = off ? 0 : SimTime.of(k.positiveDuration());
        }
        NatConfig config = new NatConfig(keepalive, d.relay(), d.relayMaxMicros(), d.relayMaxBytes(), d.punchRetries(), d.punchBackoffMicros(),
                d.holdBytes());
        if (f.has("relay")) {
            Node.Fields r = f.get("relay").fields("a map {enabled, duration, bytes}", "enabled", "duration", "bytes");
            config = config.withRelay(r.bool("enabled", d.relay())).withRelayLimits(
                    SimTime.of(r.positiveDuration("duration", Duration.ofNanos(d.relayMaxMicros() * 1000))),
                    r.has("bytes") ? r.get("bytes").size(1) : d.relayMaxBytes());
        }
        if (f.has("punch")) {
            Node.Fields p = f.get("punch").fields("a map {retries, backoff, hold}", "retries", "backoff", "hold");
            config = config.withPunch(p.integer("retries", 0, 10, d.punchRetries()),
                    SimTime.of(p.duration("backoff", Duration.ofNanos(d.punchBackoffMicros() * 1000))))
                    .withHold(p.has("hold") ? p.get("hold").size(0) : d.holdBytes());
        }
        return new NatSpec(mix, profiles, cellular, timeout, config);
    }

    private static String preset(Node node) {
        if (node.isMissing() || !node.json().isValueNode() || !NatType.PRESETS.containsKey(node.json().asText())) {
            throw node.mustBe("a NAT preset: one of " + String.join(", ", NatType.names()));
        }
        return node.json().asText();
    }

    static ObjectNode writeNat(NatSpec n) {
        ObjectNode o = JSON.objectNode();
        ObjectNode mix = o.putObject("mix");
        n.mix().forEach(mix::put);
        ObjectNode profiles = o.putObject("profiles");
        n.profiles().forEach((name, p) -> profiles.putObject(name).put("wifi", p.wifi()).put("cellular", p.cellular()));
        o.put("cellular", n.cellular());
        if (n.bindingTimeout() != null) {
            o.put("bindingTimeout", Units.formatDuration(n.bindingTimeout()));
        }
        NatConfig c = n.config();
        o.put("keepalive", c.keepaliveMicros() == 0 ? "off" : Units.formatDuration(Duration.ofNanos(c.keepaliveMicros() * 1000)));
        o.putObject("relay").put("enabled", c.relay())
                .put("duration", Units.formatDuration(Duration.ofNanos(c.relayMaxMicros() * 1000)))
                .set("bytes", value(Units.formatSize(c.relayMaxBytes())));
        o.putObject("punch").put("retries", c.punchRetries())
                .put("backoff", Units.formatDuration(Duration.ofNanos(c.punchBackoffMicros() * 1000)))
                .set("hold", value(Units.formatSize(c.holdBytes())));
        return o;
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

    static LossSpec readLoss(Node.Fields f, LossSpec otherwise) {
        LossSpec loss = readLoss(f);
        return loss == null ? otherwise : loss;
    }

    static ObjectNode writeNet(NetSpec n) {
        ObjectNode o = JSON.objectNode();
        writeLinkFields(o, n.latency(), n.loss(), n.duplicate());
        o.put("mtu", n.mtu());
        o.set("uplink", value(Units.formatRate(n.uplink())));
        o.set("downlink", value(Units.formatRate(n.downlink())));
        o.set("bucket", value(Units.formatSize(n.bucket())));
        o.set("queue", value(Units.formatSize(n.queue())));
        if (n.nat() != null) {
            o.set("nat", writeNat(n.nat()));
        }
        return o;
    }

    static void writeLinkFields(ObjectNode o, LatencySpec latency, LossSpec loss, Double duplicate) {
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
}
