package org.p2psim.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Schema version 3 of a device store: creating it, recognising it in an existing file, and
 * upgrading a version-1 or version-2 store in place.
 *
 * <p>Version 2 adds files: {@code message_index.file_id} (the message that shares a file), the
 * {@code files} table (one row per file-meta event) and {@code file_chunks} (one row per chunk
 * event, keyed by the chunk's pseudorandom tag). Version 3 adds {@code auth_graph} (one row per
 * grant event: invites, joins, device authorisations; seed 000). An upgrade only adds: nothing
 * stored is changed.
 */
final class Schema {
    static final int VERSION = 3;
    static final String FORMAT = "p2psim-device-store";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> REQUIRED_TABLES_V1 = List.of("events", "message_index", "message_fts");
    private static final List<String> REQUIRED_TABLES_V2 = List.of("events", "message_index", "message_fts", "files", "file_chunks");
    private static final List<String> REQUIRED_TABLES = List.of("events", "message_index", "message_fts", "files", "file_chunks",
            "auth_graph");

    // message_index.arrival_seq mirrors events.arrival_seq. It is the FTS rowid: an implicit rowid
    // would do, but VACUUM may renumber implicit rowids and silently break the external-content index.
    private static final List<String> DDL_V1 = List.of(
            "CREATE TABLE p2psim_meta(key TEXT PRIMARY KEY, value TEXT)",
            """
            CREATE TABLE events(
              arrival_seq INTEGER PRIMARY KEY,
              event_id    TEXT    NOT NULL UNIQUE,
              channel_id  TEXT,
              authored_ts INTEGER NOT NULL,
              received_ts INTEGER NOT NULL,
              ciphertext  BLOB    NOT NULL)""",
            "CREATE INDEX events_channel_authored ON events(channel_id, authored_ts)",
            """
            CREATE TABLE message_index(
              event_id    TEXT PRIMARY KEY REFERENCES events(event_id),
              channel_id  TEXT NOT NULL,
              author      TEXT NOT NULL,
              authored_ts INTEGER NOT NULL,
              body        TEXT NOT NULL,
              reply_to    TEXT,
              arrival_seq INTEGER NOT NULL UNIQUE)""",
            "CREATE INDEX message_index_channel_authored ON message_index(channel_id, authored_ts, event_id)",
            "CREATE VIRTUAL TABLE message_fts USING fts5(body, content='message_index', content_rowid='arrival_seq')",
            """
            CREATE TRIGGER message_index_ai AFTER INSERT ON message_index BEGIN
              INSERT INTO message_fts(rowid, body) VALUES (new.arrival_seq, new.body);
            END""",
            """
            CREATE TRIGGER message_index_ad AFTER DELETE ON message_index BEGIN
              INSERT INTO message_fts(message_fts, rowid, body) VALUES ('delete', old.arrival_seq, old.body);
            END""",
            """
            CREATE TRIGGER message_index_au AFTER UPDATE ON message_index BEGIN
              INSERT INTO message_fts(message_fts, rowid, body) VALUES ('delete', old.arrival_seq, old.body);
              INSERT INTO message_fts(rowid, body) VALUES (new.arrival_seq, new.body);
            END""");

    // file_chunks.file_id has no foreign key: a chunk often arrives before its file's meta event.
    // A chunk's tag can only be checked against the file key once the meta is there (on download).
    private static final List<String> UPGRADE_TO_V2 = List.of(
            "ALTER TABLE message_index ADD COLUMN file_id TEXT",
            """
            CREATE TABLE files(
              file_id      TEXT    PRIMARY KEY,
              event_id     TEXT    NOT NULL UNIQUE REFERENCES events(event_id),
              channel_id   TEXT    NOT NULL,
              author       TEXT    NOT NULL,
              authored_ts  INTEGER NOT NULL,
              name         TEXT    NOT NULL,
              mime         TEXT    NOT NULL,
              size         INTEGER NOT NULL,
              chunk_count  INTEGER NOT NULL,
              content_hash TEXT    NOT NULL,
              file_key     BLOB    NOT NULL)""",
            "CREATE INDEX files_authored ON files(authored_ts, file_id)",
            """
            CREATE TABLE file_chunks(
              tag         TEXT    PRIMARY KEY,
              file_id     TEXT    NOT NULL,
              chunk_index INTEGER NOT NULL,
              event_id    TEXT    NOT NULL UNIQUE REFERENCES events(event_id),
              bytes       BLOB    NOT NULL)""",
            "CREATE INDEX file_chunks_file ON file_chunks(file_id, chunk_index)");

    // The seed's columns (event_id, subject, action, author_user, ts), then the author device and,
    // for a join, the invite it used.
    private static final List<String> UPGRADE_TO_V3 = List.of(
            """
            CREATE TABLE auth_graph(
              event_id      TEXT    PRIMARY KEY REFERENCES events(event_id),
              subject       TEXT    NOT NULL,
              action        TEXT    NOT NULL,
              author_user   TEXT    NOT NULL,
              ts            INTEGER NOT NULL,
              author_device TEXT    NOT NULL,
              invite_id     TEXT)""",
            "CREATE INDEX auth_graph_subject ON auth_graph(subject, ts)");

    private Schema() {}

    /**
     * Creates every table of an empty database in one transaction and records the meta keys: the
     * version-1 tables, then the upgrades to versions 2 and 3, so a new store and an upgraded one are alike.
     */
    static void create(Connection c, String deviceName) throws SQLException {
        create(c, deviceName, VERSION);
    }

    /** As {@link #create(Connection, String)}, at an older {@code version} (to test upgrades). */
    static void create(Connection c, String deviceName, int version) throws SQLException {
        inTransaction(c, st -> {
            for (String ddl : DDL_V1) {
                st.execute(ddl);
            }
            addVersions(st, 1, version);
            try (PreparedStatement meta = c.prepareStatement("INSERT INTO p2psim_meta(key, value) VALUES (?, ?)")) {
                putMeta(meta, "format", FORMAT);
                putMeta(meta, "schema_version", Integer.toString(version));
                putMeta(meta, "device", deviceName);
            }
        });
    }

    /**
     * Brings a validated store to {@link #VERSION} on its writing connection, in one transaction;
     * returns whether it had to. Version 1 gains the file tables and {@code message_index.file_id};
     * versions 1 and 2 gain {@code auth_graph}.
     */
    static boolean upgrade(Connection c) throws SQLException {
        int version;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM p2psim_meta WHERE key = 'schema_version'")) {
            version = rs.next() ? Integer.parseInt(rs.getString(1)) : VERSION;
        }
        if (version == VERSION) {
            return false;
        }
        inTransaction(c, st -> {
            addVersions(st, version, VERSION);
            st.executeUpdate("UPDATE p2psim_meta SET value = '" + VERSION + "' WHERE key = 'schema_version'");
        });
        return true;
    }

    /** Work on a statement of {@code c}, inside one transaction. */
    @FunctionalInterface
    private interface SchemaWork {
        void run(Statement st) throws SQLException;
    }

    /** Runs {@code work} in one transaction on {@code c}: committed, or rolled back and rethrown. */
    private static void inTransaction(Connection c, SchemaWork work) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            work.run(st);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Runs the upgrades from version {@code from} to version {@code to}. */
    private static void addVersions(Statement st, int from, int to) throws SQLException {
        List<List<String>> upgrades = List.of(UPGRADE_TO_V2, UPGRADE_TO_V3); // to version 2, to version 3
        for (int v = from + 1; v <= to; v++) {
            for (String ddl : upgrades.get(v - 2)) {
                st.execute(ddl);
            }
        }
    }

    private static void putMeta(PreparedStatement meta, String key, String value) throws SQLException {
        meta.setString(1, key);
        meta.setString(2, value);
        meta.executeUpdate();
    }

    /**
     * Checks that {@code file} is a device store this build reads, touching it only through a
     * read-only connection ({@link StoreFile#openValidator}), and returns its device name.
     */
    static String validate(Path file) {
        requireSqliteHeader(file);
        try (Connection c = StoreFile.openValidator(file)) {
            Set<String> tables = tableNames(c);
            if (!tables.contains("p2psim_meta")) {
                throw notAStore(file, "no p2psim_meta table; " + describe(tables));
            }
            Map<String, String> meta = readMeta(file, c);
            requireFormat(file, meta);
            int version = requireVersion(file, meta);
            for (String table : version == 1 ? REQUIRED_TABLES_V1 : version == 2 ? REQUIRED_TABLES_V2 : REQUIRED_TABLES) {
                if (!tables.contains(table)) {
                    throw new StoreException(file + " is a damaged p2psim device store (table " + table + " is missing)");
                }
            }
            return requireDevice(file, meta);
        } catch (SQLException e) {
            throw new StoreException(file + " is not a readable SQLite database: " + e.getMessage(), e);
        }
    }

    // Checked by hand so that SQLite never opens a file that is not even SQLite.
    private static void requireSqliteHeader(Path file) {
        if (!Files.exists(file)) {
            throw new StoreException(file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + " is not a regular file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new StoreException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw notAStore(file, "the file is empty");
        }
        if (!Arrays.equals(head, SQLITE_HEADER)) {
            throw new StoreException(file + " is not an SQLite database (it does not start with the SQLite header)");
        }
    }

    private static Set<String> tableNames(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String describe(Set<String> tables) {
        if (tables.isEmpty()) {
            return "the database has no tables";
        }
        List<String> shown = tables.stream().limit(5).toList();
        return "its tables are " + String.join(", ", shown) + (tables.size() > shown.size() ? ", …" : "");
    }

    private static Map<String, String> readMeta(Path file, Connection c) {
        Map<String, String> meta = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT key, value FROM p2psim_meta")) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw notAStore(file, "its p2psim_meta table cannot be read: " + e.getMessage());
        }
        return meta;
    }

    private static void requireFormat(Path file, Map<String, String> meta) {
        String format = meta.get("format");
        if (!FORMAT.equals(format)) {
            throw notAStore(file, format == null
                    ? "p2psim_meta has no format key"
                    : "p2psim_meta says format '" + format + "', expected '" + FORMAT + "'");
        }
    }

    /** The store's schema version: {@link #VERSION}, or 1 or 2, which opening upgrades. */
    private static int requireVersion(Path file, Map<String, String> meta) {
        String version = meta.get("schema_version");
        if (version == null) {
            throw new StoreException(file + " is a damaged p2psim device store (p2psim_meta has no schema_version)");
        }
        for (int v = 1; v <= VERSION; v++) {
            if (version.equals(Integer.toString(v))) {
                return v;
            }
        }
        throw new StoreException(file + " was written by p2psim store schema version " + version
                + "; this build reads version " + VERSION + " (and upgrades versions 1 and 2)");
    }

    private static String requireDevice(Path file, Map<String, String> meta) {
        String device = meta.get("device");
        if (device == null || device.isBlank()) {
            throw new StoreException(file + " is a damaged p2psim device store (p2psim_meta has no device name)");
        }
        return device;
    }

    private static StoreException notAStore(Path file, String why) {
        return new StoreException(file + " is not a p2psim device store (" + why + ")");
    }
}
