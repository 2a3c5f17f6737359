package org.p2psim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p2psim run} reports a scenario's expected outcomes: PASS/FAIL lines, the JSON array, and {@code --strict}. */
class RunExpectationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SCENARIO = """
            name: expect-cli
            duration: 2m
            devices: {names: [alice, bob]}
            net: {latency: 50ms}
            crypto: {signatures: fast}
            workload:
              channels: [general]
              history: {count: {alice: 20, bob: 10}}
            expect:
              - {metric: min_completeness, atLeast: 1, name: both hold everything}
              - {metric: convergence_s, below: 0.001}
            """;

    @Test
    void jsonCarriesTheExpectationsAndAFailureStillExitsZero(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("expect-cli.yaml"), SCENARIO);
        MainTest.Result run = MainTest.p2psim("run", file.toString(), "--seed", "7", "--out", tmp.resolve("run").toString(), "--json", "-q");
        assertEquals(0, run.code(), run.toString());
        JsonNode expectations = JSON.readTree(run.out()).get("expectations");
        assertEquals(2, expectations.size());
        JsonNode pass = expectations.get(0);
        assertEquals("both hold everything", pass.get("check").asText());
        assertEquals("min_completeness", pass.get("metric").asText());
        assertEquals("atLeast", pass.get("comparison").asText());
        assertEquals(1, pass.get("threshold").asLong());
        assertEquals(1, pass.get("measured").asLong());
        assertEquals("pass", pass.get("result").asText());
        JsonNode fail = expectations.get(1);
        assertEquals("convergence_s < 0.001", fail.get("check").asText());
        assertEquals("fail", fail.get("result").asText());
        assertTrue(fail.get("measured").asDouble() > 0.001, fail.toString());
        assertEquals(expectations, JSON.readTree(tmp.resolve("run/summary.json").toFile()).get("expectations"));
    }

    @Test
    void humanOutputHasOneLinePerCheckAndStrictExitsThree(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("expect-cli.yaml"), SCENARIO);
        MainTest.Result human = MainTest.p2psim("run", file.toString(), "--seed", "7", "--out", tmp.resolve("a").toString(), "-q");
        assertEquals(0, human.code(), human.toString());
        List<String> lines = human.out().lines().toList();
        int at = lines.indexOf("expectations: 1 of 2 met");
        assertTrue(at > 0, human.out());
        assertEquals("  PASS both hold everything: min_completeness needed ≥ 100 %, measured 100 %", lines.get(at + 1));
        assertTrue(lines.get(at + 2).matches("  FAIL convergence_s: needed < 0\\.001 s, measured [0-9.]+ s"), lines.get(at + 2));

        MainTest.Result strict = MainTest.p2psim("run", file.toString(), "--seed", "7", "--out", tmp.resolve("b").toString(), "-q",
                "--strict", "--json");
        assertEquals(Main.EXIT_EXPECTATIONS, strict.code(), strict.toString());
        assertEquals(3, Main.EXIT_EXPECTATIONS);
        assertEquals("fail", JSON.readTree(strict.out()).get("expectations").get(1).get("result").asText());

        MainTest.Result met = MainTest.p2psim("run", file.toString(), "--seed", "7", "--out", tmp.resolve("c").toString(), "-q",
                "--strict", "--set", "expect[1].below=1000");
        assertEquals(0, met.code(), met.toString());
        assertTrue(met.out().contains("expectations: 2 of 2 met"), met.out());
    }

    @Test
    void aSweepShowsTheChecksMetOnAverage(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("expect-cli.yaml"), SCENARIO);
        MainTest.Result sweep = MainTest.p2psim("sweep", file.toString(), "--vary", "net.loss=0,0.2", "--out", tmp.resolve("s").toString(), "-q");
        assertEquals(0, sweep.code(), sweep.toString());
        List<String> lines = sweep.out().lines().toList();
        int header = lines.indexOf("means over seeds:") + 1;
        assertTrue(lines.get(header).endsWith("duplicates  expectations_passed"), lines.get(header));
        assertTrue(lines.get(header + 1).endsWith(" 1"), "the completeness check passes, the convergence one fails: " + lines.get(header + 1));
    }
}
