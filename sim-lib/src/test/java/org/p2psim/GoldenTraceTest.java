package org.p2psim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimTime;

/**
 * A published trace is a promise: every built-in scenario at its small size, seeds 1–3, gives the
 * {@code traceSha256} and the summary metrics recorded in {@code golden-traces.tsv}. A change of
 * code that is meant to leave behaviour alone must keep this green; a change that alters a trace on
 * purpose updates the file in its own commit and says which scenarios changed and why.
 *
 * <p>To print the file anew, after {@code mvn test-compile}: {@code java -cp
 * "sim-lib/target/classes:sim-lib/target/test-classes:sim-lib/target/lib/*" org.p2psim.GoldenTraceTest
 * > sim-lib/src/test/resources/golden-traces.tsv}.
 */
class GoldenTraceTest {
    static final String RESOURCE = "/golden-traces.tsv";
    static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    record Golden(String scenario, long seed, String traceSha256, String metricsSha256) {
        String line() {
            return scenario + "\t" + seed + "\t" + traceSha256 + "\t" + metricsSha256;
        }
    }

    static Stream<Arguments> recorded() throws IOException {
        try (InputStream in = GoldenTraceTest.class.getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                    .map(f -> Arguments.of(new Golden(f[0], Long.parseLong(f[1]), f[2], f[3])))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void theBuiltinRunsAsRecorded(Golden recorded) {
        Golden now = run(recorded.scenario(), recorded.seed());
        assertEquals(recorded.traceSha256(), now.traceSha256(), recorded.scenario() + " seed " + recorded.seed() + ": traceSha256");
        assertEquals(recorded.metricsSha256(), now.metricsSha256(),
                recorded.scenario() + " seed " + recorded.seed() + ": the summary metrics");
    }

    @Test
    void everyBuiltinAndSeedIsRecorded() throws IOException {
        List<String> keys = recorded().map(a -> (Golden) a.get()[0]).map(g -> g.scenario() + "/" + g.seed()).toList();
        for (String name : Scenario.builtins()) {
            for (long seed : SEEDS) {
                assertTrue(keys.contains(name + "/" + seed), name + " seed " + seed + " is missing from " + RESOURCE);
            }
        }
    }

    static Golden run(String name, long seed) {
        Scenario scenario = Scenario.load(name).small();
        try (Simulation sim = ScenarioRun.of(scenario).seed(seed).build()) {
            sim.runFor(scenario.duration());
            return new Golden(name, seed, sim.traceSha256(), metricsSha256(sim.metrics().summaryMap()));
        }
    }

    /**
     * Summary metrics added after the rows were pinned: new numbers read from the same runs, left out
     * of the hash so that adding a metric does not unpin every row (traces are checked in full).
     */
    static final java.util.Set<String> ADDED_AFTER_PIN = java.util.Set.of("round_trips_p50", "round_trips_p99", "round_trips_mean");

    /** SHA-256 over the summary metrics as sorted {@code name=value} lines (NaN and infinities as Java prints them). */
    static String metricsSha256(Map<String, Double> summary) {
        StringBuilder text = new StringBuilder();
        TreeMap<String, Double> pinned = new TreeMap<>(summary);
        pinned.keySet().removeAll(ADDED_AFTER_PIN);
        pinned.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the resource anew, one line per built-in and seed; with scenario names as arguments, only their lines (no header). */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.out.println("# scenario\tseed\ttraceSha256\tmetricsSha256 (SHA-256 of the sorted summary metrics); --small size");
        }
        for (String name : args.length > 0 ? List.of(args) : Scenario.builtins()) {
            for (long seed : SEEDS) {
                System.out.println(run(name, seed).line());
            }
        }
    }
}
