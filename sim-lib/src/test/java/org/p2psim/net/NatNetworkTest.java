package org.p2psim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.net.NatFixture.NATS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.net.link.LatencyModel;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.net.link.LossModel;
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.net.nat.NatType;
import org.p2psim.net.nat.PairPath;
import org.p2psim.net.nat.PathKind;

/** NATs on the packet path: relays, keepalives, hairpinning, switches, determinism (the punch matrix: {@link NatMatrixTest}). */
class NatNetworkTest {
    private static final NatConfig NO_RELAY = NatConfig.DEFAULTS.withRelay(false);

    @Test
    void aPublicPeerReachesAndIsReachedByEveryPresetWithoutAPunch() {
        for (String x : NATS) {
            NatFixture f = new NatFixture(1, NO_RELAY, true, x, null);
            f.nat.assign("b", NatType.preset("none"), NatType.preset("none"));
            f.chat(0, 10).runFor(Duration.ofSeconds(12));
            assertTrue(f.delivered("a", "b", 2) > 0 && f.delivered("b", "a", 2) > 0, x);
            assertEquals(PathKind.DIRECT, f.nat.path("a", "b").path(), x);
            assertEquals(0, f.nat.path("a", "b").attempts(), x);
        }
    }

    @Test
    void pairStatisticsCountPairsThatTriedAndPunchedAndFirstAttempts() {
        NatTraversal nat = new NatFixture(1, NO_RELAY, true, "port-restricted", "symmetric").chat(0, 20).runFor(Duration.ofSeconds(25)).nat;
        assertEquals(1, nat.stats().pairsTried());
        assertEquals(0, nat.stats().pairsPunched());
        assertEquals(0.0, nat.stats().pairSuccessRate());
        assertTrue(Double.isNaN(nat.stats().firstAttemptShare()));
        nat = new NatFixture(1, NO_RELAY, true, "port-restricted", "address-restricted").chat(0, 20).runFor(Duration.ofSeconds(25)).nat;
        assertEquals(1.0, nat.stats().pairSuccessRate());
        assertEquals(1.0, nat.stats().firstAttemptShare(), "no loss: the first punch works");
    }

    @Test
    void punchPacketsTakeTheLinksLossSoSomePunchesNeedARetry() {
        int retried = 0;
        for (long seed = 1; seed <= 20; seed++) {
            NatFixture f = new NatFixture(seed, NO_RELAY, true, "port-restricted", "address-restricted");
            f.network.defaults(LinkConditions.of(Duration.ofMillis(20), 0.4));
            f.chat(0, 30).runFor(Duration.ofSeconds(35));
            assertTrue(f.records.stream().anyMatch(r -> r.type() == PacketType.PUNCH && r.outcome() == Outcome.LOSS), "seed " + seed);
            if (f.nat.stats().punchAttempts() > 1) {
                retried++;
            }
        }
        // with 40 % loss per packet a first punch fails with probability 1 - 0.6^2 (both directions) at least: about 64 %
        assertTrue(retried >= 5, "punches retried in " + retried + " of 20 runs");
    }

    @Test
    void aPairThatCannotPunchIsRelayedWithinTheRelayLimitsAndCountedApart() {
        NatFixture f = new NatFixture(1, NatConfig.DEFAULTS.withRelayLimits(60_000_000L, 128 * 1024), true, "symmetric", "symmetric");
        f.chat(0, 90).runFor(Duration.ofSeconds(100));
        PairPath path = f.nat.path("a", "b");
        assertEquals("r", path.relay());
        assertTrue(f.delivered("a", "b", 20) > 0 && f.delivered("b", "a", 20) > 0);
        assertTrue(f.nat.stats().relayedBytes() > 0);
        assertEquals(f.nat.stats().relayedBytes(), (long) f.nat.stats().relayedBytesByRelay().get("r"));
        assertTrue(f.count(Outcome.NAT_RELAY_LIMIT) > 0, "a 60 s circuit ends within a 90 s chat");
    }

    @Test
    void twoSymmetricDevicesWithoutAPublicPeerNeverReachEachOtherButFullConeDo() {
        NatFixture f = new NatFixture(1, NatConfig.DEFAULTS, false, "symmetric", "symmetric").chat(0, 60).runFor(Duration.ofSeconds(70));
        assertEquals(0, f.delivered("a", "b", 0) + f.delivered("b", "a", 0));
        assertEquals(PathKind.NONE, f.nat.path("a", "b").path());
        assertTrue(f.nat.path("a", "b").reason().contains("no public peer"), f.nat.path("a", "b").reason());

        f = new NatFixture(1, NatConfig.DEFAULTS, false, "full-cone", "full-cone").chat(0, 60).runFor(Duration.ofSeconds(70));
        assertTrue(f.delivered("a", "b", 0) > 50 && f.delivered("b", "a", 0) > 50);
    }

    @Test
    void keepalivesHoldAPunchedPathThroughSilenceAndCostBytes() {
        for (boolean keepalive : new boolean[] {true, false}) {
            NatFixture f = new NatFixture(1, keepalive ? NatConfig.DEFAULTS : NatConfig.DEFAULTS.withKeepalive(0), true,
                    "port-restricted", "port-restricted");
            f.chat(0, 10).chat(300, 302); // after 5 minutes of silence, longer than the 2 min binding timeout
            f.runFor(Duration.ofSeconds(310));
            long keepaliveBytes = f.records.stream().filter(r -> r.type() == PacketType.KEEPALIVE).mapToLong(PacketRecord::bytes).sum();
            assertEquals(keepalive, keepaliveBytes > 0);
            assertEquals(keepalive, f.count(Outcome.NAT_EXPIRED) == 0, "keepalive " + keepalive + ": " + f.count(Outcome.NAT_EXPIRED));
        }
    }

    @Test
    void aSuspendedDevicesBindingsExpire() {
        NatFixture f = new NatFixture(1, NatConfig.DEFAULTS, true, "port-restricted", "port-restricted").chat(0, 10);
        f.scheduler.at(11_000_000L, () -> f.network.setOnline("a", false));
        f.runFor(Duration.ofSeconds(12));
        assertTrue(!f.nat.bindings("a").isEmpty());
        f.runFor(Duration.ofSeconds(200));
        assertEquals(List.of(), f.nat.bindings("a"));
    }

    @Test
    void aNetworkSwitchDropsBindingsAndThePairPunchesAgainBehindTheNewNat() {
        NatFixture f = new NatFixture(1, NO_RELAY, true, "port-restricted", "address-restricted").chat(0, 60);
        f.scheduler.at(20_000_000L, () -> f.network.switchAddress("a", Duration.ZERO));
        f.runFor(Duration.ofSeconds(19));
        int attemptsBefore = f.nat.path("a", "b").attempts();
        assertEquals(PathKind.PUNCHED, f.nat.path("a", "b").path());
        List<String> before = f.nat.bindings("a").stream().map(b -> b.external().toString()).toList();
        f.runFor(Duration.ofMillis(1001));
        assertEquals("cgnat", f.nat.type("a").name());
        assertEquals(List.of(), f.nat.bindings("a"));
        assertEquals(PathKind.UNKNOWN, f.nat.path("a", "b").path());
        f.runFor(Duration.ofSeconds(50));
        assertTrue(f.nat.path("a", "b").attempts() > attemptsBefore);
        assertEquals(PathKind.PUNCHED, f.nat.path("a", "b").path(), "cgnat ↔ address-restricted punches");
        assertTrue(f.delivered("a", "b", 40) > 0 && f.delivered("b", "a", 40) > 0);
        assertTrue(f.nat.bindings("a").stream().noneMatch(b -> before.contains(b.external().toString())),
                "no binding of the old NAT survives: " + before + " vs " + f.nat.bindings("a"));
    }

    @Test
    void hairpinningDecidesWhetherTwoDevicesBehindOneNatMeet() {
        for (boolean hairpin : new boolean[] {true, false}) {
            NatFixture f = new NatFixture(1, NO_RELAY, true, null, null);
            NatType home = NatType.preset("port-restricted").withHairpin(hairpin);
            f.nat.assign("a", home, home);
            f.nat.assignBehind("b", "a");
            f.chat(0, 20).runFor(Duration.ofSeconds(25));
            assertEquals(hairpin, f.delivered("a", "b", 10) > 0, "hairpin " + hairpin + ": " + f.nat.path("a", "b"));
            if (!hairpin) {
                assertTrue(f.nat.path("a", "b").reason().contains("hairpin"));
            }
        }
    }

    private static List<PacketRecord> jitteryRun(long seed) {
        NatFixture f = new NatFixture(seed, NatConfig.DEFAULTS, true, "port-restricted", "symmetric");
        f.network.defaults(new LinkConditions(LatencyModel.normal(Duration.ofMillis(40), Duration.ofMillis(15)), LossModel.independent(0.05), 0));
        f.chat(0, 60);
        f.scheduler.at(30_000_000L, () -> f.network.switchAddress("b"));
        f.runFor(Duration.ofSeconds(70));
        return List.copyOf(f.records);
    }

    @Test
    void sameSeedSameRecordsWithNatsOnAndAnotherSeedDiffers() {
        List<PacketRecord> first = jitteryRun(3);
        assertEquals(first, jitteryRun(3));
        assertNotEquals(first, jitteryRun(4));
    }
}
