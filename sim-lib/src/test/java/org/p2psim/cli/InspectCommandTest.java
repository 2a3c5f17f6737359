package org.p2psim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.cli.MainTest.badInput;
import static org.p2psim.cli.MainTest.p2psim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p2psim inspect} on a run directory made by {@code p2psim run}: each form answers JSON. */
class InspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static String run;

    @BeforeAll
    static void runTwoPeers() {
        run = tmp.resolve("demo").toString();
        MainTest.Result r = p2psim("run", "two-peers", "--seed", "7", "--out", run, "--set", "duration=2m",
                "--set", "crypto.signatures=fast", "-q");
        assertEquals(0, r.code(), r.toString());
    }

    private static JsonNode ok(String... args) throws Exception {
        MainTest.Result r = p2psim(args);
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void state() throws Exception {
        JsonNode s = ok("inspect", run, "--state");
        assertEquals("run-directory", s.get("source").asText());
        assertEquals(7, s.get("seed").asLong());
        assertEquals(120.0, s.get("time_s").asDouble());
        assertEquals(350, s.get("truth_events").asInt());
        assertEquals("alice", s.get("devices").get(0).get("name").asText());
        assertEquals(32, s.get("devices").get(0).get("id").asText().length());
        assertTrue(s.get("devices").get(1).get("events_held").asInt() >= 150);
        assertEquals("ok", s.get("network").get("matrix").get("alice").get("bob").asText());
        assertEquals(350, s.get("metrics").get("events_created").asInt());
    }

    @Test
    void sql() throws Exception {
        JsonNode q = ok("inspect", run, "--sql", "SELECT author, COUNT(*) AS n FROM message_index GROUP BY author ORDER BY n DESC",
                "--device", "bob");
        assertEquals("bob", q.get("device").asText());
        assertEquals("author", q.get("columns").get(0).get("name").asText());
        assertEquals("long", q.get("columns").get(1).get("type").asText());
        assertEquals(2, q.get("row_count").asInt());
        assertTrue(q.get("rows").get(0).get("n").asInt() >= 150);

        JsonNode limited = ok("inspect", run, "--sql", "SELECT event_id FROM events", "--device", "alice", "--limit", "3");
        assertEquals(3, limited.get("listed").asInt());
        assertTrue(limited.get("row_count").asInt() >= 200);
    }

    @Test
    void compare() throws Exception {
        JsonNode c = ok("inspect", run, "--compare", "alice", "bob", "--json");
        assertEquals("alice", c.get("a").asText());
        assertEquals(c.get("a_events").asInt() - c.get("in_both").asInt(), c.get("only_in_a").get("count").asInt());
        assertEquals(c.get("only_in_b").get("count").asInt(), c.get("only_in_b").get("events").size());
    }

    @Test
    void network() throws Exception {
        JsonNode n = ok("inspect", run, "--network");
        assertEquals(2, n.get("matrix").size());
        assertTrue(n.get("matrix").get(0).get("reachable").asBoolean());
        assertEquals("ok", n.get("matrix").get(0).get("why").asText());
        assertTrue(n.get("matrix").get(0).get("packets_delivered").asLong() > 0);
        assertTrue(n.get("metrics").get("packets_sent").asLong() > 0);
    }

    @Test
    void badInputIsOneLineWithExitTwo() {
        badInput("p2psim inspect: no device named 'zed'; devices are alice, bob", "inspect", run, "--compare", "alice", "zed");
        badInput("p2psim inspect: no device named 'zed'; devices are alice, bob", "inspect", run, "--sql", "SELECT 1", "--device", "zed");
        badInput("p2psim inspect: --sql needs --device D (devices: alice, bob)", "inspect", run, "--sql", "SELECT 1");
        badInput("p2psim inspect: --device goes with --sql only", "inspect", run, "--state", "--device", "bob");
        badInput("p2psim inspect: SQL on bob failed: no such table: nope; query: SELECT * FROM nope",
                "inspect", run, "--sql", "SELECT * FROM nope", "--device", "bob");
        badInput("p2psim inspect: SQL on bob failed: attempt to write a readonly database (inspection connections are read-only);"
                + " query: DELETE FROM events", "inspect", run, "--sql", "DELETE FROM events", "--device", "bob");
        badInput("p2psim inspect: '" + tmp + "' is not a finished run directory (it has no summary.json)", "inspect", tmp.toString(), "--state");
        badInput("p2psim inspect: run directory '" + tmp.resolve("nope") + "' not found", "inspect", tmp.resolve("nope").toString(), "--network");
        badInput("p2psim inspect: one form at a time: --state, --sql QUERY --device D, --compare A B or --network",
                "inspect", run, "--state", "--network");
        badInput("p2psim inspect: say what to inspect: --state, --sql QUERY --device D, --compare A B or --network", "inspect", run);
        MainTest.Result half = p2psim("inspect", run, "--compare", "alice");
        assertEquals(2, half.code(), half.toString());
        assertEquals(1, half.errLines().size(), half.err());
        assertTrue(half.err().startsWith("p2psim inspect: option '--compare' at index 0 (DEVICE) requires at least 2 values"), half.err());
    }
}
