package org.p2psim.sync.bloom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.event.EventId;
import org.p2psim.net.PacketType;
import org.p2psim.sync.FakeWorld;

/** bloom-seed's recent / medium / full levels, and bloom-salted's windows and evidence rule. */
class BloomLevelsAndSaltTest {

    static BloomFilter filterOf(List<EventId> ids, BloomSeedParams p) {
        BloomFilter f = new BloomFilter(p.filterBits(), p.hashes());
        ids.forEach(f::add);
        return f;
    }

    /**
     * Segments of 100 events, 350 held: full covers all 350, medium the newest three segments (arrivals
     * 100–349), recent the newest segment (300–349). A peer gets full first, medium next, then recent,
     * medium again a minute after the last medium, and full again ten minutes after the first.
     */
    @Test
    void seedLevelsCoverWiderSpansOnTheirSchedules(@TempDir Path dir) {
        BloomSeedParams p = BloomSeedParams.DEFAULTS.withLevels(100, Duration.ofMinutes(1), Duration.ofMinutes(10));
        try (FakeWorld world = new FakeWorld(dir, 1400)) {
            world.add("a", new BloomSeedStrategy(p));
            world.add("b", new BloomSeedStrategy(p));
            List<EventId> held = world.history("a", 350, 0);
            world.start();
            world.scheduler.runFor(Duration.ofSeconds(615));
            byte[] full = filterOf(held, p).toBytes();
            byte[] medium = filterOf(held.subList(100, 350), p).toBytes();
            byte[] recent = filterOf(held.subList(300, 350), p).toBytes();
            List<String> levels = new ArrayList<>();
            List<Long> mediumTimes = new ArrayList<>();
            for (FakeWorld.Sent s : world.log) {
                if (s.from().equals("a") && s.type() == PacketType.FILTER) {
                    String level = Arrays.equals(s.body(), full) ? "full" : Arrays.equals(s.body(), medium) ? "medium"
                            : Arrays.equals(s.body(), recent) ? "recent" : "?";
                    levels.add(level);
                    if (level.equals("medium")) {
                        mediumTimes.add(s.at());
                    }
                }
            }
            assertEquals(List.of("full", "medium", "recent", "recent", "recent", "recent", "recent", "medium"), levels.subList(0, 8));
            assertTrue(levels.size() >= 61, "a round every 10 s for 615 s, from a random phase");
            assertEquals(2, levels.stream().filter("full"::equals).count(), "at the start and ten minutes later: " + levels);
            assertEquals("full", levels.get(60));
            for (int i = 1; i < mediumTimes.size(); i++) {
                assertTrue(mediumTimes.get(i) - mediumTimes.get(i - 1) >= 60_000_000L);
            }
            assertFalse(levels.contains("?"), levels.toString());
        }
    }

    /** Below the seed's 8 000-event segment the three levels are one filter of everything: the seed's default behaviour. */
    @Test
    void withTheSeedsSegmentEveryLevelIsTheFilterOfEverything(@TempDir Path dir) {
        try (FakeWorld world = new FakeWorld(dir, 1400)) {
            world.add("a", new BloomSeedStrategy(BloomSeedParams.DEFAULTS));
            world.add("b", new BloomSeedStrategy(BloomSeedParams.DEFAULTS));
            List<EventId> held = world.history("a", 350, 0);
            world.start();
            world.scheduler.runFor(Duration.ofMinutes(3));
            byte[] all = filterOf(held, BloomSeedParams.DEFAULTS).toBytes();
            world.log.stream().filter(s -> s.from().equals("a") && s.type() == PacketType.FILTER)
                    .forEach(s -> assertArrayEquals(all, s.body()));
        }
    }

    @Test
    void evidenceQueuesNegativesCountsPositivesAndForgetsNothingByOrMerging() {
        Evidence e = new Evidence();
        EventId x = EventId.fromBytes(new byte[16]);
        e.positive(x);
        e.positive(x);
        assertEquals(2, e.positives(x));
        e.negative(x);
        assertEquals(0, e.positives(x), "a negative is proof the peer lacked it: the count starts again");
        assertTrue(e.isMissing(x));
        e.positive(x);
        assertFalse(e.isMissing(x), "a positive takes it off the queue");
        assertEquals(1, e.positives(x));
        EventId y = EventId.fromBytes(ByteBuffer.allocate(16).putLong(1).putLong(0).array());
        EventId z = EventId.fromBytes(ByteBuffer.allocate(16).putLong(2).putLong(0).array());
        e.negative(y);
        e.negative(z);
        assertEquals(List.of(z), e.takeToSend(List.of(z), 1), "this round's negatives first");
        assertEquals(List.of(y), e.takeToSend(List.of(), 5));
        assertEquals(List.of(), e.takeToSend(List.of(), 5), "sent events are off the queue");
    }

    @Test
    void slicesOfTheIdSpacePartitionTheHeldIds() {
        SplittableRandom r = new SplittableRandom(3);
        NavigableSet<EventId> ids = new TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(EventId.fromBytes(ByteBuffer.allocate(16).putLong(r.nextLong()).putLong(r.nextLong()).array()));
        }
        Set<EventId> union = new HashSet<>();
        for (long slice = 0; slice < 8; slice++) {
            BloomSaltedStrategy.Coverage c = new BloomSaltedStrategy.Coverage(Long.MAX_VALUE, 3, slice);
            for (EventId id : c.sliceOf(ids)) {
                assertTrue(c.inSlice(id));
                assertTrue(union.add(id), "slices do not overlap");
            }
        }
        assertEquals(ids, union);
    }

    /**
     * 2 000 events in a 500-byte packet: each round's filter covers a window (recent events and one
     * slice) small enough for its target rate, every event is covered within 2^b rounds, a covered
     * event always tests positive, and absent ids test positive at about the target rate.
     */
    @Test
    void saltedFiltersCoverARotatingWindowAtTheTargetRate(@TempDir Path dir) {
        BloomSaltedParams p = BloomSaltedParams.DEFAULTS;
        try (FakeWorld world = new FakeWorld(dir, 1400)) {
            world.add("a", new BloomSaltedStrategy(p));
            world.add("b", new BloomSaltedStrategy(p));
            List<EventId> held = world.history("a", 2000, -120_000_000L);
            world.start();
            world.scheduler.runFor(Duration.ofMinutes(3));
            SplittableRandom r = new SplittableRandom(9);
            Set<EventId> covered = new HashSet<>();
            Set<Integer> salts = new HashSet<>();
            long tests = 0;
            long positives = 0;
            for (FakeWorld.Sent s : world.log) {
                if (!s.from().equals("a") || s.type() != PacketType.FILTER) {
                    continue;
                }
                assertEquals(500, s.packetBytes());
                ByteBuffer in = ByteBuffer.wrap(s.body());
                BloomSaltedStrategy.Coverage c = new BloomSaltedStrategy.Coverage(in.getLong(), in.get(), in.getInt() & 0xffffffffL);
                BloomFilter f = BloomFilter.fromBytes(Arrays.copyOfRange(s.body(), 13, s.body().length));
                salts.add(f.salt());
                long inWindow = held.stream().filter(c::inSlice).count();
                assertTrue(inWindow <= p.capacity() * 1.3, inWindow + " events in a window for " + p.capacity());
                held.stream().filter(c::inSlice).forEach(id -> {
                    assertTrue(f.mightContain(id), "no false negatives");
                    covered.add(id);
                });
                for (int i = 0; i < 2000; i++) {
                    tests++;
                    positives += f.mightContain(EventId.fromBytes(ByteBuffer.allocate(16).putLong(r.nextLong()).putLong(r.nextLong()).array())) ? 1 : 0;
                }
            }
            assertEquals(held.size(), covered.size(), "every held event was covered by some round");
            assertTrue(salts.size() > 10, "a fresh salt every round");
            double rate = positives / (double) tests;
            assertTrue(rate < 2 * p.targetFpr(), "measured false-positive rate " + rate);
        }
    }
}
