package org.p2psim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.store.Events.event;
import static org.p2psim.store.Events.id;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar event index and the shared pool give the answers the object index gave: the authored
 * order against a plain sort (past many merges of its buffer), lookups and arrival order in stores
 * that share a pool, and an id stored with other bytes in another store kept apart.
 */
class CompactIndexTest {
    @TempDir
    Path dir;

    private record Held(long seq, StoredEvent event) {}

    /** The order of the object index it replaces: newest authored first, ties by larger arrival_seq. */
    private static final Comparator<Held> NEWEST_AUTHORED_FIRST = Comparator.comparingLong((Held h) -> h.event.authoredTs())
            .reversed().thenComparing(Comparator.comparingLong(Held::seq).reversed());

    @Test
    void authoredOrderMatchesASortOverThousandsOfRandomInsertsWithTies() {
        Random random = new Random(15);
        List<Held> held = new ArrayList<>();
        try (DeviceStore store = DeviceStore.create(dir.resolve("a.sqlite"), "a", 10_000)) {
            for (int n = 1; n <= 3_000; n++) {
                StoredEvent e = event(n, "general", random.nextInt(400) * 1_000L - 50_000);
                store.insert(e);
                held.add(new Held(n, e));
                if (n % 997 == 0 || n == 130 || n == 129) {
                    assertAuthoredOrder(store, held, random.nextInt(300) * 1_000L - 50_000);
                }
            }
            assertAuthoredOrder(store, held, Long.MIN_VALUE);
        }
    }

    private static void assertAuthoredOrder(DeviceStore store, List<Held> held, long since) {
        List<String> expected = held.stream().sorted(NEWEST_AUTHORED_FIRST).filter(h -> h.event.authoredTs() >= since)
                .map(h -> h.event.eventId()).toList();
        assertEquals(expected, store.authoredSince(since, Integer.MAX_VALUE));
        assertEquals(expected.subList(0, Math.min(17, expected.size())), store.authoredSince(since, 17));
    }

    @Test
    void storesSharingAPoolKeepTheirOwnArrivalOrderAndReceivedTimes() {
        StoredEvent.Pool pool = new StoredEvent.Pool();
        try (DeviceStore a = DeviceStore.create(dir.resolve("a.sqlite"), "a").shareWith(pool);
             DeviceStore b = DeviceStore.create(dir.resolve("b.sqlite"), "b").shareWith(pool)) {
            for (int n = 1; n <= 300; n++) {
                a.insert(event(n));
                StoredEvent later = event(301 - n);
                b.insert(new StoredEvent(later.eventId(), later.channelId(), later.authoredTs(), 5 + n, later.ciphertext()));
            }
            assertEquals(300, a.size());
            assertEquals(id(1), a.eventIdsInArrivalOrder().get(0));
            assertEquals(id(300), b.eventIdsInArrivalOrder().get(0));
            assertEquals(event(7), a.get(id(7)));
            assertEquals(5 + 294, b.get(id(7)).receivedTs());
            assertArrayEquals(event(7).ciphertext(), b.get(id(7)).ciphertext());
            assertTrue(a.contains(id(300)));
            assertFalse(a.contains(id(301)));
            assertNull(b.get(id(301)));
        }
    }

    @Test
    void anIdWithOtherBytesInAnotherStoreIsAVariantOfItsOwn() {
        StoredEvent.Pool pool = new StoredEvent.Pool();
        StoredEvent honest = event(1);
        StoredEvent other = new StoredEvent(honest.eventId(), honest.channelId(), honest.authoredTs() + 1, 9, new byte[] {1, 2, 3});
        try (DeviceStore a = DeviceStore.create(dir.resolve("a.sqlite"), "a").shareWith(pool);
             DeviceStore b = DeviceStore.create(dir.resolve("b.sqlite"), "b").shareWith(pool);
             DeviceStore c = DeviceStore.create(dir.resolve("c.sqlite"), "c").shareWith(pool)) {
            a.insert(honest);
            b.insert(other);
            assertEquals(honest, a.get(honest.eventId()));
            assertEquals(other, b.get(honest.eventId()));
            assertFalse(c.contains(honest.eventId()));
            assertEquals(InsertOutcome.DUPLICATE, b.insert(honest));
        }
    }

    @Test
    void sharingAfterLoadingKeepsWhatTheFileHeld() {
        Path file = dir.resolve("a.sqlite");
        try (DeviceStore store = DeviceStore.create(file, "a")) {
            for (int n = 1; n <= 200; n++) {
                store.insert(event(n));
            }
        }
        try (DeviceStore store = DeviceStore.open(file)) {
            List<String> authored = store.authoredSince(Long.MIN_VALUE, 500);
            List<StoredEvent> events = List.copyOf(store.events());
            store.shareWith(new StoredEvent.Pool());
            assertEquals(events, store.events());
            assertEquals(authored, store.authoredSince(Long.MIN_VALUE, 500));
            store.insert(event(201));
            assertEquals(201, store.size());
            assertEquals(id(201), store.authoredSince(Long.MIN_VALUE, 1).get(0));
        }
    }
}
