package org.p2psim.sync.range;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.event.EventId;
import org.p2psim.net.PacketType;
import org.p2psim.sync.FakeWorld;

class RangeReconTest {

    static EventId id(long high, long low) {
        return EventId.fromBytes(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
    }

    static List<EventId> randomIds(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(id(r.nextLong(), r.nextLong()));
        }
        return ids;
    }

    @Test
    void aFingerprintDependsOnTheSetAloneAndARangeEqualsTheSameItemsOnTheirOwn() {
        List<EventId> ids = randomIds(200, 1);
        RangeItems forward = new RangeItems();
        RangeItems backward = new RangeItems();
        for (int i = 0; i < ids.size(); i++) {
            forward.add(i / 3, ids.get(i));
            backward.add((ids.size() - 1 - i) / 3, ids.get(ids.size() - 1 - i));
        }
        assertArrayEquals(forward.fingerprint(0, 200), backward.fingerprint(0, 200));
        assertFalse(Arrays.equals(forward.fingerprint(0, 200), forward.fingerprint(0, 199)), "one item less, another fingerprint");
        RangeItems middle = new RangeItems();
        for (int i = 50; i < 120; i++) {
            middle.add(forward.ts(i), forward.id(i));
        }
        assertArrayEquals(middle.fingerprint(0, 70), forward.fingerprint(50, 120), "a range's fingerprint is a difference of prefix sums");
        forward.add(forward.ts(7), forward.id(7));
        assertEquals(200, forward.size(), "an item already present is not added twice");
    }

    @Test
    void boundsAreAsShortAsTheyCanBe() {
        assertEquals(0, Bound.between(5, id(1, 0), 6, id(1, 0)).prefix(), "different timestamps: the timestamp alone");
        Bound oneByte = Bound.between(5, id(0x01L << 56, 0), 5, id(0x02L << 56, 0));
        assertEquals(1, oneByte.prefix());
        Bound sixBytes = Bound.between(5, id(0x0102030405_00_0000L, 9), 5, id(0x0102030405_80_0000L, 0));
        assertEquals(6, sixBytes.prefix());
        assertEquals(0x0102030405_80_0000L, sixBytes.high());
        Bound tenBytes = Bound.between(5, id(7, 0x0001L << 48), 5, id(7, 0x0002L << 48));
        assertEquals(10, tenBytes.prefix());
        assertTrue(tenBytes.above(5, 7, 0x0001L << 48), "the smaller item is below the bound");
        assertFalse(tenBytes.above(5, 7, 0x0002L << 48), "the larger is not");
    }

    @Test
    void messagesReadBackAsWritten() {
        Message.Writer w = new Message.Writer(1200);
        Bound b1 = new Bound(-5_000_000, 0, 0, 0);
        Bound b2 = new Bound(-5_000_000, 0x42L << 56, 0, 1);
        Bound b3 = new Bound(90_000_000, 0, 0, 0);
        byte[] fp = new byte[16];
        fp[3] = 9;
        w.skip(b1);
        w.fingerprint(b2, fp);
        w.idList(b3, List.of(id(1, 2), id(3, 4)));
        w.skip(Bound.INFINITY);
        List<Message.Range> read = Message.read(w.toBytes());
        assertEquals(3, read.size(), "the trailing skip to infinity is implicit");
        assertEquals(b1, read.get(0).upper());
        assertEquals(Message.SKIP, read.get(0).mode());
        assertEquals(b2, read.get(1).upper());
        assertArrayEquals(fp, read.get(1).fingerprint());
        assertEquals(b3, read.get(2).upper());
        assertEquals(List.of(id(1, 2), id(3, 4)), read.get(2).ids());
        Message.Writer skips = new Message.Writer(100);
        skips.skip(b1);
        assertEquals(null, skips.toBytes(), "a message of Skips alone is not sent");
    }

    /**
     * 1 000 events in common, one more at a: a's fingerprint of everything differs; b splits its 1 000
     * into 16 buckets; a finds one bucket differing and splits its 63 items again; b answers the one
     * differing bucket of 3–4 items with its id list; a sends the missing event. Four messages.
     */
    @Test
    void oneDifferenceInAThousandTakesFourMessagesAndOneEvent(@TempDir Path dir) {
        try (FakeWorld world = new FakeWorld(dir, 1400)) {
            world.add("a", new RangeReconStrategy(RangeReconParams.DEFAULTS));
            world.add("b", new RangeReconStrategy(RangeReconParams.DEFAULTS));
            for (int i = 0; i < 1000; i++) {
                byte[] e = world.newEvent(-1000L * 1_000_000 + i * 1_000_000L);
                world.device("a").store(e);
                world.device("b").store(e);
            }
            world.device("a").store(world.newEvent(-500_500_000L));
            world.start();
            Reconciler a = new Reconciler(world.device("a"), 16, 32, 100);
            a.initiate("b");
            world.scheduler.runFor(java.time.Duration.ofSeconds(1));
            List<FakeWorld.Sent> recon = world.log.stream().filter(s -> s.type() == PacketType.RECON).toList();
            assertEquals(4, recon.size(), "fingerprint, 16 buckets, 16 buckets, id list");
            assertEquals(1, Message.read(recon.get(0).body()).size());
            List<Message.Range> buckets = Message.read(recon.get(1).body());
            assertEquals(16, buckets.size());
            assertTrue(buckets.stream().allMatch(r -> r.mode() == Message.FINGERPRINT));
            assertTrue(Message.read(recon.get(3).body()).stream().anyMatch(r -> r.mode() == Message.ID_LIST));
            assertEquals(1, world.log.stream().filter(s -> s.type() == PacketType.EVENT).count());
            assertTrue(world.converged());
        }
    }

    /**
     * Disjoint sets of 300 and 200 events over an MTU of 300 bytes: buckets and id lists shrink to fit,
     * the rest of each message folds into one fingerprint to infinity, and repeated exchanges finish.
     */
    @Test
    void aSmallMtuFoldsAndStillReconciles(@TempDir Path dir) {
        try (FakeWorld world = new FakeWorld(dir, 300)) {
            world.add("a", new RangeReconStrategy(RangeReconParams.DEFAULTS));
            world.add("b", new RangeReconStrategy(RangeReconParams.DEFAULTS));
            world.history("a", 300, 0);
            world.history("b", 200, -50_000_000);
            world.start();
            Reconciler probe = new Reconciler(world.device("a"), 16, 32, 100);
            assertTrue(probe.buckets() < 16 && probe.idListThreshold() < 32,
                    "reduced to fit: " + probe.buckets() + " buckets, lists of " + probe.idListThreshold());
            world.scheduler.runFor(java.time.Duration.ofMinutes(5));
            assertTrue(world.converged());
            assertTrue(world.log.stream().allMatch(s -> s.packetBytes() <= 300),
                    "largest " + world.log.stream().mapToInt(FakeWorld.Sent::packetBytes).max().orElse(0));
            long wants = world.log.stream().filter(s -> s.type() == PacketType.WANT).count();
            assertTrue(wants > 0, "each side asks for what the other's id lists show it lacks");
        }
    }

    @Test
    void inSyncAnExchangeIsOneSmallPacket(@TempDir Path dir) {
        try (FakeWorld world = new FakeWorld(dir, 1400)) {
            world.add("a", new RangeReconStrategy(RangeReconParams.DEFAULTS));
            world.add("b", new RangeReconStrategy(RangeReconParams.DEFAULTS));
            List<byte[]> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                events.add(world.newEvent(i * 1_000L));
            }
            events.forEach(world.device("a")::store);
            Collections.reverse(events);
            events.forEach(world.device("b")::store);
            world.start();
            world.scheduler.runFor(java.time.Duration.ofMinutes(1));
            assertTrue(world.log.stream().allMatch(s -> s.type() == PacketType.RECON && s.body().length == 19), "only openings");
            assertNotEquals(0, world.log.size());
        }
    }
}
