package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.metrics.Metrics;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.ScenarioException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Sweeps: the same table whatever the thread count, equal to each point run alone, and checked like --set. */
class SweepTest {
    /** Two peers with 200 + 150 messages, fast signatures, 3 simulated minutes: a fraction of a second per run. */
    static Scenario small() {
        return Scenario.load("two-peers").with("crypto.signatures", "fast").with("duration", "3m");
    }

    static Sweep grid(Scenario s) {
        return Sweep.of(s).vary("sync.bytes", 250, 500).vary("net.loss", 0.0, 0.2).seeds(2);
    }

    @Test
    void sameTableWithOneAndTwoThreadsAndEqualToEachPointAlone(@TempDir Path tmp) {
        Scenario s = small();
        Table one = grid(s).threads(1).run();
        Table two = grid(s).threads(2).run();
        assertEquals(8, one.rowCount());
        assertEquals(one.columnNames(), two.columnNames());
        assertEquals(one.write().toString("csv"), two.write().toString("csv"), "identical tables, cell for cell");
        assertEquals(one.printAll(), two.printAll());

        // each row is the summary of that point run alone, as p2psim run runs it
        List<Sweep.Point> points = grid(s).points();
        for (Sweep.Point p : points) {
            Scenario alone = s.with(new LinkedHashMap<>(p.values()));
            RunResult r = ScenarioRun.of(alone).seed(p.seed()).directory(tmp.resolve("run-" + p.index())).run();
            int row = p.index();
            assertEquals(r.traceSha256(), one.stringColumn("traceSha256").get(row), p.label());
            r.metrics().forEach((metric, v) -> assertEquals(v, one.doubleColumn(metric).getDouble(row), p.label() + ": " + metric));
        }
        // the runs differ from each other: the varied values reached them
        assertEquals(8, one.stringColumn("traceSha256").unique().size());
    }

    @Test
    void tableShapeAndColumns(@TempDir Path scratch) throws Exception {
        List<Integer> progress = new ArrayList<>();
        Sweep sweep = grid(small()).threads(2).scratch(scratch).progress((done, total, point) -> {
            assertEquals(8, total);
            progress.add(done);
        });
        assertEquals(8, sweep.size());
        Table t = sweep.run();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), progress);
        List<String> expected = new ArrayList<>(List.of("sync.bytes", "net.loss", "seed"));
        expected.addAll(new Metrics().summaryMap().keySet());
        expected.add("traceSha256");
        assertEquals(expected, t.columnNames());
        assertEquals(ColumnType.INTEGER, t.column("sync.bytes").type());
        assertEquals(ColumnType.DOUBLE, t.column("net.loss").type());
        assertEquals(ColumnType.LONG, t.column("seed").type());
        assertEquals(ColumnType.DOUBLE, t.column("bytes_over_floor").type());
        // first vary outermost, seeds innermost
        assertEquals(List.of(250, 250, 250, 250, 500, 500, 500, 500), t.intColumn("sync.bytes").asList());
        assertEquals(List.of(0.0, 0.0, 0.2, 0.2, 0.0, 0.0, 0.2, 0.2), t.doubleColumn("net.loss").asList());
        assertEquals(List.of(1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L), t.longColumn("seed").asList());
        assertEquals("sweep of two-peers: sync.bytes (2) × net.loss (2) × 2 seeds", t.name());
        assertTrue(t.doubleColumn("filter_bytes_max").asList().subList(0, 4).stream().allMatch(b -> b == 250.0));
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "no run leaves files behind");
        }
    }

    @Test
    void valuesOfEveryKind() {
        Sweep sweep = Sweep.of(small()).vary("duration", Duration.ofMinutes(1), "90s").vary("sync.saltEachRound", true, false)
                .vary("net.latency", "{mean: 50ms, sd: 5ms}", "20ms").vary("net.duplicate", new double[] {0, 1e-5});
        assertEquals(Map.of("duration", List.of("1m", "90s"), "sync.saltEachRound", List.of("true", "false"),
                "net.latency", List.of("{mean: 50ms, sd: 5ms}", "20ms"), "net.duplicate", List.of("0.0", "0.00001")), sweep.varied());
        assertEquals(List.of(1L), sweep.seedList(), "the scenario's own seed by default");
        assertEquals(16, sweep.points().size());
        assertEquals("duration=1m, sync.saltEachRound=true, net.latency={mean: 50ms, sd: 5ms}, net.duplicate=0.0, seed 1",
                sweep.points().get(0).label());
    }

    @Test
    void badPathsAndValuesGiveTheScenariosOwnErrors() {
        Scenario s = small();
        for (String[] kv : new String[][] {{"net.los", "0.1"}, {"net.loss", "1.7"}, {"duration", "ten"}, {"sync.bytes", "20"},
                {"net..loss", "0"}, {"schedule[3].at", "1m"}}) {
            ScenarioException expected = assertThrows(ScenarioException.class, () -> s.with(kv[0], kv[1]));
            ScenarioException actual = assertThrows(ScenarioException.class, () -> Sweep.of(s).vary(kv[0], kv[1]));
            assertEquals(expected.getMessage(), actual.getMessage());
        }
        // from a file with --set, the same words as p2psim run --set
        ScenarioException file = assertThrows(ScenarioException.class, () -> Sweep.of("two-peers", Map.of()).vary("net.loss", 0.1, 1.7));
        assertEquals("scenarios/two-peers.yaml: net.loss must be a probability in [0, 1], was 1.7", file.getMessage());
        ScenarioException set = assertThrows(ScenarioException.class, () -> Sweep.of("two-peers", Map.of("net.los", "0")));
        assertTrue(set.getMessage().startsWith("scenarios/two-peers.yaml: unknown field net.los; known: latency, loss"), set.getMessage());

        assertEquals("net.loss is varied twice; give all its values in one vary",
                assertThrows(SweepException.class, () -> Sweep.of(s).vary("net.loss", 0.1).vary("net.loss", 0.2)).getMessage());
        assertEquals("net.loss has the value '0.1' twice",
                assertThrows(SweepException.class, () -> Sweep.of(s).vary("net.loss", 0.1, "0.1")).getMessage());
        assertEquals("net.loss needs at least one value to vary over",
                assertThrows(SweepException.class, () -> Sweep.of(s).vary("net.loss", List.of())).getMessage());
        assertEquals("vary the seed with seeds(...) (--seeds N), not as the field 'seed'",
                assertThrows(SweepException.class, () -> Sweep.of(s).vary("seed", 1, 2)).getMessage());
        assertEquals("seeds must be >= 1, was 0", assertThrows(SweepException.class, () -> Sweep.of(s).seeds(0)).getMessage());
        assertEquals("threads must be >= 1, was 0", assertThrows(SweepException.class, () -> Sweep.of(s).threads(0)).getMessage());
    }

    @Test
    void confidenceIntervalsByHand() {
        Table t = Table.create("hand",
                tech.tablesaw.api.DoubleColumn.create("net.loss", 0.0, 0.0, 0.0, 0.2, 0.2, 0.2),
                tech.tablesaw.api.LongColumn.create("seed", 1, 2, 3, 1, 2, 3),
                tech.tablesaw.api.DoubleColumn.create("converged", 1, 1, 0, 1, 0, 0),
                tech.tablesaw.api.DoubleColumn.create("x", 1, 2, 3, 5, Double.NaN, Double.NaN),
                tech.tablesaw.api.StringColumn.create("traceSha256", "a", "b", "c", "d", "e", "f"));
        Table ci = Sweep.confidence(t, 0.95, "x");
        assertEquals(List.of("net.loss", "runs", "converged_runs", "x_mean", "x_ci", "x_n"), ci.columnNames());
        assertEquals(List.of(2, 1), ci.intColumn("converged_runs").asList());
        assertEquals(2.0, ci.doubleColumn("x_mean").getDouble(0));
        // s = 1, n = 3, t(0.975, 2) = 4.302652729911275
        assertEquals(4.302652729911275 / Math.sqrt(3), ci.doubleColumn("x_ci").getDouble(0), 1e-9);
        assertEquals(5.0, ci.doubleColumn("x_mean").getDouble(1));
        assertTrue(Double.isNaN(ci.doubleColumn("x_ci").getDouble(1)), "one value: no interval");
        assertEquals(List.of(3, 1), ci.intColumn("x_n").asList());
        assertEquals(List.of(2.0, 5.0), Sweep.means(t, "x").doubleColumn("x").asList());
    }

    @Test
    void laterPathsAreCheckedAgainstTheFirstValuesOfEarlierOnes() {
        // twenty-devices has d07 reconnect at 6m (schedule[1]): a 5m run is invalid unless that moves first
        Scenario s = Scenario.load("twenty-devices").with("crypto.signatures", "fast");
        ScenarioException alone = assertThrows(ScenarioException.class, () -> Sweep.of(s).vary("duration", "5m", "15m"));
        assertEquals("scenario 'twenty-devices': schedule[1].at must be within the run (duration 5m), was '6m'", alone.getMessage());
        Sweep sweep = Sweep.of(s).vary("schedule[1].at", "4m", "6m").vary("duration", "5m", "15m");
        assertEquals(4, sweep.size(), "5m is checked with the reconnect at 4m");
        ScenarioException combination = assertThrows(ScenarioException.class, sweep::run, "6m with 5m fails when the sweep starts");
        assertEquals(alone.getMessage(), combination.getMessage());
    }

    @Test
    void aCombinationInvalidAsAWholeFailsBeforeAnyRun() {
        // 21 devices and 3 peers each are both fine alone, but 21 × 3 is odd: no 3-regular graph exists
        List<Integer> runs = new ArrayList<>();
        Sweep sweep = Sweep.of("twenty-devices").vary("devices.count", 20, 21).vary("topology.degree", 4, 3)
                .progress((done, total, point) -> runs.add(done));
        ScenarioException e = assertThrows(ScenarioException.class, sweep::run);
        assertEquals("scenarios/twenty-devices.yaml: topology.degree must be in [1, 20] with devices × degree even, was 3",
                e.getMessage().replaceAll(" \\(.*", ""));
        assertEquals(List.of(), runs);
    }

    @Test
    void runIntoWritesCsvJsonAndScenario(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sweep");
        Sweep sweep = Sweep.of(small()).vary("net.loss", 0.0, 0.2).seeds(2).threads(2);
        Table t = sweep.runInto(dir);
        assertEquals(t.rowCount() + 1, Files.readAllLines(dir.resolve(Sweep.CSV)).size());
        Table back = Table.read().csv(dir.resolve(Sweep.CSV).toFile());
        assertEquals(t.columnNames(), back.columnNames());
        JsonNode json = new ObjectMapper().readTree(dir.resolve(Sweep.JSON).toFile());
        assertEquals("two-peers", json.get("scenario").asText());
        assertEquals(0.2, json.get("vary").get("net.loss").get(1).asDouble());
        assertEquals(4, json.get("runs").asInt());
        assertEquals(2, json.get("points").size());
        JsonNode p = json.get("points").get(1);
        assertEquals(0.2, p.get("values").get("net.loss").asDouble());
        double mean = (t.doubleColumn("bytes_sent").getDouble(2) + t.doubleColumn("bytes_sent").getDouble(3)) / 2;
        assertEquals(mean, p.get("mean").get("bytes_sent").asDouble(), 1e-9);
        assertEquals("p2psim run " + dir.resolve("scenario.yaml") + " --set net.loss=0.2 --seed 2",
                p.get("seeds").get(1).get("command").asText());
        assertEquals(t.stringColumn("traceSha256").get(3), p.get("seeds").get(1).get("traceSha256").asText());
        assertEquals(small().withSeed(1).with("net.loss", "0"), Scenario.load(dir.resolve(Sweep.SCENARIO)).withSeed(1).with("net.loss", "0"));

        Table means = Sweep.means(t, "bytes_sent", "convergence_s");
        assertEquals(List.of("net.loss", "runs", "converged_runs", "bytes_sent", "convergence_s"), means.columnNames());
        assertEquals(List.of(0.0, 0.2), means.doubleColumn("net.loss").asList());
        assertEquals(mean, means.doubleColumn("bytes_sent").getDouble(1), 1e-9);
        assertEquals(List.of(2, 2), means.intColumn("runs").asList());
        t.addColumns(t.doubleColumn("bytes_sent").multiply(2).setName("double_bytes"));
        assertEquals(2 * mean, Sweep.means(t).doubleColumn("double_bytes").getDouble(1), 1e-9, "added columns are averaged too");
        assertThrows(IllegalArgumentException.class, () -> Sweep.means(t, "traceSha256"));

        RunDirectoryException taken = assertThrows(RunDirectoryException.class, () -> sweep.runInto(dir));
        assertEquals("sweep directory '" + dir + "' exists and is not empty; choose another --out, or add --force to replace an"
                + " earlier sweep", taken.getMessage());
        Sweep.prepare(dir, true);
        assertFalse(Files.exists(dir.resolve(Sweep.CSV)));
    }
}
