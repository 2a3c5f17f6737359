package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.spec.Expectation;
import tech.tablesaw.api.Table;

/** A scenario's expected outcomes, checked after real runs: pass, fail, NaN, determinism and where the results show up. */
class ExpectationsTest {
    /** Two devices with a history and a minute of chat, three minutes: the run every expectation test reads. */
    static final String TWO_DEVICES = """
            duration: 3m
            devices: {names: [alice, bob]}
            net: {latency: 50ms}
            crypto: {signatures: fast}
            workload:
              channels: [general]
              history: {count: {alice: 20, bob: 10}}
              messages: {ratePerMinute: 1, until: 1m}
            """;
    static final String DEMO = "name: expect-demo\n" + TWO_DEVICES + """
            expect:
              - {metric: min_completeness, atLeast: 1, name: both hold everything}
              - {metric: mean_completeness, atLeast: 1, at: 0s after last message}
              - {metric: convergence_s, below: 0.001}
              - {metric: duplicates, atMost: 0}
              - {metric: mean_completeness, above: 0.5, at: 10m after last message}
            """;

    static Scenario demo() {
        return Scenario.parse(DEMO, "expect-demo.yaml");
    }

    @Test
    void aRunChecksEveryExpectationWithItsMeasuredValue(@TempDir Path tmp) {
        RunResult r = ScenarioRun.of(demo()).seed(7).directory(tmp.resolve("run")).run();
        List<ExpectationResult> e = r.expectations();
        assertEquals(5, e.size());

        ExpectationResult complete = e.get(0);
        assertEquals("both hold everything", complete.check());
        assertEquals(1.0, complete.measured());
        assertTrue(complete.pass());
        assertEquals("pass", complete.result());
        assertEquals(180.0, complete.atSeconds());
        assertEquals("PASS both hold everything: min_completeness needed ≥ 100 %, measured 100 %", complete.line());

        ExpectationResult atLast = e.get(1);
        assertEquals("mean_completeness ≥ 1 (0s after last message)", atLast.check());
        assertEquals(0.96875, atLast.measured(), 1e-12, "at the last message its author has it, the other not yet");
        assertFalse(atLast.pass());
        assertEquals(24.037472, atLast.atSeconds(), 1e-9);
        assertEquals("FAIL mean_completeness (0s after last message): needed ≥ 100 %, measured 96.9 %", atLast.line());

        ExpectationResult convergence = e.get(2);
        assertEquals(r.metrics().get("convergence_s"), convergence.measured());
        assertEquals(9.993673, convergence.measured(), 1e-9);
        assertFalse(convergence.pass());
        assertEquals("FAIL convergence_s: needed < 0.001 s, measured 9.994 s", convergence.line());

        assertTrue(e.get(3).pass());
        assertEquals(0.0, e.get(3).measured());

        ExpectationResult late = e.get(4);
        assertTrue(Double.isNaN(late.measured()));
        assertFalse(late.pass());
        assertEquals("the run ended at 3m, before 10m after last message (624.04 s)", late.note());
        assertEquals("FAIL mean_completeness (10m after last message): needed > 50 %, measured nothing — the run ended at 3m, before 10m after last message"
                + " (624.04 s)", late.line());
        assertFalse(r.expectationsMet());
    }

    @Test
    void resultsAreInTheSummaryTheCsvAndTheReopenedDirectory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        RunResult r = ScenarioRun.of(demo()).seed(7).directory(dir).run();

        JsonNode json = RunDirectory.JSON.readTree(dir.resolve("summary.json").toFile()).get("expectations");
        assertEquals(5, json.size());
        assertEquals("both hold everything", json.get(0).get("check").asText());
        assertEquals("atLeast", json.get(0).get("comparison").asText());
        assertEquals(1, json.get(0).get("measured").asLong());
        assertEquals("pass", json.get(0).get("result").asText());
        assertTrue(json.get(0).get("pass").asBoolean());
        assertEquals("fail", json.get(2).get("result").asText());
        assertTrue(json.get(4).get("measured").isNull(), "NaN is written as null");

        Table csv = Table.read().csv(dir.resolve("metrics/expectations.csv").toFile());
        assertEquals(5, csv.rowCount());
        assertEquals(List.of("pass", "fail", "fail", "pass", "fail"), csv.stringColumn("result").asList());
        assertEquals(List.of("check", "metric", "comparison", "threshold", "at", "at_s", "measured", "result", "pass", "note", "attainable",
                "attainable_pass", "reason"),
                r.expectationsTable().columnNames());
        assertEquals("expectations", r.expectationsTable().name());

        RunDirectory opened = RunDirectory.open(dir);
        assertEquals(r.expectations(), opened.expectations());
        assertEquals(r.expectationsTable().toString(), opened.expectationsTable().toString());
        assertTrue(opened.scenario().expect().equals(demo().expect()), "scenario.yaml keeps the expectations");
        assertTrue(RunDirectory.replay(dir).matches(), "a replay of a run with expectations still matches");
    }

    @Test
    void theSameSeedGivesTheSameResults(@TempDir Path tmp) {
        List<ExpectationResult> a = ScenarioRun.of(demo()).seed(3).directory(tmp.resolve("a")).run().expectations();
        List<ExpectationResult> b = ScenarioRun.of(demo()).seed(3).directory(tmp.resolve("b")).run().expectations();
        assertEquals(a, b);
        List<ExpectationResult> other = ScenarioRun.of(demo()).seed(4).directory(tmp.resolve("c")).run().expectations();
        assertEquals(a.size(), other.size());
    }

    @Test
    void aNotebookChecksASimulationWithoutARunDirectory() {
        Scenario s = demo();
        try (Simulation sim = ScenarioRun.of(s).seed(7).build()) {
            sim.runFor(Duration.ofMillis(1));
            List<ExpectationResult> early = Expectations.evaluate(s, sim);
            ExpectationResult convergence = early.get(2);
            assertTrue(Double.isNaN(convergence.measured()));
            assertFalse(convergence.pass());
            assertEquals("no value: the online devices have not converged", convergence.note());
            assertEquals(0.001, early.get(0).atSeconds());
            assertEquals(0.5, early.get(1).measured(), "only history so far: 'after last message' counts from 0, when each held its own");
            assertEquals("", early.get(1).note());

            sim.runFor(Duration.ofSeconds(180).minusMillis(1));
            List<ExpectationResult> end = Expectations.evaluate(s, sim);
            assertTrue(end.get(0).pass());
            assertEquals(9.993673, end.get(2).measured(), 1e-9, "the same as the run with a directory");
            Table t = Expectations.table(end);
            assertEquals(5, t.rowCount());
            assertEquals("pass", t.stringColumn("result").get(0));
        }
        List<ExpectationResult> direct = Expectations.evaluate(List.of(Expectation.of("events_created", Expectation.Comparison.ABOVE, 0)),
                new org.p2psim.metrics.Metrics(), 0);
        assertEquals("FAIL events_created: needed > 0, measured 0", direct.get(0).line());
    }

    @Test
    void aScenarioWithoutExpectationsHasNone(@TempDir Path tmp) throws Exception {
        Scenario none = demo().with("expect", "");
        assertEquals(List.of(), none.expect());
        RunResult r = ScenarioRun.of(none).seed(7).directory(tmp.resolve("run")).run();
        assertEquals(List.of(), r.expectations());
        assertTrue(r.expectationsMet());
        assertEquals(0, RunDirectory.JSON.readTree(tmp.resolve("run/summary.json").toFile()).get("expectations").size());
        assertTrue(Files.isRegularFile(tmp.resolve("run/metrics/expectations.csv")));
        assertEquals(List.of(), RunDirectory.open(tmp.resolve("run")).expectations());
    }

    @Test
    void aSweepCountsTheChecksEachRunMet(@TempDir Path tmp) throws Exception {
        Table t = Sweep.of(demo()).vary("net.loss", 0.0, 0.3).seeds(2).threads(2).runInto(tmp.resolve("sweep"));
        assertTrue(t.columnNames().containsAll(List.of(Sweep.EXPECTATIONS_PASSED, Sweep.EXPECTATIONS_FAILED)));
        assertEquals("traceSha256", t.columnNames().get(t.columnCount() - 1));
        for (int row = 0; row < t.rowCount(); row++) {
            assertEquals(5, t.doubleColumn(Sweep.EXPECTATIONS_PASSED).getDouble(row) + t.doubleColumn(Sweep.EXPECTATIONS_FAILED).getDouble(row));
        }
        assertEquals(2, t.doubleColumn(Sweep.EXPECTATIONS_PASSED).getDouble(0), "seed 1 of a clean network: the two that passed above");
        JsonNode mean = RunDirectory.JSON.readTree(tmp.resolve("sweep/sweep.json").toFile()).get("points").get(0).get("mean");
        assertTrue(mean.has(Sweep.EXPECTATIONS_PASSED), mean.toString());
        assertEquals(2, Sweep.means(t, Sweep.EXPECTATIONS_PASSED).rowCount());
        Table plain = Sweep.of(demo().with("expect", "")).seeds(1).run();
        assertFalse(plain.columnNames().contains(Sweep.EXPECTATIONS_PASSED));
    }

    @Test
    void sharesReadInPercentWithAnExactBoundAndOtherMetricsWithTheirUnit() {
        ExpectationResult fpr = new ExpectationResult("fpr", "fpr_measured", "below", "<", 0.05, "", 0, 9.141e-4, true, "");
        assertEquals("needed < 5 %, measured 0.0914 %", fpr.verdict());
        ExpectationResult almost = new ExpectationResult("c", "min_completeness", "atLeast", "≥", 0.9995, "", 0, 0.99999, true, "");
        assertEquals("needed ≥ 99.95 %, measured < 100 %", almost.verdict(), "the bound exact, the measurement never rounded up to all");
        ExpectationResult bytes = new ExpectationResult("b", "filter_bytes_max", "atMost", "≤", 2048, "", 0, 2400, false, "");
        assertEquals("needed ≤ 2048, measured 2,400", bytes.verdict());
    }
}
