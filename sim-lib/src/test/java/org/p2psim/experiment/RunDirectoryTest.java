package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimEvent;
import tech.tablesaw.api.Table;

/**
 * Runs into run directories: the layout and its tables, determinism per seed, and replays from the
 * recorded timeline, with churn (leave, reconnect, join), a partition, network changes and Poisson
 * messages in the schedule.
 */
class RunDirectoryTest {
    /** Small and quick, with every kind of scheduled action; a network change and a leave share one instant. */
    static final String CHURN = """
            name: churn
            duration: 4m
            seed: 11
            devices: {count: 6, clockOffsetSd: 200ms, clockDriftPpmSd: 10}
            topology: {kind: random-regular, degree: 2}
            net: {latency: {mean: 30ms, sd: 10ms}, loss: 0.05, duplicate: 0.01}
            crypto: {signatures: fast}
            workload:
              channels: [general, random]
              history: {count: 3}
              messages: {ratePerMinute: 2, until: 3m, textLength: 30}
            schedule:
              - {at: 30s, leave: d02}
              - {at: 40s, leave: d03, graceful: false}
              - {at: 1m, join: carol, via: d00}
              - {at: 90s, reconnect: d02}
              - {at: 100s, reconnect: d03}
              - {at: 2m, partition: [[d00, d01, carol], [d02, d03, d04, d05]], for: 20s}
              - {at: 150s, leave: d01}
              - {at: 150s, net: {loss: 0.2}}
              - {at: 170s, device: d04, net: {uplink: 20kB/s}}
              - {at: 3m, reconnect: d01}
            """;

    static Scenario churn() {
        return Scenario.parse(CHURN, "churn.yaml");
    }

    @Test
    void aRunWritesTheWholeLayout(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        RunResult r = ScenarioRun.of(churn()).seed(5).directory(dir).run();

        for (String file : List.of("summary.json", "scenario.yaml", "run.sqlite", "devices/d00.sqlite", "devices/carol.sqlite")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        try (Stream<Path> csv = Files.list(dir.resolve("metrics"))) {
            assertEquals(Set.of("completeness.csv", "packets.csv", "undelivered.csv", "devices.csv", "rejected_events.csv",
                    "latencies.csv", "latency_cdf.csv", "write_rates.csv", "sync_matrix.csv", "summary.csv", "expectations.csv", "sim_events.csv",
                    "packet_log.csv"),
                    csv.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }

        JsonNode summary = RunDirectory.JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals("churn", summary.get("scenario").asText());
        assertEquals(5, summary.get("seed").asLong());
        assertEquals(r.traceSha256(), summary.get("traceSha256").asText());
        assertEquals(64, r.traceSha256().length());
        List<String> keys = new ArrayList<>();
        summary.get("metrics").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.copyOf(r.simulation().metrics().summaryMap().keySet()), keys, "every summary metric, in order");

        assertEquals(List.of("seq", "time_us", "kind", "device", "detail"), columns(dir, "sim_events"));
        assertEquals(List.of("seq", "sent_us", "done_us", "from_device", "to_device", "type", "bytes", "fate", "reason", "fingerprint",
                "duplicate"), columns(dir, "packet_log"));

        RunDirectory run = RunDirectory.open(dir);
        assertEquals(r.scenario(), run.scenario(), "scenario.yaml is the effective scenario");
        assertEquals(5L, run.scenario().seed());
        Table events = run.simEvents();
        Table packets = run.packetLog();
        assertEquals(summary.get("sim_events").asInt(), events.rowCount());
        assertEquals(summary.get("metrics").get("packets_sent").asLong(), packets.rowCount());
        assertEquals(r.simulation().timeline().events(), run.timeline());
        assertEquals(Set.of("message", "leave", "reconnect", "invite", "join"), new TreeSet<>(events.stringColumn("kind").asSet()));
        assertTrue(packets.stringColumn("reason").asSet().contains("partition"), "the scheduled partition dropped packets");
        assertTrue(packets.intColumn("duplicate").asSet().contains(1), "the network duplicated some packets");
        assertEquals(r.simulation().devicesTable().rowCount(), run.metrics("devices").rowCount());
    }

    @Test
    void oneSeedGivesOneRunAndAnotherSeedAnother(@TempDir Path tmp) throws Exception {
        RunResult a = ScenarioRun.of(churn()).seed(5).directory(tmp.resolve("a")).run();
        RunResult b = ScenarioRun.of(churn()).seed(5).directory(tmp.resolve("b")).run();
        RunResult c = ScenarioRun.of(churn()).seed(6).directory(tmp.resolve("c")).run();
        assertEquals(a.traceSha256(), b.traceSha256());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/summary.json")), Files.readAllBytes(tmp.resolve("b/summary.json")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/metrics/packets.csv")), Files.readAllBytes(tmp.resolve("b/metrics/packets.csv")));
        assertNotEquals(a.traceSha256(), c.traceSha256());
        assertNotEquals(a.simulation().timeline().events(), c.simulation().timeline().events());
    }

    @Test
    void aReplayFromTheRecordedTimelineMatches(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        RunResult r = ScenarioRun.of(churn()).seed(9).directory(dir).run();
        ReplayResult replay = RunDirectory.replay(dir);
        assertTrue(replay.matches(), replay.toString());
        assertEquals(r.traceSha256(), replay.traceSha256());
        assertEquals(r.simulation().timeline().size(), replay.events());
        assertTrue(replay.events() > 20, "the run has Poisson messages and churn: " + replay.events());
    }

    @Test
    void aReplayReallyFollowsTheTimeline(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        ScenarioRun.of(churn()).seed(9).directory(dir).run();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("run.sqlite"));
             Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE sim_events SET detail = 'general' || char(9) || 'edited'"
                    + " WHERE seq = (SELECT MIN(seq) FROM sim_events WHERE kind = 'message')"));
        }
        ReplayResult replay = RunDirectory.replay(dir);
        assertFalse(replay.matches(), "a different message is a different run");
    }

    @Test
    void aTakenDirectoryIsRefusedAndForceReplacesOnlyARun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Map<String, String> shorter = new LinkedHashMap<>();
        shorter.put("schedule", "");
        shorter.put("duration", "30s");
        Scenario small = churn().with(shorter);
        ScenarioRun.of(small).directory(dir).run();
        RunDirectoryException taken = assertThrows(RunDirectoryException.class, () -> ScenarioRun.of(small).directory(dir).run());
        assertEquals("run directory '" + dir + "' exists and is not empty; choose another --out, or add --force to replace an earlier run",
                taken.getMessage());
        RunDirectory.prepare(dir, true);
        assertTrue(Files.isDirectory(dir));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThrows(RunDirectoryException.class, () -> RunDirectory.prepare(other, true));
        assertTrue(Files.exists(other.resolve("notes.txt")), "--force never deletes what is not a run");
        assertEquals("'" + other + "' is not a finished run directory (it has no summary.json)",
                assertThrows(RunDirectoryException.class, () -> RunDirectory.open(other)).getMessage());
    }

    @Test
    void notebooksBuildASimulationFromAScenario(@TempDir Path tmp) {
        try (Simulation sim = ScenarioRun.of(churn()).seed(5).directory(tmp.resolve("nb")).build()) {
            assertEquals(0, sim.timeline().size(), "nothing has happened before the run");
            assertEquals(18, sim.metrics().truthSize(), "3 messages of history on each of 6 devices");
            sim.runFor(Duration.ofSeconds(45));
            List<SimEvent> churn = sim.timeline().events().stream().filter(e -> !e.kind().equals(SimEvent.MESSAGE)).toList();
            assertEquals(List.of(new SimEvent.Leave(30_000_000, "d02", true), new SimEvent.Leave(40_000_000, "d03", false)), churn);
            sim.runFor(Duration.ofMinutes(1));
            assertTrue(sim.devices().stream().anyMatch(d -> d.name().equals("carol")), "carol joined at 1m");
        }
    }

    private static List<String> columns(Path dir, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("run.sqlite"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
