package org.p2psim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2psim.Simulation;
import org.p2psim.metrics.Metrics;
import org.p2psim.world.NatTables;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.spec.Expectation;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimTime;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * Checks a scenario's expected outcomes ({@code expect:}) against a run. Every run does it
 * ({@link RunResult#expectations()}, {@code summary.json}, {@code metrics/expectations.csv}); a
 * notebook can do it on any simulation it has run, with or without a run directory:
 *
 * <pre>{@code
 * Simulation sim = ScenarioRun.of(scenario).seed(7).build();
 * sim.runFor(scenario.duration());
 * Table t = Expectations.table(Expectations.evaluate(scenario, sim));
 * }</pre>
 *
 * Metrics are read now (the simulation's current time), timed ones at their time point; a time
 * point the simulation has not reached yet measures nothing, which fails and says so.
 */
public final class Expectations {
    /** Why a metric can be NaN, for the note of a failed check. */
    private static final Map<String, String> WHY_NAN = Map.ofEntries(
            Map.entry("convergence_s", "the online devices have not converged"),
            Map.entry("fpr_measured", "no filter tested an event its owner lacked"),
            Map.entry("fpr_expected", "no filters sent"),
            Map.entry("filter_bytes_min", "no filters sent"),
            Map.entry("filter_bytes_mean", "no filters sent"),
            Map.entry("filter_bytes_max", "no filters sent"),
            Map.entry("overhead_ratio", "no event was delivered"),
            Map.entry("bytes_over_floor", "no event was delivered"));

    private Expectations() {}

    /** The expectations of {@code scenario} checked against {@code sim} as it stands now. */
    public static List<ExpectationResult> evaluate(Scenario scenario, Simulation sim) {
        return evaluate(scenario.expect(), sim.metrics(), sim.scheduler().now(), NatTables.summary(sim.network().nat()));
    }

    /** {@code expectations} checked against {@code metrics} at simulated time {@code now} (µs, the end of what was run). */
    public static List<ExpectationResult> evaluate(List<Expectation> expectations, Metrics metrics, long now) {
        return evaluate(expectations, metrics, now, Map.of());
    }

    /** As {@link #evaluate(List, Metrics, long)}, with the NAT metrics of a run with NATs ({@code NatTables.summary}). */
    public static List<ExpectationResult> evaluate(List<Expectation> expectations, Metrics metrics, long now, Map<String, Double> natMetrics) {
        if (expectations.isEmpty()) {
            return List.of();
        }
        Map<String, Double> summary = new java.util.LinkedHashMap<>(metrics.summaryMap());
        summary.putAll(natMetrics);
        List<ExpectationResult> results = new ArrayList<>();
        for (Expectation e : expectations) {
            double measured;
            long when = now;
            String note = "";
            if (e.at() == null) {
                measured = summary.getOrDefault(e.metric(), Double.NaN);
            } else {
                when = e.at().resolve(metrics.lastCreation());
                if (when > now) {
                    measured = Double.NaN;
                    note = "the run ended at " + time(now) + ", before " + e.at() + " (" + String.format(Locale.ROOT, "%.2f s", SimTime.toSeconds(when))
                            + ")";
                } else {
                    measured = e.metric().equals("min_completeness") ? metrics.minCompletenessAt(when) : metrics.meanCompletenessAt(when);
                }
            }
            if (Double.isNaN(measured) && note.isEmpty()) {
                note = "no value: " + WHY_NAN.getOrDefault(e.metric(), nanReason(e.metric()));
            }
            results.add(new ExpectationResult(e.label(), e.metric(), e.comparison().key(), e.comparison().symbol(), e.threshold(),
                    e.at() == null ? "" : e.at().toString(), SimTime.toSeconds(when), measured, e.test(measured), note,
                    e.attainable() == null ? Double.NaN : e.attainable().threshold(), e.testAttainable(measured),
                    e.attainable() == null ? "" : e.attainable().reason()));
        }
        return List.copyOf(results);
    }

    private static String nanReason(String metric) {
        if (org.p2psim.net.nat.NatStats.SUMMARY_KEYS.contains(metric)) {
            return "the run has no NATs, or no pair tried to punch";
        }
        if (metric.startsWith("delivery_")) {
            return "no event was delivered";
        }
        if (metric.startsWith("sync_")) {
            return "no event reached every device";
        }
        return "nothing to measure";
    }

    private static String time(long micros) {
        return Units.formatDuration(SimTime.toDuration(micros));
    }

    /** How many of {@code results} passed. */
    public static int passed(List<ExpectationResult> results) {
        return (int) results.stream().filter(ExpectationResult::pass).count();
    }

    /** How many of {@code results} met their attainable threshold (the seed's where none is stated). */
    public static int attainablePassed(List<ExpectationResult> results) {
        return (int) results.stream().filter(ExpectationResult::attainablePass).count();
    }

    /** A row of the {@code expectations} table. */
    private record ExpectationRow(String check, String metric, String comparison, double threshold, String at,
                                  @RecordTable.Name("at_s") double atSeconds, double measured, String result, boolean pass,
                                  String note, double attainable, boolean attainablePass, String reason) {}

    /** The {@code expectations} table: check, metric, comparison, threshold, at, at_s, measured, result ("pass"/"fail"), pass, note. */
    public static Table table(List<ExpectationResult> results) {
        List<ExpectationRow> rows = new ArrayList<>(results.size());
        for (ExpectationResult r : results) {
            rows.add(new ExpectationRow(r.check(), r.metric(), r.comparison(), r.threshold(), r.at(), r.atSeconds(),
                    r.measured(), r.result(), r.pass(), r.note(), r.attainable(), r.attainablePass(), r.reason()));
        }
        return RecordTable.of("expectations", ExpectationRow.class, rows);
    }

    private record ReadableRow(String check, String met, String verdict, @RecordTable.Name("read at") String at, String note,
                               String attainable) {}

    /**
     * The results for people: check, met ("yes"/"no"), verdict ("needed ≥ 0.9, measured 0.55"), when it
     * was read, a note, and (where a check states one) the verdict against the attainable threshold;
     * {@link #table} keeps every field for files and code.
     */
    public static Table readableTable(List<ExpectationResult> results) {
        List<ReadableRow> rows = new ArrayList<>(results.size());
        for (ExpectationResult r : results) {
            rows.add(new ReadableRow(r.check(), r.pass() ? "yes" : "no", r.verdict(), r.at().isEmpty() ? "end of run" : r.at(),
                    r.note(), r.attainableVerdict()));
        }
        Table table = RecordTable.of("expected outcomes", ReadableRow.class, rows);
        return results.stream().anyMatch(ExpectationResult::hasAttainable) ? table : table.removeColumns("attainable");
    }

    /** The results as the {@code expectations} array of summary.json (a NaN measurement as null). */
    public static ArrayNode json(List<ExpectationResult> results) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ExpectationResult r : results) {
            ObjectNode o = array.addObject();
            o.put("check", r.check());
            o.put("metric", r.metric());
            o.put("comparison", r.comparison());
            o.put("symbol", r.symbol());
            RunDirectory.putNumber(o, "threshold", r.threshold());
            o.put("at", r.at());
            RunDirectory.putNumber(o, "at_s", r.atSeconds());
            RunDirectory.putNumber(o, "measured", r.measured());
            o.put("result", r.result());
            o.put("pass", r.pass());
            o.put("note", r.note());
            if (r.hasAttainable()) {
                RunDirectory.putNumber(o, "attainable", r.attainable());
                o.put("attainable_pass", r.attainablePass());
                o.put("reason", r.reason());
            }
        }
        return array;
    }

    /** Reads back {@link #json}; an absent array (a run directory from before expectations) is no results. */
    public static List<ExpectationResult> fromJson(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<ExpectationResult> results = new ArrayList<>();
        for (JsonNode o : array) {
            boolean pass = o.path("pass").asBoolean();
            results.add(new ExpectationResult(o.path("check").asText(), o.path("metric").asText(), o.path("comparison").asText(),
                    o.path("symbol").asText(), number(o.get("threshold")), o.path("at").asText(), number(o.get("at_s")),
                    number(o.get("measured")), pass, o.path("note").asText(), number(o.get("attainable")),
                    o.path("attainable_pass").asBoolean(pass), o.path("reason").asText()));
        }
        return List.copyOf(results);
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.doubleValue();
    }
}
