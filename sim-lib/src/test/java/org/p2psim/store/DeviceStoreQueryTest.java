package org.p2psim.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.store.Events.id;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class DeviceStoreQueryTest {
    @TempDir
    Path dir;

    private DeviceStore store;

    @BeforeEach
    void fill() {
        store = DeviceStore.create(dir.resolve("bob.sqlite"), "bob");
        store.insert(new StoredEvent(id(1), "general", 5, 100, new byte[] {(byte) 0xca, (byte) 0xfe}));
        store.insert(new StoredEvent(id(2), null, -7, 200, new byte[] {0x01}));
        store.insert(new StoredEvent(id(3), "general", 5_000_000_000L, 300, new byte[] {}));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void returnsATableWithTheRightColumnsAndValues() {
        Table t = store.query("SELECT event_id, channel_id, authored_ts, ciphertext FROM events ORDER BY arrival_seq");
        assertEquals(List.of("event_id", "channel_id", "authored_ts", "ciphertext"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(List.of(id(1), id(2), id(3)), t.stringColumn("event_id").asList());
        assertEquals(ColumnType.LONG, t.column("authored_ts").type(), "small first value, big later: still long");
        assertEquals(List.of(5L, -7L, 5_000_000_000L), t.longColumn("authored_ts").asList());
        assertTrue(t.stringColumn("channel_id").isMissing(1));
        assertEquals("general", t.stringColumn("channel_id").get(2));
        assertEquals(List.of("cafe", "01", ""), t.stringColumn("ciphertext").asList());
    }

    @Test
    void aggregatesAndEmptyResultsHaveStableTypes() {
        Table t = store.query("SELECT count(*) AS n, avg(received_ts) AS mean, channel_id FROM events"
                + " GROUP BY channel_id ORDER BY channel_id");
        assertEquals(List.of(1L, 2L), t.longColumn("n").asList());
        assertEquals(List.of(200.0, 200.0), t.doubleColumn("mean").asList());
        Table empty = store.query("SELECT arrival_seq, event_id FROM events WHERE authored_ts > 1e18");
        assertEquals(0, empty.rowCount());
        assertEquals(ColumnType.LONG, empty.column("arrival_seq").type());
        assertEquals(ColumnType.STRING, empty.column("event_id").type());
    }

    @Test
    void duplicateColumnNamesAreKeptApart() {
        Table t = store.query("SELECT a.event_id, b.event_id FROM events a JOIN events b USING (arrival_seq)");
        assertEquals(List.of("event_id", "event_id_2"), t.columnNames());
    }

    @Test
    void seesRowsInsertedJustBefore() {
        store.insert(new StoredEvent(id(4), "general", 1, 1, new byte[] {4}));
        assertEquals(4L, store.query("SELECT count(*) FROM events").longColumn(0).get(0));
    }

    @Test
    void aBadQueryNamesTheProblemAndTheQuery() {
        var e = assertThrows(StoreException.class, () -> store.query("SELECT * FROM nope"));
        assertTrue(e.getMessage().startsWith(store.file() + ": query failed:"), e.getMessage());
        assertTrue(e.getMessage().contains("no such table: nope"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; query: SELECT * FROM nope"), e.getMessage());

        var syntax = assertThrows(StoreException.class, () -> store.query("SELEC 1"));
        assertTrue(syntax.getMessage().contains("near \"SELEC\": syntax error"), syntax.getMessage());
        assertThrows(StoreException.class, () -> store.query("  "));
        assertEquals(1L, store.query("SELECT 1").longColumn(0).get(0), "still usable afterwards");
    }

    @Test
    void isReadOnly() {
        var e = assertThrows(StoreException.class, () -> store.query("DELETE FROM events"));
        assertTrue(e.getMessage().contains("query refused: only statements that read are allowed"), e.getMessage());
        assertEquals(3L, store.query("SELECT count(*) FROM events").longColumn(0).get(0));
        assertEquals(3, store.size());
    }
}
