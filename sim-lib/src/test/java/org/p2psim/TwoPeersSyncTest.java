package org.p2psim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The walking skeleton end to end: Alice (200 messages) and Bob (150) Bloom-sync over a lossy link. */
class TwoPeersSyncTest {

    static Simulation twoPeers(long seed, double loss, Path dir) {
        Simulation sim = Simulation.builder().seed(seed).devices("alice", "bob").loss(loss).directory(dir).build();
        sim.history("alice", 200, "general");
        sim.history("bob", 150, "general");
        return sim;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.2})
    void bothDevicesEndWithAll350Events(double loss, @TempDir Path dir) {
        try (Simulation sim = twoPeers(7, loss, dir)) {
            boolean converged = sim.runUntilConverged(Duration.ofMinutes(30));
            System.out.println(sim.metrics().summary().print());
            System.out.println(sim.metrics().packets().print());
            assertTrue(converged, "not converged after 30 simulated minutes: " + sim.devicesTable().print());
            assertEquals(350, sim.device("alice").store().size());
            assertEquals(350, sim.device("bob").store().size());
        }
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentTrace(@TempDir Path dir) {
        RunFingerprint a = fingerprint(11, dir.resolve("a"));
        RunFingerprint b = fingerprint(11, dir.resolve("b"));
        RunFingerprint c = fingerprint(12, dir.resolve("c"));
        assertEquals(a, b);
        assertNotEquals(a.trace(), c.trace());
    }

    record RunFingerprint(String trace, List<TreeSet<String>> idsPerDevice) {}

    static RunFingerprint fingerprint(long seed, Path dir) {
        try (Simulation sim = twoPeers(seed, 0.2, dir)) {
            sim.runFor(Duration.ofMinutes(10));
            return new RunFingerprint(sim.traceSha256(), sim.devices().stream()
                    .map(d -> new TreeSet<>(d.store().eventIdsInArrivalOrder())).toList());
        }
    }
}
