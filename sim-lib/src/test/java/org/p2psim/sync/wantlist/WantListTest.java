package org.p2psim.sync.wantlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sync.FakeWorld;

class WantListTest {
    private static final int MTU = 576;
    private static final int IDS_PER_PACKET = (MTU - Packet.OVERHEAD) / 16;

    /**
     * a holds 100 old events, b none, over a 576-byte MTU (30 ids a packet): a's summaries walk its
     * store 30 ids a round, b asks for each batch at once, and a answers each WANT with its events.
     */
    @Test
    void summariesAndRequestsAreFramedToTheMtu(@TempDir Path dir) {
        try (FakeWorld world = new FakeWorld(dir, MTU)) {
            world.add("a", new WantListStrategy(WantListParams.DEFAULTS));
            world.add("b", new WantListStrategy(WantListParams.DEFAULTS));
            world.history("a", 100, -600_000_000L);
            world.start();
            world.scheduler.runFor(Duration.ofSeconds(45));
            List<FakeWorld.Sent> haves = world.log.stream().filter(s -> s.from().equals("a") && s.type() == PacketType.HAVE).toList();
            assertTrue(haves.size() >= 4, haves.size() + " summaries");
            haves.forEach(s -> assertEquals(IDS_PER_PACKET * 16, s.body().length, "each summary as full as the MTU allows"));
            List<FakeWorld.Sent> wants = world.log.stream().filter(s -> s.type() == PacketType.WANT).toList();
            assertTrue(wants.stream().allMatch(s -> s.from().equals("b") && s.packetBytes() <= MTU));
            assertEquals(world.log.stream().filter(s -> s.type() == PacketType.EVENT).count(),
                    wants.stream().mapToInt(s -> s.body().length / 16).sum(), "one event per id asked for, no duplicates");
            assertTrue(world.log.stream().allMatch(s -> s.packetBytes() <= MTU));
            world.scheduler.runFor(Duration.ofSeconds(30));
            assertTrue(world.converged());
        }
    }

    /** The first WANT is lost: the wants stay open and are asked again one interval later. */
    @Test
    void anUnansweredWantIsAskedAgainAfterAnInterval(@TempDir Path dir) {
        try (FakeWorld world = new FakeWorld(dir, 1400)) {
            world.add("a", new WantListStrategy(WantListParams.DEFAULTS));
            world.add("b", new WantListStrategy(WantListParams.DEFAULTS));
            world.history("a", 20, -600_000_000L);
            AtomicBoolean dropped = new AtomicBoolean();
            world.drop(s -> s.type() == PacketType.WANT && dropped.compareAndSet(false, true));
            world.start();
            world.scheduler.runFor(Duration.ofMinutes(1));
            List<FakeWorld.Sent> wants = world.log.stream().filter(s -> s.type() == PacketType.WANT).toList();
            assertEquals(2, wants.size(), "asked, lost, asked again");
            long gap = wants.get(1).at() - wants.get(0).at();
            assertTrue(gap >= 10_000_000L && gap < 20_000_000L, "asked again after one interval, gap " + gap);
            assertTrue(world.converged());
        }
    }

    @Test
    void recentEventsAreInEverySummary(@TempDir Path dir) {
        try (FakeWorld world = new FakeWorld(dir, 1400)) {
            world.add("a", new WantListStrategy(WantListParams.DEFAULTS.withHavePackets(0)));
            world.add("b", new WantListStrategy(WantListParams.DEFAULTS.withHavePackets(0)));
            world.history("a", 50, -600_000_000L);
            world.start();
            world.scheduler.runFor(Duration.ofSeconds(20));
            assertTrue(world.log.isEmpty(), "no recent events and no round robin: nothing to say");
            world.device("a").store(world.newEvent(world.scheduler.now()));
            world.scheduler.runFor(Duration.ofSeconds(11));
            assertEquals(1, world.device("b").store().size(), "the new event was listed, wanted and sent");
        }
    }
}
