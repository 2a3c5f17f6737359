package org.p2psim.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.store.Events.event;
import static org.p2psim.store.Events.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The file as other tools see it, and files that are not device stores. */
class DeviceStoreFileTest {
    @TempDir
    Path dir;

    @Test
    void plainJdbcOpensTheFileAndFindsWalAndTheMetaRows() throws Exception {
        Path file = dir.resolve("bob.sqlite");
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            store.insert(event(1));
            store.flush();
            try (Connection c = Events.jdbc(file)) { // while the store is open
                assertEquals("wal", text(c, "PRAGMA journal_mode"));
                assertEquals("1", text(c, "SELECT count(*) FROM events"));
            }
        }
        try (Connection c = Events.jdbc(file)) {
            assertEquals("wal", text(c, "PRAGMA journal_mode"));
            assertEquals("p2psim-device-store", text(c, "SELECT value FROM p2psim_meta WHERE key = 'format'"));
            assertEquals("3", text(c, "SELECT value FROM p2psim_meta WHERE key = 'schema_version'"));
            assertEquals("bob", text(c, "SELECT value FROM p2psim_meta WHERE key = 'device'"));
            assertEquals("auth_graph_subject,events_channel_authored,file_chunks_file,files_authored,message_index_channel_authored", text(c,
                    "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index'"
                            + " AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name)"));
            assertEquals("ok", text(c, "PRAGMA integrity_check"));
        }
        assertFalse(Files.exists(dir.resolve("bob.sqlite-wal")), "close checkpoints the log into the file");
    }

    @Test
    void reopensAfterACrashFromTheFileAndItsLog() throws Exception {
        Path file = dir.resolve("live/bob.sqlite");
        Path copy = dir.resolve("crashed/bob.sqlite");
        Files.createDirectories(copy.getParent());
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            store.insert(event(1));
            store.insert(event(2));
            store.flush();
            store.insert(event(3)); // pending: lost in the crash
            // what a killed simulator leaves behind: the file and its log, never checkpointed
            assertTrue(Files.exists(dir.resolve("live/bob.sqlite-wal")));
            for (String suffix : List.of("", "-wal")) {
                Files.copy(dir.resolve("live/bob.sqlite" + suffix), dir.resolve("crashed/bob.sqlite" + suffix));
            }
        }
        try (DeviceStore store = DeviceStore.open(copy)) {
            assertEquals(List.of(event(1), event(2)), store.events());
        }
    }

    @Test
    void refusesATextFile() throws Exception {
        Path file = write("notes.sqlite", "just some notes\n".repeat(50).getBytes());
        assertRefused(file, file + " is not an SQLite database (it does not start with the SQLite header)");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path file = write("empty.sqlite", new byte[0]);
        assertRefused(file, file + " is not a p2psim device store (the file is empty)");
    }

    @Test
    void refusesAnEmptySqliteDatabase() throws Exception {
        Path file = foreignDatabase("blank.sqlite", "PRAGMA user_version = 3"); // writes a header, no tables
        assertTrue(Files.size(file) > 0);
        assertRefused(file, file + " is not a p2psim device store (no p2psim_meta table; the database has no tables)");
    }

    @Test
    void refusesAnSqliteDatabaseWithOtherTables() throws Exception {
        Path file = foreignDatabase("photos.sqlite",
                "CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT)",
                "CREATE TABLE albums(id INTEGER PRIMARY KEY)",
                "INSERT INTO photos(path) VALUES ('/tmp/cat.jpg')");
        assertRefused(file, file + " is not a p2psim device store (no p2psim_meta table; its tables are albums, photos)");
    }

    @Test
    void refusesAWalModeDatabaseWithoutLeavingLogFilesBeside() throws Exception {
        Path file = foreignDatabase("chat.sqlite",
                "PRAGMA journal_mode = WAL",
                "CREATE TABLE messages(id INTEGER PRIMARY KEY, body TEXT)");
        assertRefused(file, file + " is not a p2psim device store (no p2psim_meta table; its tables are messages)");
    }

    @Test
    void refusesAForeignMetaTable() throws Exception {
        Path file = foreignDatabase("other.sqlite",
                "CREATE TABLE p2psim_meta(key TEXT PRIMARY KEY, value TEXT)",
                "INSERT INTO p2psim_meta VALUES ('format', 'something-else')");
        assertRefused(file, file + " is not a p2psim device store (p2psim_meta says format 'something-else',"
                + " expected 'p2psim-device-store')");
    }

    @Test
    void refusesAStoreOfAnotherSchemaVersion() throws Exception {
        Path file = dir.resolve("runs/x/devices/bob.sqlite");
        try (DeviceStore store = DeviceStore.create(file, "bob")) {
            store.insert(event(1));
        }
        try (Connection c = Events.jdbc(file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE p2psim_meta SET value = '7' WHERE key = 'schema_version'");
        }
        assertRefused(file, file + " was written by p2psim store schema version 7; this build reads version 3 (and upgrades versions 1 and 2)");
    }

    @Test
    void upgradesAVersion1StoreInPlaceKeepingItsMessages() throws Exception {
        Path file = dir.resolve("old.sqlite");
        try (Connection c = Events.jdbc(file); Statement st = c.createStatement()) {
            Schema.create(c, "bob", 1);
            st.executeUpdate("INSERT INTO events VALUES (1, '" + Events.id(1) + "', 'general', 5, 6, x'cafe')");
            st.executeUpdate("INSERT INTO message_index VALUES ('" + Events.id(1) + "', 'general', 'alice', 5, 'old words', NULL, 1)");
        }
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals(1, store.size());
            Table t = store.query("SELECT m.body, m.file_id, (SELECT count(*) FROM files) AS files,"
                    + " (SELECT count(*) FROM file_chunks) AS chunks FROM message_fts f JOIN message_index m"
                    + " ON m.arrival_seq = f.rowid WHERE message_fts MATCH 'words'");
            assertEquals("old words", t.stringColumn("body").get(0));
            assertTrue(t.stringColumn("file_id").isMissing(0));
            assertEquals(0L, t.longColumn("files").get(0));
            store.insert(event(2, "general", 9), List.of(new FileRow(Events.id(7), Events.id(2), "general", "alice", 9, "a.jpg",
                    "image/jpeg", 3, 1, "00".repeat(32), new byte[32])));
            store.flush();
        }
        try (Connection c = Events.jdbc(file)) {
            assertEquals("3", text(c, "SELECT value FROM p2psim_meta WHERE key = 'schema_version'"));
            assertEquals("a.jpg", text(c, "SELECT name FROM files"));
            assertEquals("ok", text(c, "PRAGMA integrity_check"));
        }
    }

    @Test
    void upgradesAVersion2StoreInPlaceAddingTheAuthGraph() throws Exception {
        Path file = dir.resolve("v2.sqlite");
        try (Connection c = Events.jdbc(file); Statement st = c.createStatement()) {
            Schema.create(c, "bob", 2);
            st.executeUpdate("INSERT INTO events VALUES (1, '" + Events.id(1) + "', 'general', 5, 6, x'cafe')");
            st.executeUpdate("INSERT INTO message_index VALUES ('" + Events.id(1) + "', 'general', 'alice', 5, 'kept', NULL, 1, NULL)");
        }
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals(1, store.size());
            store.insert(event(2, null, 9), List.of(new AuthRow(Events.id(2), Events.id(8), "join", "bob", 9, Events.id(9),
                    Events.id(7))));
            assertEquals("kept", store.query("SELECT body FROM message_index").stringColumn("body").get(0));
        }
        try (Connection c = Events.jdbc(file)) {
            assertEquals("3", text(c, "SELECT value FROM p2psim_meta WHERE key = 'schema_version'"));
            assertEquals("join|bob|" + Events.id(8) + "|" + Events.id(7), text(c,
                    "SELECT action || '|' || author_user || '|' || subject || '|' || invite_id FROM auth_graph"));
            assertEquals("ok", text(c, "PRAGMA integrity_check"));
        }
    }

    @Test
    void refusesAVersion2StoreMissingATableWithoutChangingIt() throws Exception {
        Path file = dir.resolve("damaged.sqlite");
        try (Connection c = Events.jdbc(file); Statement st = c.createStatement()) {
            Schema.create(c, "bob", 2);
            st.execute("DROP TABLE file_chunks");
        }
        assertRefused(file, file + " is a damaged p2psim device store (table file_chunks is missing)");
        try (Connection c = Events.jdbc(file)) {
            assertEquals("2", text(c, "SELECT value FROM p2psim_meta WHERE key = 'schema_version'"));
        }
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("nowhere.sqlite");
        var e = assertThrows(StoreException.class, () -> DeviceStore.open(file));
        assertEquals(file + " does not exist", e.getMessage());
        assertFalse(Files.exists(file));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path foreignDatabase(String name, String... statements) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = Events.jdbc(file); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return file;
    }

    /** open() fails with exactly this message, and leaves the file and its directory as they were. */
    private void assertRefused(Path file, String message) throws Exception {
        byte[] before = Files.readAllBytes(file);
        List<Path> siblings = listDir(file.getParent());
        var e = assertThrows(StoreException.class, () -> DeviceStore.open(file));
        assertEquals(message, e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the foreign file was modified");
        assertEquals(siblings, listDir(file.getParent()), "open left files behind");
        // and openOrCreate does not treat it as absent
        var again = assertThrows(StoreException.class, () -> DeviceStore.openOrCreate(file, "bob"));
        assertEquals(message, again.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    private static List<Path> listDir(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
