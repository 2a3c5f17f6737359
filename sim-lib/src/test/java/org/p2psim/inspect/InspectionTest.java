package org.p2psim.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.Message;
import tech.tablesaw.api.Table;

/** SQL, compare, state export and network status on live simulations. */
class InspectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** alice, bob, carol; carol cut off after a first sync, then alice and bob talk on. */
    static Simulation partitioned(Path dir) {
        Simulation sim = Simulation.builder().seed(11).devices("alice", "bob", "carol").signatures(SignatureMode.FAST)
                .directory(dir).build();
        sim.history("alice", 20, "general");
        String hello = sim.post("bob", "general", "hello <b>all</b> & 'everyone'");
        sim.device("alice").author(new Message("general", "hi bob", hello));
        sim.runFor(Duration.ofMinutes(2));
        sim.network().isolate(List.of("carol"));
        sim.post("alice", "random", "carol cannot see this");
        sim.post("bob", "general", "nor this");
        sim.runFor(Duration.ofMinutes(1));
        return sim;
    }

    @Test
    void sqlIsReadOnlyAndErrorsSaySo(@TempDir Path dir) {
        try (Simulation sim = partitioned(dir)) {
            Inspection in = Inspection.of(sim);
            Table t = in.sql("alice", "SELECT COUNT(*) AS n FROM events");
            assertEquals(24, t.longColumn("n").getLong(0));
            assertEquals("alice", t.name());

            InspectException missing = assertThrows(InspectException.class, () -> in.sql("alice", "SELECT * FROM nope"));
            assertEquals("SQL on alice failed: no such table: nope; query: SELECT * FROM nope", missing.getMessage());

            InspectException write = assertThrows(InspectException.class, () -> in.sql("bob", "DELETE FROM events"));
            assertEquals("SQL on bob refused: only statements that read are allowed (SELECT, WITH, VALUES, EXPLAIN or a"
                    + " PRAGMA that reads), not DELETE; query: DELETE FROM events", write.getMessage());
            assertEquals(24, in.sql("bob", "SELECT COUNT(*) AS n FROM events").longColumn("n").getLong(0), "nothing deleted");

            InspectException unknown = assertThrows(InspectException.class, () -> in.sql("zed", "SELECT 1"));
            assertEquals("no device named 'zed'; devices are alice, bob, carol", unknown.getMessage());
        }
    }

    @Test
    void compareListsWhatEachSideLacksByKind(@TempDir Path dir) throws Exception {
        try (Simulation sim = partitioned(dir)) {
            Inspection in = Inspection.of(sim);
            Comparison c = in.compare("alice", "carol");
            assertEquals(24, c.aEvents());
            assertEquals(22, c.bEvents());
            assertEquals(22, c.inBoth());
            assertFalse(c.identical());
            Table only = c.table();
            assertEquals(2, only.rowCount(), only.print());
            assertEquals(List.of("alice", "alice"), only.stringColumn("only_in").asList());
            assertEquals(List.of("message", "message"), only.stringColumn("kind").asList());
            assertTrue(only.stringColumn("body").asList().contains("carol cannot see this"), only.print());
            assertTrue(only.stringColumn("author").asList().containsAll(List.of("alice", "bob")), only.print());
            Table byKind = c.byKind();
            assertEquals("message", byKind.stringColumn("kind").get(0));
            assertEquals(22, byKind.intColumn("in_both").get(0));
            assertEquals(2, byKind.intColumn("only_in_a").get(0));
            assertEquals(0, byKind.intColumn("only_in_b").get(0));

            JsonNode json = JSON.readTree(c.jsonText());
            assertEquals("alice", json.get("a").asText());
            assertEquals(2, json.get("only_in_a").get("count").asInt());
            assertEquals(2, json.get("only_in_a").get("by_kind").get("message").asInt());
            assertEquals(0, json.get("only_in_b").get("count").asInt());
            assertEquals(32, json.get("only_in_a").get("events").get(0).get("event_id").asText().length());

            assertTrue(in.compare("alice", "bob").identical());
        }
    }

    @Test
    void stateJsonHoldsDevicesNetworkAndMetrics(@TempDir Path dir) throws Exception {
        try (Simulation sim = partitioned(dir)) {
            sim.network().link("alice", "bob").loss(0.25);
            sim.leave("bob", true);
            JsonNode state = JSON.readTree(Inspection.of(sim).stateJsonText());
            assertEquals("simulation", state.get("source").asText());
            assertEquals(11, state.get("seed").asLong());
            assertEquals(180.0, state.get("time_s").asDouble(), 1e-9);
            assertEquals(24, state.get("truth_events").asInt());
            JsonNode alice = state.get("devices").get(0);
            assertEquals("alice", alice.get("name").asText());
            assertEquals(sim.device("alice").id().hex(), alice.get("id").asText());
            assertTrue(alice.get("online").asBoolean());
            assertEquals(0, alice.get("clock_offset_us").asLong());
            assertEquals(List.of("bob", "carol"), List.of(alice.get("peers").get(0).asText(), alice.get("peers").get(1).asText()));
            assertEquals(24, alice.get("events_held").asInt());
            assertEquals(1.0, alice.get("completeness").asDouble());
            assertTrue(alice.get("store").get("size_on_disk_bytes").asLong() > 0);
            assertTrue(alice.get("traffic").get("bytes_sent").asLong() > 0);
            assertFalse(state.get("devices").get(1).get("online").asBoolean(), "bob left");
            assertEquals(22.0 / 24, state.get("devices").get(2).get("completeness").asDouble(), 1e-9);

            JsonNode net = state.get("network");
            assertEquals("fixed(50 ms)", net.get("defaults").get("latency").asText());
            assertEquals(2, net.get("links").size(), "alice→bob and bob→alice differ from the defaults");
            assertEquals(0.25, net.get("links").get(0).get("loss_rate").asDouble());
            assertEquals("carol", net.get("partitions").get(0).get("side_a").get(0).asText());
            assertEquals("everyone else", net.get("partitions").get(0).get("side_b").asText());
            assertFalse(net.get("online").get("bob").asBoolean());
            assertEquals("partitioned [carol] <-/-> everyone else", net.get("matrix").get("alice").get("carol").asText());
            assertEquals("bob offline", net.get("matrix").get("alice").get("bob").asText());
            assertEquals(24, state.get("metrics").get("events_created").asInt());
            assertNull(state.get("not_recorded"));
        }
    }

    @Test
    void networkStatusSaysWhoReachesWhomAndWhyNot(@TempDir Path dir) throws Exception {
        try (Simulation sim = partitioned(dir)) {
            sim.network().link("alice", "bob").loss(1.0);
            NetworkStatus status = Inspection.of(sim).network();
            Table m = status.matrix();
            assertEquals(6, m.rowCount());
            Table unreachable = status.unreachable();
            assertEquals(6, unreachable.rowCount(), m.print());
            assertEquals("partitioned [carol] <-/-> everyone else", why(m, "alice", "carol"));
            assertEquals("link loses every packet", why(m, "alice", "bob"));
            assertTrue(status.devices().longColumn("bytes_received").getLong(0) > 0);
            assertTrue(status.metrics().rowCount() > 30);
            JsonNode json = JSON.readTree(status.jsonText());
            assertEquals(6, json.get("matrix").size());
            assertFalse(json.get("matrix").get(0).get("reachable").asBoolean());
            assertTrue(json.get("metrics").has("fpr_measured"));

            sim.network().partitions().forEach(p -> p.heal());
            sim.network().link("alice", "bob").loss(0.0);
            assertEquals(0, Inspection.of(sim).network().unreachable().rowCount());
        }
    }

    private static String why(Table m, String from, String to) {
        for (int i = 0; i < m.rowCount(); i++) {
            if (m.stringColumn("from").get(i).equals(from) && m.stringColumn("to").get(i).equals(to)) {
                return m.stringColumn("why").get(i);
            }
        }
        throw new AssertionError("no row " + from + " → " + to);
    }

    @Test
    void exportCopiesAStoreThatOpensAnywhere(@TempDir Path dir) {
        try (Simulation sim = partitioned(dir.resolve("run"))) {
            Path copy = Inspection.of(sim).exportStore("carol", dir.resolve("out/carol.sqlite"));
            assertTrue(Files.isRegularFile(copy));
            assertEquals(22, Inspection.sql(copy, "SELECT COUNT(*) AS n FROM events").longColumn("n").getLong(0));
            InspectException again = assertThrows(InspectException.class,
                    () -> Inspection.of(sim).exportStore("carol", copy));
            assertTrue(again.getMessage().endsWith("already exists; a store is copied only to a new file"), again.getMessage());
        }
    }
}
