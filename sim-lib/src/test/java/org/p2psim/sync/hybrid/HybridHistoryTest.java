package org.p2psim.sync.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;

/** The history half: a device back from sleep fetches its backlog at once, from a peer that holds it. */
class HybridHistoryTest {

    private record Outcome(double catchUpSeconds, String trace) {}

    /** Two laptops and two phones; both phones sleep while alice writes 400 events, then one wakes. */
    private static Outcome phoneWakes(Path dir, long seed) {
        try (Simulation sim = Simulation.builder().seed(seed).devices("alice", "bob", "phone", "other-phone").directory(dir)
                .loss(0.02).strategy("hybrid").build()) {
            sim.runFor(Duration.ofSeconds(20));
            sim.leave("phone", false);
            sim.leave("other-phone", false);
            for (int i = 0; i < 400; i++) {
                sim.post("alice", "general", "while the phones slept " + i);
            }
            sim.runFor(Duration.ofMinutes(5));
            assertEquals(400, sim.device("bob").store().size(), "the laptops synced while the phones slept");
            sim.reconnect("phone");
            double wokeAt = sim.nowSeconds();
            assertTrue(sim.runUntil(() -> sim.device("phone").store().size() == 400, Duration.ofMinutes(2)), "the phone caught up");
            return new Outcome(sim.nowSeconds() - wokeAt, sim.traceSha256());
        }
    }

    @Test
    void aPhoneBackFromSleepFetchesItsBacklogWithinAThirtySecondWindow(@TempDir Path dir) {
        Outcome first = phoneWakes(dir.resolve("a"), 1);
        // it reconciles at once on waking, with a laptop rather than the other (asleep, empty-handed) phone
        assertTrue(first.catchUpSeconds() < 10, "caught up after " + first.catchUpSeconds() + " s");
        assertEquals(first, phoneWakes(dir.resolve("b"), 1), "same seed, same run");
        assertNotEquals(first.trace(), phoneWakes(dir.resolve("c"), 2).trace(), "another seed, another run");
    }
}
