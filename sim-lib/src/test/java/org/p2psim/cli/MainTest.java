package org.p2psim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line in-process: exit codes, one-line errors on stderr, JSON on stdout. */
class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Result p2psim(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 2 and exactly {@code line} on stderr, nothing on stdout. */
    static void badInput(String line, String... args) {
        Result r = p2psim(args);
        assertEquals(2, r.code(), r.toString());
        assertEquals(List.of(line), r.errLines(), r.toString());
        assertEquals("", r.out());
    }

    @Test
    void runThenReplayInJson(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("demo");
        Result run = p2psim("run", "two-peers", "--seed", "7", "--out", dir.toString(), "--json", "--set", "duration=5m", "-q");
        assertEquals(0, run.code(), run.toString());
        assertEquals("", run.err());
        JsonNode summary = JSON.readTree(run.out());
        assertEquals(dir.toString(), summary.get("directory").asText());
        assertEquals("two-peers", summary.get("scenario").asText());
        assertEquals(7, summary.get("seed").asLong());
        assertEquals(350, summary.get("metrics").get("events_created").asLong());
        assertEquals(0, summary.get("expectations").size(), "two-peers states no expected outcomes");
        String trace = summary.get("traceSha256").asText();
        assertTrue(Files.isRegularFile(dir.resolve("run.sqlite")));

        Result replay = p2psim("replay", dir.toString(), "--json");
        assertEquals(0, replay.code(), replay.toString());
        JsonNode r = JSON.readTree(replay.out());
        assertEquals(trace, r.get("traceSha256").asText());
        assertEquals(trace, r.get("original").asText());
        assertTrue(r.get("match").asBoolean());

        Result human = p2psim("replay", dir.toString());
        assertEquals(0, human.code());
        assertTrue(human.out().contains("match        yes"), human.out());

        ObjectNode tampered = (ObjectNode) JSON.readTree(dir.resolve("summary.json").toFile());
        tampered.put("traceSha256", "0".repeat(64));
        Files.writeString(dir.resolve("summary.json"), tampered.toString());
        Result mismatch = p2psim("replay", dir.toString());
        assertEquals(1, mismatch.code(), mismatch.toString());
        assertEquals(List.of("p2psim replay: the replay's traceSha256 differs from the original"), mismatch.errLines());

        badInput("p2psim run: run directory '" + dir + "' exists and is not empty; choose another --out, or add --force to replace"
                + " an earlier run", "run", "two-peers", "--out", dir.toString());
    }

    @Test
    void runPrintsATableForPeople(@TempDir Path tmp) {
        Result r = p2psim("run", "two-peers", "--out", tmp.resolve("t").toString(), "--set", "duration=1m", "--seed", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("two-peers, seed 2: 1m simulated in "), r.out());
        assertTrue(r.out().contains("  events_created "), r.out());
        assertTrue(r.out().contains("  traceSha256 "), r.out());
    }

    @Test
    void badInputIsOneLineWithExitTwo(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        Result nope = p2psim("run", "nope");
        assertEquals(2, nope.code());
        assertEquals(1, nope.errLines().size(), nope.err());
        assertTrue(nope.err().startsWith("p2psim run: scenario 'nope' not found; built-ins: "), nope.err());
        assertTrue(nope.err().contains("two-peers") && nope.err().contains("twenty-devices"), nope.err());

        badInput("p2psim run: --seed must be an integer, was 'x'", "run", "two-peers", "--seed", "x");
        badInput("p2psim run: scenarios/two-peers.yaml: net.loss must be a probability in [0, 1], was 1.7",
                "run", "two-peers", "--set", "net.loss=1.7", "--out", out);
        badInput("p2psim run: scenarios/two-peers.yaml: unknown field net.los; known: latency, loss, burst, duplicate, mtu, uplink,"
                + " downlink, bucket, queue, nat", "run", "two-peers", "--set", "net.los=0.2", "--out", out);
        badInput("p2psim run: scenarios/two-peers.yaml: duration must be a duration such as 250ms, 10s, 5m, 1h or 1h30m,"
                + " was '10 parsecs'", "run", "two-peers", "--set", "duration=10 parsecs", "--out", out);
        badInput("p2psim run: --set must be key=value (e.g. net.loss=0.2), was 'net.loss'", "run", "two-peers", "--set", "net.loss");
        badInput("p2psim run: unknown option '--sed' (see p2psim run --help)", "run", "two-peers", "--sed", "3");
        badInput("p2psim run: missing SCENARIO: a scenario file or a built-in name (burst-catch-up, coffee-shop, conference, happy-path, hierarchical-filters, hostile-members, large-dataset, lossy-network, mobile-stress, nat-stress, new-user-experience, perfect-sync, twenty-devices, two-peers)", "run");
        badInput("p2psim: unknown command 'frobnicate' (commands: run, replay, sweep, scoreboard, inspect, strategies, bench, help)", "frobnicate");
        badInput("p2psim: missing command (try p2psim --help)");
        badInput("p2psim replay: '" + tmp + "' is not a finished run directory (it has no summary.json)", "replay", tmp.toString());
        badInput("p2psim replay: missing required parameter: 'DIR' (see p2psim replay --help)", "replay");
        badInput("p2psim inspect: run directory 'runs/nope' not found", "inspect", "runs/nope", "--state");
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for bad input");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "replay", "sweep", "inspect", "strategies", "bench"})
    void everyCommandHasHelp(String command) {
        Result r = p2psim(command, "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: p2psim " + command), r.out());
        assertEquals("", r.err());
    }

    @Test
    void topLevelHelpAndVersion() {
        Result help = p2psim("--help");
        assertEquals(0, help.code());
        for (String command : List.of("run", "replay", "sweep", "inspect", "strategies", "bench")) {
            assertTrue(help.out().contains("  " + command), help.out());
        }
        Result version = p2psim("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("p2psim "), version.out());
    }

    @Test
    void strategiesListsEveryRegisteredStrategyWithItsParameters() throws Exception {
        Result r = p2psim("strategies");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("bloom-seed  the seed's Bloom sync"), r.out());
        JsonNode list = JSON.readTree(p2psim("strategies", "--json").out());
        assertEquals("bloom-seed", list.get(0).get("name").asText());
        assertEquals(500, list.get(0).get("parameters").get("bytes").asInt());
        assertEquals("10s", list.get(0).get("parameters").get("interval").asText());
        assertEquals(List.of("bloom-seed", "bloom-salted", "want-list", "gossip-push", "range-recon", "riblt", "hybrid", "naive", "oracle"),
                java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("name").asText()).toList());
        for (JsonNode strategy : list) {
            assertEquals(strategy.get("parameters").size(), strategy.get("docs").size(), strategy.toString());
            assertTrue(r.out().contains(strategy.get("name").asText() + "  "), r.out());
        }
        assertEquals(3, list.get(3).get("parameters").get("fanout").asInt());
        assertEquals("ids", list.get(7).get("parameters").get("mode").asText());
    }

    /** The benchmarks themselves take minutes and belong to make bench; here only their arguments. */
    @Test
    void benchRefusesAnImpossibleRunCount() {
        badInput("p2psim bench: --runs must be >= 1, was 0", "bench", "--runs", "0");
        badInput("p2psim bench: --only must be one of [simulations, sweep, threads, queries, fuzz, scale], was 'all'", "bench", "--only", "all");
    }

    @Test
    void benchRefusesBadQueryOptions() {
        badInput("p2psim bench: --queries-per-kind must be >= 1, was 0", "bench", "--only", "queries", "--queries-per-kind", "0");
        badInput("p2psim bench: --sizes must be positive message counts, was -5", "bench", "--sizes", "-5");
    }

    /** The query benchmark on a tiny store: one row per query kind, build time on stderr. */
    @Test
    void benchQueriesOnATinyStore() throws Exception {
        Result r = p2psim("bench", "--only", "queries", "--sizes", "2000", "--queries-per-kind", "3", "--json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().startsWith("query bench: built a store of 2,000 messages in"), r.err());
        JsonNode queries = JSON.readTree(r.out()).get("queries");
        assertEquals(6, queries.get("rows").size());
        JsonNode first = queries.get("rows").get(0);
        assertEquals("getMessages newest 50", first.get("query").asText());
        assertEquals(2000, first.get("messages").asInt());
        assertEquals(50, first.get("rows_per_call").asInt());
        assertTrue(first.get("median_ms").asDouble() > 0);
        assertFalse(JSON.readTree(r.out()).has("simulations"));
    }
}
