package org.p2psim.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.Simulation;
import org.p2psim.metrics.Metrics;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.scenario.Scenario;
import org.p2psim.sync.registry.Strategies;
import org.p2psim.sync.bloom.BloomSeedStrategy;
import tech.tablesaw.api.Table;

/**
 * The contract every registered sync strategy keeps, run against each of them (as Caffeine's
 * simulator tests iterate their policies): it converges on the built-in {@code perfect-sync} and
 * {@code lossy-network} within the seed's bounds, never sends a packet over the MTU, gives the same
 * run for the same seed and another for another seed, and recovers from a partition and from a
 * device that goes offline and comes back.
 *
 * <p>One exception is stated, not hidden: {@code bloom-seed} (fixed hashing, OR-merged knowledge)
 * may leave events behind for ever, and where it does, every such event must be a false positive of
 * the holder's knowledge, and stay undelivered (see TwoPeersSyncTest). Every other strategy must
 * deliver everything.
 */
class StrategyContractTest {

    static Stream<String> strategies() {
        return Strategies.names().stream();
    }

    static Scenario scenario(String name, String strategy) {
        return Scenario.load(name).with("sync.strategy", strategy);
    }

    /** Seconds at which the workload's last message can be posted. */
    static Duration lastMessage(Scenario s) {
        return s.workload().messages().until();
    }

    static double meanCompleteness(Metrics m) {
        return m.devices().stream().mapToDouble(m::completeness).average().orElse(1);
    }

    /** Every packet at most {@code mtu} bytes, and none refused for its size. */
    static void assertWithinMtu(Simulation sim, int mtu) {
        List<PacketRow> rows = sim.metrics().packetRows();
        int largest = rows.stream().mapToInt(PacketRow::bytes).max().orElse(0);
        assertTrue(largest <= mtu, "a packet of " + largest + " bytes over the MTU of " + mtu);
        assertEquals(0, rows.stream().filter(r -> r.reason().equals("mtu")).count(), "packets refused for their size");
    }

    /**
     * Everything delivered; or, for bloom-seed only, every event still missing is a false positive of
     * its holder's knowledge and stays missing.
     */
    static void assertConverged(String strategy, Simulation sim, String what) {
        if (sim.metrics().converged()) {
            return;
        }
        Table missing = sim.missingEvents();
        assertEquals(BloomSeedStrategy.NAME, strategy, what + ": not converged:\n" + sim.devicesTable().print() + missing.print());
        assertTrue(missing.booleanColumn("holder_believes_lacker_has_it").all(),
                what + ": missing events that are not permanent false positives:\n" + missing.print());
        int held = sim.devices().stream().mapToInt(d -> d.store().size()).sum();
        sim.runFor(Duration.ofMinutes(10));
        assertEquals(held, sim.devices().stream().mapToInt(d -> d.store().size()).sum(), what + ": a stuck event moved after all");
    }

    /** The seed: perfect sync means more than 99 % of events everywhere within 30 s of the last message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void happyPathSyncsWithin30sOfTheLastMessage(String strategy, @TempDir Path dir) {
        Scenario s = scenario("perfect-sync", strategy);
        try (Simulation sim = ScenarioRun.of(s).seed(1).directory(dir).build()) {
            sim.runFor(lastMessage(s).plusSeconds(30));
            assertTrue(meanCompleteness(sim.metrics()) > 0.99, "completeness " + meanCompleteness(sim.metrics()));
            sim.runFor(s.duration().minus(lastMessage(s).plusSeconds(30)));
            assertConverged(strategy, sim, "perfect-sync");
            assertTrue(sim.metrics().convergenceSeconds() <= 30, "converged " + sim.metrics().convergenceSeconds() + " s after the last message");
            assertWithinMtu(sim, sim.network().mtu());
        }
    }

    /** The seed: with 20 % loss, more than 90 % within 30 s of the last message; the rest by the end of the run. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void lossyNetworkSyncsMostWithin30sAndAllByTheEnd(String strategy, @TempDir Path dir) {
        Scenario s = scenario("lossy-network", strategy);
        try (Simulation sim = ScenarioRun.of(s).seed(1).directory(dir).build()) {
            sim.runFor(lastMessage(s).plusSeconds(30));
            assertTrue(meanCompleteness(sim.metrics()) > 0.90, "completeness " + meanCompleteness(sim.metrics()));
            sim.runFor(s.duration().minus(lastMessage(s).plusSeconds(30)));
            assertConverged(strategy, sim, "lossy-network");
            long lost = sim.metrics().packetRows().stream().filter(r -> r.reason().equals("loss")).count();
            assertTrue(lost > 100, "the run must actually lose packets, lost " + lost);
            assertWithinMtu(sim, sim.network().mtu());
        }
    }

    /**
     * A small MTU and a large difference: one device holds 300 events the others lack. Every strategy
     * must frame its summaries and requests to fit, and still deliver everything.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void framesEveryPacketWithinASmallMtu(String strategy, @TempDir Path dir) {
        Scenario s = scenario("perfect-sync", strategy).with("net.mtu", "576").with("workload.history.count", "{d00: 300}")
                .with("duration", "15m");
        try (Simulation sim = ScenarioRun.of(s).seed(2).directory(dir).build()) {
            sim.runFor(s.duration());
            assertWithinMtu(sim, 576);
            assertConverged(strategy, sim, "mtu 576");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void sameSeedSameTraceOtherSeedOtherTrace(String strategy, @TempDir Path dir) {
        Scenario s = scenario("lossy-network", strategy).withDuration(Duration.ofMinutes(2));
        String a = trace(s, 5, dir.resolve("a"));
        assertEquals(a, trace(s, 5, dir.resolve("b")));
        assertNotEquals(a, trace(s, 6, dir.resolve("c")));
    }

    static String trace(Scenario s, long seed, Path dir) {
        try (Simulation sim = ScenarioRun.of(s).seed(seed).directory(dir).build()) {
            sim.runFor(s.duration());
            return sim.traceSha256();
        }
    }

    /** Two halves chat apart for two minutes, then the partition heals. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void partitionedHalvesCatchUpAfterTheHeal(String strategy, @TempDir Path dir) {
        Scenario s = scenario("perfect-sync", strategy)
                .with("schedule", "[{at: 1m, partition: [[d00, d01, d02], [d03, d04, d05]], for: 2m}]");
        try (Simulation sim = ScenarioRun.of(s).seed(3).directory(dir).build()) {
            sim.runFor(Duration.ofSeconds(170));
            assertFalse(sim.metrics().converged(), "the halves must have diverged during the partition");
            sim.runFor(s.duration().minusSeconds(170));
            assertConverged(strategy, sim, "after the heal");
            assertWithinMtu(sim, sim.network().mtu());
        }
    }

    /** d05 drops off without a goodbye for two minutes of chatter, then reconnects and must catch up. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void aDeviceOfflineForTwoMinutesCatchesUp(String strategy, @TempDir Path dir) {
        Scenario s = scenario("perfect-sync", strategy)
                .with("schedule", "[{at: 1m, leave: d05, graceful: false}, {at: 3m, reconnect: d05}]");
        try (Simulation sim = ScenarioRun.of(s).seed(4).directory(dir).build()) {
            sim.runFor(Duration.ofSeconds(170));
            int offline = sim.device("d05").store().size();
            assertTrue(offline < sim.metrics().truthSize(), "d05 must have missed events while offline");
            sim.runFor(s.duration().minusSeconds(170));
            assertConverged(strategy, sim, "after reconnecting");
            assertEquals(sim.metrics().truthSize(), sim.device("d05").store().size());
        }
    }

    /**
     * Two peers with disjoint histories of 200 and 150 events (notebook 01). Seed 3 is a run in which
     * the seed's protocol stalls on a permanent false positive; every other strategy delivers all 350.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void twoPeersWithDisjointHistories(String strategy, @TempDir Path dir) {
        Scenario s = scenario("two-peers", strategy);
        try (Simulation sim = ScenarioRun.of(s).seed(3).directory(dir).build()) {
            sim.runFor(Duration.ofMinutes(15));
            if (strategy.equals(BloomSeedStrategy.NAME)) {
                assertFalse(sim.metrics().converged(), "seed 3 is one of the runs in which the seed's protocol stalls");
            }
            assertConverged(strategy, sim, "two-peers");
            assertWithinMtu(sim, sim.network().mtu());
        }
    }
}
