package org.p2psim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.cli.MainTest.badInput;
import static org.p2psim.cli.MainTest.p2psim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assertTrue(limited.get("truncated").asBoolean());
        assertTrue(limited.get("row_count").isNull(), "the rows past --limit are not read, so not counted");
    }

    /** Issue 12: 10⁷ rows with --limit 5 under a 256 MB heap (main loaded every row first and died of OutOfMemoryError). */
    @Test
    void limitLimitsTheWorkNotOnlyTheOutput() throws Exception {
        Path log = tmp.resolve("big-query.log");
        Process p = CliProcess.start(List.of("-Xmx256m"), log, "inspect", run, "--device", "alice", "--limit", "5", "--sql",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000)"
                        + " SELECT x, hex(randomblob(32)) AS b FROM c");
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "it finishes");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        JsonNode q = JSON.readTree(out);
        assertEquals(5, q.get("listed").asInt());
        assertTrue(q.get("truncated").asBoolean());
        assertEquals(5, q.get("rows").get(4).get("x").asInt());
    }

    /** Issue 12: run.sqlite was written with journal_mode=OFF, and a kill -9 while writing it could leave it malformed. */
    @Test
    void runDatabaseIsWrittenWithAJournal() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + Path.of(run, "run.sqlite"));
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertTrue(rs.next());
            assertEquals("wal", rs.getString(1));
        }
        assertEquals("ok", RunCrashTest.integrity(Path.of(run, "run.sqlite")));
    }

    /** Issue 12: VACUUM INTO wrote a copy of the store anywhere, and the CLI answered "no result set". */
    @Test
    void vacuumIntoIsRefusedWithTheReasonAndWritesNothing() {
        Path copy = tmp.resolve("copy.sqlite");
        badInput("p2psim inspect: SQL on bob refused: only statements that read are allowed (SELECT, WITH, VALUES, EXPLAIN or a"
                + " PRAGMA that reads), not VACUUM; query: VACUUM INTO '" + copy + "'",
                "inspect", run, "--sql", "VACUUM INTO '" + copy + "'", "--device", "bob");
        assertFalse(Files.exists(copy));
    }

    /** Issue 12: of {@code SELECT 1; DELETE FROM events} only the first statement ran, silently. */
    @Test
    void aSecondStatementIsRefusedNotSilentlyDropped() {
        badInput("p2psim inspect: SQL on bob refused: only one statement is allowed; a second one starts after the ';'"
                + " (DELETE …); query: SELECT 1; DELETE FROM events", "inspect", run, "--sql", "SELECT 1; DELETE FROM events",
                "--device", "bob");
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
        badInput("p2psim inspect: SQL on bob refused: only statements that read are allowed (SELECT, WITH, VALUES, EXPLAIN or a"
                + " PRAGMA that reads), not DELETE; query: DELETE FROM events", "inspect", run, "--sql", "DELETE FROM events",
                "--device", "bob");
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
