package org.p2psim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.store.Events.event;
import static org.p2psim.store.Events.id;
import static org.p2psim.store.Events.scalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceStoreTest {
    @TempDir
    Path dir;

    @Test
    void reopenReturnsEveryEventByteIdenticalInArrivalOrder() {
        Path file = dir.resolve("runs/x/devices/alice.sqlite");
        List<StoredEvent> inserted = new ArrayList<>();
        try (DeviceStore store = DeviceStore.create(file, "alice", 7)) {
            // arrival order deliberately differs from id order and authored order
            for (int n : new int[] {40, 3, 17, 1, 99, 2, 64, 5, 33, 8, 21, 13}) {
                StoredEvent e = event(n, n % 2 == 0 ? null : "general", n % 3 == 0 ? -n * 1_000_000L : n * 9_000_000_000L);
                assertEquals(InsertOutcome.INSERTED, store.insert(e));
                inserted.add(e);
            }
            inserted.add(new StoredEvent(id(500), "general", Long.MIN_VALUE, Long.MAX_VALUE, new byte[0]));
            store.insert(inserted.get(inserted.size() - 1));
        }
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals("alice", store.deviceName());
            assertEquals(inserted, store.events());
            assertEquals(inserted.stream().map(StoredEvent::eventId).toList(), store.eventIdsInArrivalOrder());
            for (StoredEvent e : inserted) {
                assertArrayEquals(e.ciphertext(), store.get(e.eventId()).ciphertext());
            }
            assertEquals(List.of(1L, 2L, 3L), store.query("SELECT arrival_seq FROM events ORDER BY arrival_seq LIMIT 3")
                    .longColumn("arrival_seq").asList());
        }
    }

    @Test
    void arrivalSeqContinuesAfterReopen() {
        Path file = dir.resolve("bob.sqlite");
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            store.insert(event(1));
            store.insert(event(2));
        }
        try (DeviceStore store = DeviceStore.open(file)) {
            store.insert(event(3));
            assertEquals(List.of(id(1), id(2), id(3)),
                    store.query("SELECT event_id FROM events ORDER BY arrival_seq").stringColumn("event_id").asList());
            assertEquals(3L, store.query("SELECT arrival_seq FROM events WHERE event_id = '" + id(3) + "'")
                    .longColumn(0).get(0));
        }
    }

    @Test
    void duplicateInsertReturnsDuplicateAndLeavesTheRowUnchanged() throws Exception {
        Path file = dir.resolve("bob.sqlite");
        StoredEvent original = event(1, "general", 10);
        StoredEvent impostor = new StoredEvent(original.eventId(), "random", 99, 99, new byte[] {1, 2, 3});
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            assertEquals(InsertOutcome.INSERTED, store.insert(original));
            assertEquals(InsertOutcome.DUPLICATE, store.insert(impostor)); // while still pending
            store.flush();
            assertEquals(InsertOutcome.DUPLICATE, store.insert(impostor)); // once in the file
            assertEquals(InsertOutcome.DUPLICATE,
                    store.insert(impostor, Events.message(impostor, "mallory", "overwrite")));
            assertEquals(1, store.size());
            assertEquals(original, store.get(original.eventId()));
        }
        assertEquals(1, scalar(file, "SELECT count(*) FROM events"));
        assertEquals(0, scalar(file, "SELECT count(*) FROM message_index"));
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals(List.of(original), store.events());
        }
    }

    @Test
    void insertKeepsItsOwnCopyOfTheCiphertext() {
        try (DeviceStore store = DeviceStore.create(dir.resolve("bob.sqlite"), "bob")) {
            byte[] bytes = {1, 2, 3};
            store.insert(new StoredEvent(id(1), null, 0, 0, bytes));
            bytes[0] = 42;
            assertArrayEquals(new byte[] {1, 2, 3}, store.get(id(1)).ciphertext());
        }
    }

    @Test
    void containsAndSizeSeePendingRowsBeforeTheyReachTheFile() throws Exception {
        Path file = dir.resolve("bob.sqlite");
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            assertFalse(store.contains(id(1)));
            for (int n = 1; n <= 3; n++) {
                store.insert(event(n));
            }
            assertTrue(store.contains(id(1)) && store.contains(id(3)));
            assertFalse(store.contains(id(4)));
            assertEquals(3, store.size());
            assertEquals(event(2), store.get(id(2)));
            assertNull(store.get(id(4)));
            assertEquals(0, scalar(file, "SELECT count(*) FROM events"), "rows are written behind");

            store.flush();
            assertEquals(3, scalar(file, "SELECT count(*) FROM events"));
            assertTrue(store.contains(id(3)));
            assertEquals(3, store.size());
        }
    }

    @Test
    void batchBoundary() throws Exception {
        Path file = dir.resolve("bob.sqlite");
        try (DeviceStore store = DeviceStore.create(file, "bob", 512)) {
            for (int n = 1; n <= 1_300; n++) {
                store.insert(event(n));
            }
            assertEquals(1_024, scalar(file, "SELECT count(*) FROM events"), "two full batches written");
            assertEquals(1_300, store.size());
        }
        assertEquals(1_300, scalar(file, "SELECT count(*) FROM events"), "close writes the rest");
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals(1_300, store.size());
            assertEquals(id(1_300), store.eventIdsInArrivalOrder().get(1_299));
            assertEquals(event(777), store.get(id(777)));
        }
    }

    @Test
    void arrivalSnapshotsDoNotChangeAndCannotBeModified() {
        try (DeviceStore store = DeviceStore.create(dir.resolve("bob.sqlite"), "bob")) {
            store.insert(event(1));
            List<String> ids = store.eventIdsInArrivalOrder();
            List<StoredEvent> events = store.events();
            store.insert(event(2));
            assertEquals(List.of(id(1)), ids);
            assertEquals(List.of(event(1)), events);
            assertEquals(2, store.eventIdsInArrivalOrder().size());
            assertThrows(UnsupportedOperationException.class, () -> ids.add(id(3)));
            assertThrows(IndexOutOfBoundsException.class, () -> ids.get(1));
        }
    }

    @Test
    void authoredSinceIsNewestFirstWithTiesByLaterArrivalAndHonoursTheLimit() {
        Path file = dir.resolve("bob.sqlite");
        long[] authored = {5, -3, 10, 5, 7, 10, 4};
        List<String> expected = List.of(id(6), id(3), id(5), id(4), id(1));
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            for (int i = 0; i < authored.length; i++) {
                store.insert(event(i + 1, "general", authored[i]));
            }
            assertEquals(expected, store.authoredSince(5, 100));
            assertEquals(expected.subList(0, 3), store.authoredSince(5, 3));
            assertEquals(List.of(), store.authoredSince(5, 0));
            assertEquals(List.of(), store.authoredSince(11, 10));
            assertEquals(7, store.authoredSince(Long.MIN_VALUE, Integer.MAX_VALUE).size());
            assertEquals(id(2), store.authoredSince(-3, 10).get(6));
            assertThrows(IllegalArgumentException.class, () -> store.authoredSince(0, -1));
        }
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals(expected, store.authoredSince(5, 100), "same answer from the rebuilt index");
        }
    }

    @Test
    void messageIndexAndFullTextSearch() throws Exception {
        Path file = dir.resolve("bob.sqlite");
        StoredEvent a = event(1, "general", 100);
        StoredEvent b = event(2, "general", 200);
        StoredEvent c = event(3, "random", 300);
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            store.insert(a, Events.message(a, "alice", "Pancakes for breakfast"));
            store.insert(event(4)); // a non-message event in between
            store.insert(b, new MessageRow(b.eventId(), "general", "carol", 200, "meeting at noon", a.eventId()));
            store.insert(c, Events.message(c, "alice", "pancakes again?"));

            String search = "SELECT m.event_id, m.author FROM message_fts JOIN message_index m"
                    + " ON m.arrival_seq = message_fts.rowid WHERE message_fts MATCH '%s' ORDER BY m.arrival_seq";
            var found = store.query(search.formatted("pancakes"));
            assertEquals(List.of(a.eventId(), c.eventId()), found.stringColumn("event_id").asList());
            assertEquals(0, store.query(search.formatted("waffles")).rowCount());
            assertEquals(List.of(b.eventId()), store.query(search.formatted("noon")).stringColumn("event_id").asList());

            var row = store.query("SELECT channel_id, author, authored_ts, body, reply_to FROM message_index"
                    + " WHERE event_id = '" + b.eventId() + "'");
            assertEquals("carol", row.stringColumn("author").get(0));
            assertEquals(200L, row.longColumn("authored_ts").get(0));
            assertEquals(a.eventId(), row.stringColumn("reply_to").get(0));
        }
        try (Connection jdbc = Events.jdbc(file); var st = jdbc.createStatement()) {
            // FTS5 raises an error here if the index and message_index disagree
            st.execute("INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 1)");
            assertEquals(2, scalar(file, "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'pancakes'"));
        }
    }

    @Test
    void messageMustDescribeTheSameEvent() {
        try (DeviceStore store = DeviceStore.create(dir.resolve("bob.sqlite"), "bob")) {
            StoredEvent e = event(1, "general", 0);
            StoredEvent other = event(2, "general", 0);
            var wrongId = assertThrows(IllegalArgumentException.class,
                    () -> store.insert(e, Events.message(other, "alice", "hi")));
            assertTrue(wrongId.getMessage().contains(e.eventId()), wrongId.getMessage());
            var wrongChannel = assertThrows(IllegalArgumentException.class,
                    () -> store.insert(e, new MessageRow(e.eventId(), "random", "alice", 0, "hi", null)));
            assertTrue(wrongChannel.getMessage().contains("'random'"), wrongChannel.getMessage());
            assertEquals(0, store.size());
        }
    }

    @Test
    void recordsRejectMalformedIds() {
        var e = assertThrows(IllegalArgumentException.class, () -> new StoredEvent("ABC", null, 0, 0, new byte[1]));
        assertEquals("eventId must be 32 lowercase hex characters (16 bytes), got 'ABC'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StoredEvent(id(1).toUpperCase().replace('0', 'G'),
                null, 0, 0, new byte[1]));
        assertThrows(NullPointerException.class, () -> new StoredEvent(id(1), null, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new MessageRow(id(1), "c", "a", 0, "b", "nope"));
    }

    @Test
    void misuseAfterCloseIsAnsweredClearly() {
        DeviceStore store = DeviceStore.create(dir.resolve("bob.sqlite"), "bob");
        store.close();
        store.close(); // idempotent
        var e = assertThrows(IllegalStateException.class, () -> store.insert(event(1)));
        assertEquals("store for bob is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> store.contains(id(1)));
        assertThrows(IllegalStateException.class, () -> store.query("SELECT 1"));
    }

    @Test
    void createRefusesAnExistingFile() throws Exception {
        Path file = dir.resolve("bob.sqlite");
        Files.writeString(file, "precious");
        var e = assertThrows(StoreException.class, () -> DeviceStore.create(file, "bob"));
        assertTrue(e.getMessage().startsWith(file + " already exists"), e.getMessage());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void openOrCreateCreatesThenOpensAndChecksTheDevice() {
        Path file = dir.resolve("devices/bob.sqlite");
        try (DeviceStore store = DeviceStore.openOrCreate(file, "bob")) {
            store.insert(event(1));
        }
        try (DeviceStore store = DeviceStore.openOrCreate(file, "bob")) {
            assertEquals(List.of(event(1)), store.events());
        }
        var e = assertThrows(StoreException.class, () -> DeviceStore.openOrCreate(file, "alice"));
        assertEquals(file + " is the store of device 'bob', not 'alice'", e.getMessage());
        DeviceStore.open(file).close(); // the refused attempt released the file
    }

    @Test
    void aFileIsOpenInOneStoreAtATime() {
        Path file = dir.resolve("bob.sqlite");
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            var e = assertThrows(StoreException.class, () -> DeviceStore.open(file));
            assertEquals(file + " is already open in another DeviceStore of this process", e.getMessage());
            store.insert(event(1));
        }
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals(1, store.size());
        }
    }

    @Test
    void sizesGrowWithContent() {
        try (DeviceStore store = DeviceStore.create(dir.resolve("bob.sqlite"), "bob")) {
            long empty = store.databaseBytes();
            for (int n = 1; n <= 2_000; n++) {
                store.insert(event(n));
            }
            assertTrue(store.databaseBytes() > empty + 2_000 * 20, "ciphertexts are at least 20 bytes each");
            assertTrue(store.sizeOnDiskBytes() >= store.databaseBytes() / 2);
        }
    }

    @Test
    void sameInsertsGiveByteIdenticalFiles() throws Exception {
        Path first = dir.resolve("a/bob.sqlite");
        Path second = dir.resolve("b/bob.sqlite");
        for (Path file : List.of(first, second)) {
            try (DeviceStore store = DeviceStore.create(file, "bob", 100)) {
                for (int n = 1; n <= 1_000; n++) {
                    StoredEvent e = event(n, "general", n);
                    store.insert(e, Events.message(e, "alice", "message number " + n));
                }
            }
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void storedEventHasValueEquality() {
        StoredEvent a = new StoredEvent(id(1), "c", 1, 2, new byte[] {1, 2});
        StoredEvent b = new StoredEvent(id(1), "c", 1, 2, new byte[] {1, 2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(new StoredEvent(id(1), "c", 1, 2, new byte[] {1, 3})));
        assertTrue(a.toString().contains("2 bytes 0102"), a.toString());
        assertSame(InsertOutcome.INSERTED, InsertOutcome.valueOf("INSERTED"));
    }
}
