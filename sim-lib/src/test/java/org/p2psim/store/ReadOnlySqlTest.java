package org.p2psim.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.store.Events.id;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, "inspect --sql writes files": on a live store and on a closed store file alike, only one
 * statement that reads the device's own database runs; anything else is refused with its reason
 * before it runs, rows stop at the limit, and a statement stops at its time limit.
 */
class ReadOnlySqlTest {
    @TempDir
    Path dir;

    private DeviceStore store;
    private Path file;

    @BeforeEach
    void fill() {
        file = dir.resolve("bob.sqlite");
        store = DeviceStore.create(file, "bob");
        store.insert(new StoredEvent(id(1), "general", 5, 100, new byte[] {1}));
        store.insert(new StoredEvent(id(2), "general", 6, 200, new byte[] {2}));
        store.flush();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String refusal(String sql, boolean live) {
        StoreException e = assertThrows(StoreException.class, () -> {
            if (live) {
                store.query(sql);
            } else {
                DeviceStore.queryFile(file, sql);
            }
        }, sql);
        assertInstanceOf(ReadOnlySql.Refused.class, e.getCause(), e.getMessage());
        assertTrue(e.getMessage().contains("query refused: ") && e.getMessage().endsWith("; query: " + sql), e.getMessage());
        return e.getCause().getMessage();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void vacuumIntoWritesNoFile(boolean live) {
        Path copy = dir.resolve("copy.sqlite");
        String why = refusal("VACUUM INTO '" + copy + "'", live);
        assertTrue(why.endsWith("not VACUUM"), why);
        assertFalse(Files.exists(copy));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSecondStatementIsRefusedNotSilentlyDropped(boolean live) {
        assertEquals("only one statement is allowed; a second one starts after the ';' (DELETE …)",
                refusal("SELECT 1; DELETE FROM events", live));
        assertEquals("only one statement is allowed; a second one starts after the ';' (SELECT …)",
                refusal("SELECT ';' /* ; */ -- ;\n; SELECT 2", live));
        assertEquals(2, store.query("SELECT * FROM events").rowCount(), "nothing was deleted");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyWayToWriteOrReachOutIsRefusedWithItsReason(boolean live) {
        Path other = dir.resolve("other.sqlite");
        assertTrue(refusal("ATTACH '" + other + "' AS o", live).endsWith("not ATTACH"));
        assertTrue(refusal("CREATE TEMP TABLE t(x)", live).endsWith("not CREATE"));
        assertTrue(refusal("PRAGMA journal_mode = DELETE", live).startsWith("PRAGMA journal_mode = … writes a setting"));
        assertTrue(refusal("PRAGMA main.user_version = 7", live).startsWith("PRAGMA user_version = … writes"));
        assertTrue(refusal("PRAGMA cache_size(5)", live).startsWith("PRAGMA cache_size is not one of the pragmas that only read"));
        assertTrue(refusal("PRAGMA writable_schema", live).startsWith("PRAGMA writable_schema is not one of"));
        assertEquals("load_extension is not allowed", refusal("SELECT load_extension('/tmp/x.so')", live));
        assertTrue(refusal("WITH x AS (SELECT 1) DELETE FROM events", live).contains("would write or change the database"));
        assertTrue(refusal("WITH x AS (SELECT 1) INSERT INTO p2psim_meta SELECT * FROM p2psim_meta", live)
                .contains("would write or change the database"));
        assertEquals("the query is empty", refusal(" -- nothing\n", live));
        assertFalse(Files.exists(other));
        assertEquals(2, store.query("SELECT * FROM events").rowCount());
    }

    /** The class, not one example: every statement that writes, makes a temp object or reaches out is refused, and nothing changed. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theWholeClassOfWritesIsRefused(boolean live) {
        Path other = dir.resolve("other2.sqlite");
        for (String sql : List.of("VACUUM", "vacuum into '" + other + "'", "  /* c */ VACUUM main INTO '" + other + "'",
                "attach database '" + other + "' as o", "DETACH o", "CREATE TEMP VIEW v AS SELECT 1", "CREATE TEMPORARY TABLE t AS SELECT 1",
                "CREATE TEMP TRIGGER tr AFTER INSERT ON events BEGIN SELECT 1; END", "CREATE TABLE t(x)", "DROP TABLE events",
                "INSERT INTO events SELECT * FROM events", "REPLACE INTO p2psim_meta SELECT * FROM p2psim_meta", "UPDATE events SET rowid = rowid",
                "DELETE FROM events", "BEGIN", "SAVEPOINT s", "REINDEX", "ANALYZE", "PRAGMA temp_store = MEMORY",
                "PRAGMA temp.cache_size = 5", "PRAGMA foreign_keys = ON", "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA optimize",
                "PRAGMA incremental_vacuum", "SELECT load_extension('x')", "SELECT LOAD_EXTENSION ( 'x' , 'y' )",
                "WITH RECURSIVE x AS (SELECT 1) UPDATE events SET rowid = rowid", "WITH x AS (SELECT 1) REPLACE INTO p2psim_meta SELECT * FROM p2psim_meta",
                "SELECT 1;DROP TABLE events", "SELECT 1; SELECT 2", "VALUES (1); VACUUM")) {
            refusal(sql, live);
        }
        assertFalse(Files.exists(other));
        assertEquals(2, store.query("SELECT * FROM events").rowCount());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsStillWork(boolean live) {
        for (String sql : List.of("SELECT ';' AS s;", "SELECT 1; -- a trailing comment", "VALUES (1), (2)",
                "WITH c AS (SELECT * FROM events) SELECT COUNT(*) FROM c", "PRAGMA table_info(events)", "PRAGMA user_version",
                "EXPLAIN QUERY PLAN SELECT * FROM events", "SELECT name FROM pragma_table_info('events')")) {
            ReadOnlySql.Rows rows = live ? store.query(sql, ReadOnlySql.Limits.DEFAULT)
                    : DeviceStore.queryFile(file, sql, ReadOnlySql.Limits.DEFAULT);
            assertTrue(rows.table().rowCount() >= 1, sql);
            assertFalse(rows.truncated(), sql);
        }
    }

    @Test
    void rowsStopAtTheLimitWhileTheyStream() {
        String many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c";
        ReadOnlySql.Rows rows = store.query(many, new ReadOnlySql.Limits(5, Duration.ofMinutes(1)));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), rows.table().longColumn("x").asList(), "an endless query, five rows read");
        assertTrue(rows.truncated());
        ReadOnlySql.Rows all = store.query("SELECT * FROM events", new ReadOnlySql.Limits(2, Duration.ofMinutes(1)));
        assertFalse(all.truncated(), "exactly the limit is not truncated");
    }

    @Test
    void aStatementStopsAtItsTimeLimit() {
        String endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c";
        StoreException e = assertThrows(StoreException.class,
                () -> store.query(endless, new ReadOnlySql.Limits(10, Duration.ofMillis(200))));
        assertEquals("it ran longer than the time limit of 0.2 s", e.getCause().getMessage());
        assertEquals(2, store.query("SELECT * FROM events").rowCount(), "the connection is usable afterwards");
    }

    @Test
    void wordsFollowSqliteQuoting() {
        assertEquals(List.of("SELECT", "'a;''b'", ",", "\"x;\"", ",", "[y;]", ";"),
                ReadOnlySql.words("SELECT 'a;''b', \"x;\", [y;]; -- ; trailing\n/* ; */"));
    }
}
