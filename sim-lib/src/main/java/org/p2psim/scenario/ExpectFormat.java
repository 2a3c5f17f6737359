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
import org.p2psim.scenario.spec.Expectation;
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
import static org.p2psim.scenario.ScheduleFormat.*;

/** The {@code expect} section, both ways. */
final class ExpectFormat {

    private ExpectFormat() {}

    static final String EXPECT_FORMS = "a list of checks such as {metric: mean_completeness, atLeast: 0.99}";
    static final String[] EXPECT_FIELDS = {"metric", "atLeast", "atMost", "above", "below", "at", "name", "attainable", "reason"};

    static List<Expectation> readExpect(Node node, Duration duration) {
        if (node.isMissing()) {
            return List.of();
        }
        List<Expectation> result = new ArrayList<>();
        for (Node entry : node.elements(EXPECT_FORMS)) {
            result.add(readExpectation(entry, duration));
        }
        return List.copyOf(result);
    }

    /** Every summary metric an expectation may name: those of every run, then those of runs with NATs. */
    private static final List<String> EXPECTABLE = java.util.stream.Stream.concat(
            org.p2psim.metrics.Metrics.summaryKeys().stream(), org.p2psim.net.nat.NatStats.SUMMARY_KEYS.stream()).toList();

    static List<String> expectableMetrics() {
        return EXPECTABLE;
    }

    static Expectation readExpectation(Node entry, Duration duration) {
        Node.Fields f = entry.fields("a map {metric, one of " + String.join("/", Expectation.Comparison.KEYS) + ", at, name}",
                EXPECT_FIELDS);
        List<String> known = EXPECTABLE;
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
        return new Expectation(metric, comparison, threshold, at, name, readAttainable(entry, f, comparison, threshold));
    }

    /** {@code attainable: N} with {@code reason: text}: both or neither, N a number no stricter than the seed's threshold. */
    private static Expectation.Attainable readAttainable(Node entry, Node.Fields f, Expectation.Comparison comparison, double threshold) {
        if (!f.has("attainable")) {
            if (f.has("reason")) {
                throw f.get("reason").error("goes with attainable: the reason the seed's threshold is out of reach"
                        + " (e.g. {..., attainable: 0.8, reason: \"phones asleep at the end hold nothing sent while they slept\"})");
            }
            return null;
        }
        Node node = f.get("attainable");
        double value = node.number("a number: the threshold that is attainable where the seed's is not");
        if (!f.has("reason")) {
            throw node.error("needs a reason: say why the seed's threshold is out of reach (reason: ...)");
        }
        String reason = f.get("reason").text("text saying why the seed's threshold is out of reach");
        if (comparison.test(value, threshold) && value != threshold) {
            throw node.error("must be no stricter than the seed's threshold (" + comparison.symbol() + " "
                    + Expectation.formatNumber(threshold) + "), was " + Expectation.formatNumber(value)
                    + ": it states what can be reached where the seed's cannot");
        }
        return new Expectation.Attainable(value, reason);
    }

    static ObjectNode writeExpectation(Expectation e) {
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
        if (e.attainable() != null) {
            o.put("attainable", e.attainable().threshold());
            o.put("reason", e.attainable().reason());
        }
        return o;
    }
}
