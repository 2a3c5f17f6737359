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
            assertEquals("1", text(c, "SELECT value FROM p2psim_meta WHERE key = 'schema_version'"));
            assertEquals("bob", text(c, "SELECT value FROM p2psim_meta WHERE key = 'device'"));
            assertEquals("events_channel_authored,message_index_channel_authored", text(c,
                    "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index'"
                            + " AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name)"));
            assertEquals("ok", text(c, "PRAGMA integrity_check"));
        }
        assertFalse(Files.exists(dir.resolve("bob.sqlite-wal")), "close checkpoints the log into the file");
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
        byte[] before = Files.readAllBytes(file);
        var e = assertThrows(StoreException.class, () -> DeviceStore.open(file));
        assertEquals(file + " was written by p2psim store schema version 7; this build reads version 1", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertThrows(StoreException.class, () -> DeviceStore.openOrCreate(file, "bob"));
        assertArrayEquals(before, Files.readAllBytes(file));
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
        List<Path> siblings = listDir();
        var e = assertThrows(StoreException.class, () -> DeviceStore.open(file));
        assertEquals(message, e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the foreign file was modified");
        assertEquals(siblings, listDir(), "open left files behind");
        // and openOrCreate does not treat it as absent
        var again = assertThrows(StoreException.class, () -> DeviceStore.openOrCreate(file, "bob"));
        assertEquals(message, again.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    private List<Path> listDir() throws Exception {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
