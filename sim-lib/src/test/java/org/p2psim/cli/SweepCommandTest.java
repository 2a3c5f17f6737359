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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** p2psim sweep: files, the table for people, JSON, a rerun of one row, and one-line errors with exit 2. */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SMALL = {"--set", "crypto.signatures=fast", "--set", "duration=2m"};

    static String[] args(String... more) {
        String[] all = new String[SMALL.length + more.length + 2];
        all[0] = "sweep";
        all[1] = "two-peers";
        System.arraycopy(SMALL, 0, all, 2, SMALL.length);
        System.arraycopy(more, 0, all, 2 + SMALL.length, more.length);
        return all;
    }

    @Test
    void writesTheSweepAndPrintsMeansPerCombination(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        MainTest.Result r = p2psim(args("--vary", "net.loss=0,0.2", "--vary", "sync.saltEachRound=false,true", "--seeds", "2",
                "--threads", "2", "--out", dir.toString(), "-q"));
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("two-peers: 4 combinations × 2 seeds = 8 runs on 2 threads in [0-9.]+ s -> "
                + java.util.regex.Pattern.quote(dir.toString())), lines.get(0));
        assertEquals("means over seeds:", lines.get(1));
        assertTrue(lines.get(2).matches("  net\\.loss +sync\\.saltEachRound +converged +convergence_s +min_completeness +bytes_sent"
                + " +bytes_over_floor +duplicates"), lines.get(2));
        assertTrue(lines.get(3).matches("  0 +false +[0-2]/2 .*"), lines.get(3));
        assertTrue(lines.get(6).matches("  0\\.2 +true +[0-2]/2 .*"), lines.get(6));
        assertEquals(7, lines.size());
        assertEquals(9, Files.readAllLines(dir.resolve("sweep.csv")).size());
        assertTrue(Files.isRegularFile(dir.resolve("scenario.yaml")));

        // a row rerun alone with the command sweep.json gives gives the same trace
        JsonNode sweep = JSON.readTree(dir.resolve("sweep.json").toFile());
        JsonNode last = sweep.get("points").get(3).get("seeds").get(1);
        List<String> command = List.of(last.get("command").asText().split(" "));
        assertEquals(List.of("p2psim", "run", dir.resolve("scenario.yaml").toString(), "--set", "net.loss=0.2", "--set",
                "sync.saltEachRound=true", "--seed", "2"), command);
        List<String> rerun = new java.util.ArrayList<>(command.subList(1, command.size()));
        rerun.addAll(List.of("--out", tmp.resolve("alone").toString(), "--json", "-q"));
        MainTest.Result alone = p2psim(rerun.toArray(String[]::new));
        assertEquals(0, alone.code(), alone.toString());
        assertEquals(last.get("traceSha256").asText(), JSON.readTree(alone.out()).get("traceSha256").asText());

        badInput("p2psim sweep: sweep directory '" + dir + "' exists and is not empty; choose another --out, or add --force to"
                + " replace an earlier sweep", args("--vary", "net.loss=0,0.2", "--out", dir.toString()));
        MainTest.Result again = p2psim(args("--vary", "net.loss=0.1", "--out", dir.toString(), "--force", "-q"));
        assertEquals(0, again.code(), again.toString());
        assertEquals(2, Files.readAllLines(dir.resolve("sweep.csv")).size());
    }

    @Test
    void jsonIsSweepJsonWithTheDirectory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("j");
        MainTest.Result r = p2psim(args("--vary", "net.latency={mean: 50ms, sd: 5ms},20ms", "--out", dir.toString(), "--json"));
        assertEquals(0, r.code(), r.toString());
        JsonNode json = JSON.readTree(r.out());
        assertEquals(dir.toString(), json.get("directory").asText());
        assertEquals("two-peers", json.get("scenario").asText());
        assertEquals(List.of("{mean: 50ms, sd: 5ms}", "20ms"),
                List.of(json.get("vary").get("net.latency").get(0).asText(), json.get("vary").get("net.latency").get(1).asText()));
        assertEquals(2, json.get("runs").asInt());
        assertEquals(1, json.get("seeds").get(0).asInt(), "the scenario's own seed");
        assertEquals(350, json.get("points").get(1).get("mean").get("events_created").asInt());
        assertEquals(JSON.readTree(dir.resolve("sweep.json").toFile()), ((com.fasterxml.jackson.databind.node.ObjectNode) json).without("directory"));
    }

    @Test
    void badInputIsOneLineWithExitTwoAndWritesNothing(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        badInput("p2psim sweep: missing required option: '--out=DIR' (see p2psim sweep --help)", "sweep", "two-peers",
                "--vary", "net.loss=0,0.1");
        badInput("p2psim sweep: missing SCENARIO: a scenario file or a built-in name (" + String.join(", ",
                org.p2psim.scenario.Scenario.builtins()) + ")", "sweep", "--out", out);
        badInput("p2psim sweep: --vary must be key=v1,v2,... (e.g. net.loss=0,0.1,0.2), was 'net.loss'", args("--vary", "net.loss",
                "--out", out));
        badInput("p2psim sweep: --vary must be key=v1,v2,... (e.g. net.loss=0,0.1,0.2), was 'net.loss='", args("--vary", "net.loss=",
                "--out", out));
        badInput("p2psim sweep: scenarios/two-peers.yaml: unknown field net.los; known: latency, loss, burst, duplicate, mtu, uplink,"
                + " downlink, bucket, queue, nat", args("--vary", "net.los=0,0.1", "--out", out));
        badInput("p2psim sweep: scenarios/two-peers.yaml: net.loss must be a probability in [0, 1], was 1.7",
                args("--vary", "net.loss=0,1.7", "--out", out));
        badInput("p2psim sweep: scenarios/two-peers.yaml: unknown field net.los; known: latency, loss, burst, duplicate, mtu, uplink,"
                + " downlink, bucket, queue, nat", "sweep", "two-peers", "--set", "net.los=0.1", "--out", out);
        badInput("p2psim sweep: net.loss has the value '0' twice", args("--vary", "net.loss=0,0", "--out", out));
        badInput("p2psim sweep: net.loss is varied twice; give all its values in one vary",
                args("--vary", "net.loss=0", "--vary", "net.loss=0.1", "--out", out));
        badInput("p2psim sweep: --vary net.latency: unbalanced brackets in '{mean: 5ms,20ms'",
                args("--vary", "net.latency={mean: 5ms,20ms", "--out", out));
        badInput("p2psim sweep: --seeds must be >= 1, was 0", args("--seeds", "0", "--out", out));
        badInput("p2psim sweep: --seeds must be a whole number >= 1, was 'five'", args("--seeds", "five", "--out", out));
        badInput("p2psim sweep: --threads must be >= 1, was 0", args("--threads", "0", "--out", out));
        badInput("p2psim sweep: vary the seed with seeds(...) (--seeds N), not as the field 'seed'", args("--vary", "seed=1,2", "--out", out));
        badInput("p2psim sweep: unknown option '--vari' (see p2psim sweep --help)", args("--vari", "net.loss=0", "--out", out));
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for bad input");
    }

    @Test
    void valuesSplitAtTopLevelCommasOnly() {
        assertEquals(List.of("0", "{mean: 5ms, sd: 1ms}", "[a, b]", "'x,y'", ""), SweepCommand.values("k", "0,{mean: 5ms, sd: 1ms},[a, b],'x,y',"));
    }
}
