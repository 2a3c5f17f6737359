package org.p2psim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Device;
import org.p2psim.device.Topology;
import org.p2psim.net.Partition;

/**
 * Real Ed25519 and the fast stand-in must agree on everything but CPU time: the same packets, fates,
 * event ids and metrics, with every network feature and churn switched on.
 */
class SignatureModesTest {

    record Outcome(String trace, List<TreeSet<String>> ids, Map<String, Double> summary) {}

    static Outcome run(SignatureMode mode, long seed, Path dir) {
        try (Simulation sim = Simulation.builder().seed(seed).devices(8).topology(Topology.randomRegular(3))
                .latency(Duration.ofMillis(40), Duration.ofMillis(15)).burstyLoss(0.1, 3).duplicate(0.02)
                .bandwidth(50_000, 200_000).clockSkew(Duration.ofSeconds(5), 50).signatures(mode)
                .directory(dir).build()) {
            for (Device device : sim.devices()) {
                sim.post(device.name(), "general", "hello from " + device.name());
            }
            sim.network().partition(Partition.oneWay(List.of("d00", "d01"), List.of("d02", "d03")),
                    Duration.ofMinutes(1), Duration.ofMinutes(3));
            sim.at(Duration.ofMinutes(2), s -> s.leave("d05", false));
            sim.at(Duration.ofMinutes(6), s -> s.reconnect("d05"));
            sim.at(Duration.ofMinutes(3), s -> s.join("late", "d04"));
            sim.at(Duration.ofMinutes(4), s -> s.post("late", "general", "hi, I'm new"));
            sim.runFor(Duration.ofMinutes(15));
            return new Outcome(sim.traceSha256(),
                    sim.devices().stream().map(d -> new TreeSet<>(d.store().eventIdsInArrivalOrder())).toList(),
                    sim.metrics().summaryMap());
        }
    }

    @Test
    void realAndFastAgreeOnEverythingButCpu(@TempDir Path dir) {
        Outcome real = run(SignatureMode.REAL, 21, dir.resolve("real"));
        Outcome fast = run(SignatureMode.FAST, 21, dir.resolve("fast"));
        assertEquals(real, fast);
        assertTrue(real.summary().get("packets_sent") > 1_000, "the run must carry real traffic");
    }

    @Test
    void withEveryFeatureOnTheSameSeedGivesTheSameTraceAndAnotherSeedAnother(@TempDir Path dir) {
        Outcome a = run(SignatureMode.FAST, 22, dir.resolve("a"));
        Outcome b = run(SignatureMode.FAST, 22, dir.resolve("b"));
        Outcome c = run(SignatureMode.FAST, 23, dir.resolve("c"));
        assertEquals(a, b);
        assertNotEquals(a.trace(), c.trace());
    }
}
