package org.p2psim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.PathKind;

/**
 * Data sent while its pair punches is held (up to {@code holdBytes} per sender and peer) and sent by
 * the path the punch finds; what does not fit is dropped as {@code nat-hold-full}.
 */
class NatHoldTest {
    /**
     * a's first packet to b at 0 s meets b's filter at 20 ms, which starts the punch (candidates through
     * r: 40 ms); then {@code packets} more, one every 5 ms from 25 ms, while it runs.
     */
    private static NatFixture duringPunch(NatConfig config, String natA, String natB, int packets) {
        NatFixture f = new NatFixture(1, config, true, natA, natB);
        f.scheduler.at(0, () -> f.network.send("a", "b", NatFixture.PACKET));
        for (int i = 0; i < packets; i++) {
            f.scheduler.at(25_000L + i * 5_000L, () -> f.network.send("a", "b", NatFixture.PACKET));
        }
        return f;
    }

    private static List<PacketRecord> data(NatFixture f) {
        return f.records.stream().filter(r -> r.type() == PacketType.EVENT).toList();
    }

    @Test
    void packetsSentWhileThePairPunchesArriveOnceItHasPunched() {
        NatFixture f = duringPunch(NatConfig.DEFAULTS, "port-restricted", "address-restricted", 6).runFor(Duration.ofSeconds(2));
        assertEquals(PathKind.PUNCHED, f.nat.path("a", "b").path());
        List<PacketRecord> data = data(f);
        assertEquals(7, data.size(), "every packet has a fate: " + data);
        assertEquals(Outcome.NAT_FILTERED, data.get(0).outcome(), "the packet that revealed the filter");
        assertEquals(6, data.stream().filter(r -> r.outcome() == Outcome.DELIVERED).count(), data.toString());
        assertEquals(6, f.nat.stats().held());
        assertTrue(data.stream().filter(r -> r.outcome() == Outcome.DELIVERED).allMatch(r -> r.doneAt() - r.sentAt() > 20_000L),
                "held, then sent: longer than one 20 ms hop");
    }

    @Test
    void withoutAHoldTheSamePacketsAreFiltered() {
        NatFixture f = duringPunch(NatConfig.DEFAULTS.withHold(0), "port-restricted", "address-restricted", 6).runFor(Duration.ofSeconds(2));
        assertEquals(PathKind.PUNCHED, f.nat.path("a", "b").path());
        assertEquals(4, f.count(Outcome.NAT_FILTERED), "the first, and the three that reached b's NAT before the holes opened at 60 ms");
        assertEquals(0, f.nat.stats().held());
    }

    @Test
    void whatExceedsTheHoldIsDroppedAndCountedByReason() {
        int size = NatFixture.PACKET.size();
        NatFixture f = duringPunch(NatConfig.DEFAULTS.withHold(2L * size), "port-restricted", "address-restricted", 6)
                .runFor(Duration.ofSeconds(2));
        assertEquals(2, data(f).stream().filter(r -> r.outcome() == Outcome.DELIVERED).count());
        assertEquals(4, f.count(Outcome.NAT_HOLD_FULL));
        assertEquals(4, f.nat.stats().holdDropped());
        assertEquals("nat-hold-full", Outcome.NAT_HOLD_FULL.reason());
    }

    @Test
    void whenThePunchFailsHeldPacketsGoThroughTheRelay() {
        NatFixture f = duringPunch(NatConfig.DEFAULTS, "symmetric", "symmetric", 6).runFor(Duration.ofSeconds(10));
        assertEquals(PathKind.RELAYED, f.nat.path("a", "b").path());
        List<PacketRecord> delivered = data(f).stream().filter(r -> r.outcome() == Outcome.DELIVERED).toList();
        assertEquals(6, delivered.size(), data(f).toString());
        assertTrue(delivered.stream().allMatch(r -> r.doneAt() - r.sentAt() > 3_000_000L), "held through two retries (1 s, 2 s backoff)");
        assertEquals(6L * NatFixture.PACKET.size(), f.nat.stats().relayedBytes());
    }

    @Test
    void withNoPathHeldPacketsEndAsFilteredNotHeldForever() {
        NatFixture f = duringPunch(NatConfig.DEFAULTS.withRelay(false), "symmetric", "symmetric", 6).runFor(Duration.ofSeconds(10));
        assertEquals(PathKind.NONE, f.nat.path("a", "b").path());
        assertEquals(7, data(f).size());
        assertTrue(data(f).stream().allMatch(r -> r.outcome() == Outcome.NAT_FILTERED), data(f).toString());
    }

    @Test
    void aSwitchDuringThePunchStartsItOverAndTheHeldPacketsStillArrive() {
        NatFixture f = duringPunch(NatConfig.DEFAULTS.withRelay(false), "port-restricted", "address-restricted", 6);
        f.scheduler.at(32_000L, () -> f.network.switchAddress("a", Duration.ZERO));
        f.runFor(Duration.ofSeconds(5));
        assertEquals("cgnat", f.nat.type("a").name());
        assertEquals(PathKind.PUNCHED, f.nat.path("a", "b").path(), f.nat.path("a", "b").toString());
        assertEquals(2, f.nat.path("a", "b").attempts(), "the punch begun before the switch is abandoned");
        assertEquals(6, data(f).stream().filter(r -> r.outcome() == Outcome.DELIVERED).count(), data(f).toString());
    }
}
