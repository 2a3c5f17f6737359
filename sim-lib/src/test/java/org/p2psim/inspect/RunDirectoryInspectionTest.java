package org.p2psim.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.experiment.RunDirectoryException;
import org.p2psim.experiment.RunResult;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Scenario;
import tech.tablesaw.api.Table;

/** The same inspections on a finished run directory, from its files alone. */
class RunDirectoryInspectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SCENARIO = """
            name: inspect-test
            duration: 3m
            seed: 5
            devices:
              names: [alice, bob, carol]
              clockOffsetSd: 200ms
              clockDriftPpmSd: 10
            net:
              latency: 50ms
            crypto:
              signatures: fast
            workload:
              channels: [general]
              history:
                count: {alice: 20, bob: 10}
              messages:
                ratePerMinute: 2
                until: 2m
                textLength: 40
                devices: [alice, bob]
            schedule:
              - {at: 90s, isolate: [carol]}
              - {at: 100s, link: [alice, bob], net: {loss: 0.3}}
            """;

    @TempDir
    static Path tmp;
    static Path run;
    static RunResult result;

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("run");
        result = ScenarioRun.of(Scenario.parse(SCENARIO, "inspect-test.yaml")).directory(run).run();
    }

    @Test
    void sqlOnADeviceFileWithoutASimulation() {
        Inspection in = Inspection.of(run);
        assertEquals("run-directory", in.kind());
        assertEquals(java.util.List.of("alice", "bob", "carol"), in.devices());
        long alice = in.sql("alice", "SELECT COUNT(*) AS n FROM events").longColumn("n").getLong(0);
        assertTrue(alice >= 30, "history alone is 30 events, was " + alice);
        assertEquals(alice, Inspection.sql(run.resolve("devices/alice.sqlite"), "SELECT COUNT(*) AS n FROM events")
                .longColumn("n").getLong(0));
        InspectException bad = assertThrows(InspectException.class, () -> in.sql("bob", "SELEKT 1"));
        assertEquals("SQL on bob failed: near \"SELEKT\": syntax error; query: SELEKT 1", bad.getMessage());
        InspectException write = assertThrows(InspectException.class, () -> in.sql("bob", "DROP TABLE events"));
        assertTrue(write.getMessage().startsWith("SQL on bob refused: only statements that read are allowed"), write.getMessage());
        assertFalse(Files.exists(run.resolve("devices/alice.sqlite-wal")), "reading leaves no log beside the file");
    }

    @Test
    void compareAndStateFromFiles() throws Exception {
        Inspection in = Inspection.of(run);
        Comparison c = in.compare("alice", "carol");
        assertTrue(c.onlyInA().rowCount() > 0, "carol was cut off for the last 90 s: " + c);
        assertEquals(c.aEvents() - c.inBoth(), c.onlyInA().rowCount());

        JsonNode state = JSON.readTree(in.stateJsonText());
        assertEquals("run-directory", state.get("source").asText());
        assertEquals(5, state.get("seed").asLong());
        assertEquals(180.0, state.get("time_s").asDouble());
        assertEquals(Simulation.deviceId(5, "bob").hex(), state.get("devices").get(1).get("id").asText());
        assertTrue(state.get("devices").get(0).get("peers").isNull());
        assertEquals(1, state.get("not_recorded").size());
        assertEquals(result.simulation().device("bob").clock(), state.get("devices").get(1).get("clock_us").asLong(),
                "the clock follows from the seed and the scenario's spreads");
        assertTrue(state.get("devices").get(1).get("clock_offset_us").asLong() != 0);
        JsonNode net = state.get("network");
        assertEquals("carol", net.get("partitions").get(0).get("side_a").get(0).asText());
        assertEquals(0.3, net.get("links").get(0).get("loss_rate").asDouble());
        assertEquals(result.metrics().get("events_created"), state.get("metrics").get("events_created").asDouble());
        assertEquals(state.get("devices").get(0).get("events_held").asInt(),
                result.simulation().metrics().held("alice"));
    }

    @Test
    void networkAtTheEndOfTheRun() {
        NetworkStatus status = Inspection.of(run).network();
        Table m = status.matrix();
        assertEquals(6, m.rowCount());
        assertEquals(4, status.unreachable().rowCount(), m.print());
        assertTrue(m.booleanColumn("knows_peer").isMissing(0), "a run directory records no peer tables");
        assertEquals(result.metrics().get("packets_sent"), (double) m.longColumn("packets_sent").sum());
    }

    @Test
    void aDirectoryThatIsNotARunSaysSo() {
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> Inspection.of(tmp));
        assertEquals("'" + tmp + "' is not a finished run directory (it has no summary.json)", e.getMessage());
        RunDirectoryException gone = assertThrows(RunDirectoryException.class, () -> Inspection.of(tmp.resolve("nope")));
        assertEquals("run directory '" + tmp.resolve("nope") + "' not found", gone.getMessage());
    }
}
