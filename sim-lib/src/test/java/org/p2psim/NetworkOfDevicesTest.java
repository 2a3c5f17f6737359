package org.p2psim;

import org.p2psim.client.Client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.SplittableRandom;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Device;
import org.p2psim.device.Invite;
import org.p2psim.device.Topology;
import org.p2psim.sync.bloom.BloomSeedParams;

/**
 * Many devices: joining through one bootstrap peer, catching up after an hour offline, repair under
 * heavy loss. Workloads stay small (under 100 events), where a 500-byte filter's false-positive rate
 * is below 10⁻⁵ and the seed protocol's permanent false positives (see TwoPeersSyncTest) do not bite.
 */
class NetworkOfDevicesTest {

    private static void oneMessageEach(Simulation sim) {
        for (Device device : sim.devices()) {
            Client.of(device).sendMessage("general", "hello from " + device.name());
        }
    }

    @Test
    void fiftyDevicesOnARandomGraphConvergeUnderTenPercentLoss(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(3).devices(50).topology(Topology.randomRegular(4))
                .loss(0.1).directory(dir).build()) {
            oneMessageEach(sim);
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(30)), sim.devicesTable().print());
            assertEquals(50, sim.metrics().truthSize());
        }
    }

    @Test
    void heavyLossIsRepairedByLaterRounds(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(4).devices(5).loss(0.5).directory(dir).build()) {
            oneMessageEach(sim);
            for (int i = 0; i < 10; i++) {
                sim.client("d00").sendMessage("general", "burst " + i);
            }
            assertTrue(sim.runUntilConverged(Duration.ofHours(2)), sim.devicesTable().print());
            long lost = sim.metrics().packetRows().stream().filter(r -> r.reason().equals("loss")).count();
            assertTrue(lost > 100, "the test must actually lose packets, lost " + lost);
        }
    }

    @Test
    void aJoinerFindsEveryoneThroughOneBootstrapPeer(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(5).devices(6).topology(Topology.star("d00"))
                .peerExchange(Duration.ofSeconds(30)).directory(dir).build()) {
            oneMessageEach(sim);
            sim.runFor(Duration.ofMinutes(2));
            Device carol = sim.join("carol", "d03");
            assertEquals(1, carol.peers().size());
            sim.runFor(Duration.ofMinutes(10));
            assertTrue(carol.peers().size() >= 3, "carol knows " + carol.peers());
            assertTrue(sim.device("d03").peers().contains("carol"), "the bootstrap peer learnt carol from her packets");
            assertEquals(6 + 2, carol.store().size(), "carol caught up with the history, d03's invite and her own join");
        }
    }

    /** A joiner with nothing to advertise still becomes its bootstrap peer's peer, through peer exchange. */
    @Test
    void aSilentJoinerIsLearntFromItsPeerExchange(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(11).devices("host").strategy("want-list")
                .peerExchange(Duration.ofSeconds(30)).directory(dir).build()) {
            sim.history("host", 50, "general");
            sim.runFor(Duration.ofMinutes(1));
            Device newbie = sim.join("newbie", "host");
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(30)), sim.devicesTable().print());
            assertEquals(50 + 2, newbie.store().size(), "the history, host's invite and newbie's join");
            assertTrue(sim.device("host").peers().contains("newbie"));
        }
    }

    @Test
    void aJoinerWithAnotherCommunitysKeyReceivesEventsItCannotOpen(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(9).devices(3).directory(dir).build()) {
            oneMessageEach(sim);
            Invite forged = new Invite(CommunityKey.generate(new SplittableRandom(99)), "d00");
            Device stranger = sim.join("stranger", Invite.parse(forged.toLink()));
            sim.runFor(Duration.ofMinutes(5));
            assertEquals(1, stranger.store().size(), "only its own join, sealed with the key it holds");
            assertTrue(sim.metrics().rejectedEvents().stringColumn("reason").contains("undecryptable"),
                    sim.metrics().rejectedEvents().print());
        }
    }

    @Test
    void aHundredDevicesConverge(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(10).devices(100).topology(Topology.randomRegular(6))
                .loss(0.05).signatures(SignatureMode.FAST).directory(dir).build()) {
            oneMessageEach(sim);
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(30)), sim.devicesTable().print());
            assertEquals(100, sim.metrics().truthSize());
        }
    }

    @Test
    void aDeviceOfflineForAnHourCatchesUpAfterReconnecting(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(6).devices(4).directory(dir).build()) {
            oneMessageEach(sim);
            sim.runFor(Duration.ofMinutes(1));
            Device phone = sim.device("d03");
            phone.leave(true);
            for (int minute = 0; minute < 60; minute += 6) {
                sim.client("d00").sendMessage("general", "while you were away " + minute);
                sim.runFor(Duration.ofMinutes(6));
            }
            assertEquals(4, phone.store().size(), "nothing reaches an offline device");
            assertFalse(sim.device("d00").peers().contains("d03"), "a graceful goodbye removes the peer");
            phone.reconnect();
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(20)), sim.devicesTable().print());
            assertEquals(14, phone.store().size());
            assertTrue(sim.device("d00").peers().contains("d03"), "peers learn it again from its packets");
        }
    }

    @Test
    void packetsFromSkewedClocksBeyondTheWindowAreRejected(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(8).devices(6).clockSkew(Duration.ofSeconds(40), 0)
                .skewWindow(Duration.ofSeconds(30)).directory(dir).build()) {
            oneMessageEach(sim);
            sim.runFor(Duration.ofMinutes(5));
            long skew = sim.metrics().packetRows().stream().filter(r -> r.reason().equals("skew")).count();
            assertTrue(skew > 0, "offsets of sd 40 s against a 30 s window must produce skew rejections");
        }
    }
}
