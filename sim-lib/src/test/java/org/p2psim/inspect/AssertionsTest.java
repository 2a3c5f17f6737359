package org.p2psim.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Scenario;
import tech.tablesaw.api.Table;

/** Every assertion passing and failing, with what was expected and what was measured. */
class AssertionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void syncCompletePassesOnceHealedAndFailsWhileCutOff(@TempDir Path dir) {
        try (Simulation sim = InspectionTest.partitioned(dir)) {
            Assertions check = Inspection.of(sim).assertions();
            AssertionResult cut = check.syncComplete(List.of("alice", "carol"), Duration.ofMinutes(1));
            assertFalse(cut.passed(), cut.toString());
            assertEquals("alice, carol hold all 24 events within 60.000 s", cut.expected());
            assertEquals("after 60.000 s: alice 24 of 24, carol 22 of 24", cut.measured());
            assertTrue(cut.detail().startsWith("events: every event some device held at t=180.000 s; the simulation ran on to"
                    + " t=240.000 s"), cut.detail());
            assertEquals(240.0, sim.nowSeconds(), "the assertion ran the simulation on for its minute");

            sim.network().partitions().forEach(p -> p.heal());
            AssertionResult healed = check.syncComplete(Duration.ofMinutes(5));
            assertTrue(healed.passed(), healed.toString());
            assertTrue(healed.measured().startsWith("all held after "), healed.measured());
            assertTrue(sim.nowSeconds() < 540, "stops as soon as it holds: " + sim.nowSeconds());

            Table t = check.table();
            assertEquals(2, t.rowCount());
            assertEquals(List.of(false, true), t.booleanColumn("passed").asList());
            assertFalse(check.allPassed());
            AssertionError error = assertThrows(AssertionError.class, check::requireAllPassed);
            assertTrue(error.getMessage().startsWith("1 of 2 assertions failed:\n  FAIL sync_complete: expected alice, carol"
                    + " hold all 24 events within 60.000 s, measured after 60.000 s: alice 24 of 24, carol 22 of 24"), error.getMessage());
        }
    }

    @Test
    void eventOrderHoldsWithExactClocksAndBreaksWithSkew(@TempDir Path dir) {
        try (Simulation exact = chatter(dir.resolve("exact"), Duration.ZERO)) {
            AssertionResult r = Inspection.of(exact).assertions().eventOrder();
            assertTrue(r.passed(), r.toString());
            assertEquals("0 of 87 successive pairs out of authored order", r.measured());
            assertEquals("90 messages checked across 3 devices", r.detail());
        }
        try (Simulation skewed = chatter(dir.resolve("skewed"), Duration.ofSeconds(3))) {
            AssertionResult r = Inspection.of(skewed).assertions().eventOrder();
            assertFalse(r.passed(), r.toString());
            assertEquals("getMessages on every device in authored order (0 pairs out of order)", r.expected());
            assertTrue(r.measured().matches("\\d+ of 87 successive pairs out of authored order, on 3 of 3 devices"), r.measured());
            assertTrue(r.detail().startsWith("first on alice in #general: "), r.detail());
            assertTrue(r.detail().contains(") shown before "), r.detail());
        }
    }

    /** Three devices take turns posting one message a second. */
    private static Simulation chatter(Path dir, Duration clockSpread) {
        Simulation sim = Simulation.builder().seed(2).devices("alice", "bob", "carol").clockSkew(clockSpread, 0)
                .signatures(SignatureMode.FAST).directory(dir).build();
        String[] who = {"alice", "bob", "carol"};
        for (int i = 0; i < 30; i++) {
            String device = who[i % 3];
            int n = i;
            sim.at(Duration.ofSeconds(1 + i), s -> s.post(device, "general", "message " + n));
        }
        sim.runFor(Duration.ofMinutes(3));
        return sim;
    }

    @Test
    void falsePositiveRateAndBytesOnWire(@TempDir Path dir) {
        try (Simulation sim = InspectionTest.partitioned(dir)) {
            Assertions check = Inspection.of(sim).assertions();
            AssertionResult fpr = check.falsePositiveRateBelow(0.5);
            assertTrue(fpr.passed(), fpr.toString());
            assertEquals("false-positive rate < 0.5", fpr.expected());
            AssertionResult strict = check.falsePositiveRateBelow(0.0);
            assertFalse(strict.passed(), strict.toString());
            assertEquals(fpr.measured(), strict.measured());
            assertTrue(strict.detail().startsWith("fpr_measured: positives among tests of events the filter's owner lacked, over "),
                    strict.detail());

            AssertionResult loose = check.bytesOnWireBelow(1_000_000);
            assertTrue(loose.passed(), loose.toString());
            AssertionResult tight = check.bytesOnWireBelow(1.0);
            assertFalse(tight.passed(), tight.toString());
            assertEquals("bytes_over_floor < 1", tight.expected());
            double ratio = sim.metrics().bytesOverFloor();
            assertEquals(Assertions.number(ratio), tight.measured());
            assertTrue(tight.detail().startsWith("metric bytes_over_floor: bytes sent over the floor"), tight.detail());

            JsonNode json = check.json();
            assertFalse(json.get("passed").asBoolean());
            assertEquals(4, json.get("count").asInt());
            assertEquals(2, json.get("failed").asInt());
            assertEquals("fpr_below", json.get("results").get(0).get("name").asText());
        }
    }

    @Test
    void falsePositiveRateWithoutFiltersFails(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().devices("solo").directory(dir).build()) {
            AssertionResult r = Inspection.of(sim).assertions().falsePositiveRateBelow(0.01);
            assertFalse(r.passed());
            assertEquals("no rate: no filter test of an event the peer lacked", r.measured());
        }
    }

    @Test
    void noDuplicateRowsAndBytesOverFloorOnARunDirectory(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        ScenarioRun.of(Scenario.parse(RunDirectoryInspectionTest.SCENARIO, "inspect-test.yaml")).directory(run).run();
        Assertions clean = Inspection.of(run).assertions();
        AssertionResult ok = clean.noDuplicateRows();
        assertTrue(ok.passed(), ok.toString());
        assertEquals("0 duplicate rows", ok.measured());
        assertTrue(ok.detail().startsWith("rows minus distinct event ids in auth_graph, events, ") && ok.detail().contains("message_index of 3 stores"),
                ok.detail());
        AssertionResult late = clean.syncComplete(List.of("alice", "bob"), Duration.ofMinutes(3));
        assertTrue(late.passed(), late.toString());
        AssertionResult carol = clean.syncComplete(List.of("carol"), Duration.ofMinutes(3));
        assertFalse(carol.passed(), carol.toString());
        assertTrue(carol.measured().startsWith("incomplete at the end: carol 0."), carol.measured());
        AssertionResult order = clean.eventOrder();
        assertTrue(order.passed(), order.toString());
        assertTrue(order.detail().endsWith("; 30 without a recorded creation time (history) left out")
                || order.detail().contains("without a recorded creation time"), order.detail());

        Path tampered = tmp.resolve("tampered");
        copyTree(run, tampered);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tampered.resolve("devices/bob.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("CREATE TABLE loose(arrival_seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL, channel_id TEXT,"
                    + " authored_ts INTEGER NOT NULL, received_ts INTEGER NOT NULL, ciphertext BLOB NOT NULL)");
            s.execute("INSERT INTO loose SELECT * FROM events");
            s.execute("DROP TABLE events");
            s.execute("ALTER TABLE loose RENAME TO events");
            s.execute("INSERT INTO events(event_id, channel_id, authored_ts, received_ts, ciphertext)"
                    + " SELECT event_id, channel_id, authored_ts, received_ts, ciphertext FROM events LIMIT 1");
        }
        ObjectNode summary = (ObjectNode) JSON.readTree(tampered.resolve("summary.json").toFile());
        ((ObjectNode) summary.get("metrics")).put("bytes_over_floor", 2.5);
        Files.writeString(tampered.resolve("summary.json"), summary.toString());

        Assertions broken = Inspection.of(tampered).assertions();
        AssertionResult dupes = broken.noDuplicateRows();
        assertFalse(dupes.passed(), dupes.toString());
        assertEquals("0 duplicate rows", dupes.expected());
        assertEquals("1 duplicate rows: bob.events 1", dupes.measured());
        AssertionResult floor = broken.bytesOnWireBelow(2.0);
        assertFalse(floor.passed());
        assertEquals("bytes_over_floor < 2", floor.expected());
        assertEquals("2.5", floor.measured());
        assertTrue(floor.detail().startsWith("metric bytes_over_floor"), floor.detail());
        assertTrue(broken.bytesOnWireBelow(3.0).passed());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
