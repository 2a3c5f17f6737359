package org.p2psim.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The life of a store file on disk: JDBC connections with the settings every store connection
 * needs, the claim that keeps one open store per file in this process, creating, copying
 * ({@code VACUUM INTO}), deleting and measuring it.
 */
final class StoreFile {
    /** Files held by an open store of this process: two writers on one file would clash on arrival_seq. */
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();

    private StoreFile() {}

    // ---------------------------------------------------------------- connections

    /**
     * Page cache of every store connection, in KiB (SQLite's default is 2000): a run holds one
     * writer per device, so the default cache alone would cost 2 MB a device. Our reads are few and
     * go through the in-memory index; only speed, never a result, depends on this.
     */
    static final int CACHE_KIB = 256;

    /**
     * The single writing connection: WAL, synchronous=NORMAL, foreign keys enforced. Statement
     * journals live in memory: the message_index trigger that feeds full-text search makes every
     * message insert open one, and a temp file per statement slowed message inserts noticeably.
     */
    static Connection openWriter(Path file, boolean mayCreate) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.enforceForeignKeys(true);
        config.setCacheSize(-CACHE_KIB);
        if (!mayCreate) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return config.createConnection(url(file));
    }

    /** A read-only connection: used to validate foreign files and to answer queries; it never writes. */
    static Connection openReader(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setCacheSize(-CACHE_KIB);
        return config.createConnection(url(file));
    }

    /**
     * A read-only connection for validating a file that may not be ours. When no log or journal
     * lies beside it (nobody is mid-write), it is opened {@code immutable}: SQLite then takes no
     * locks and creates no {@code -wal}/{@code -shm} files next to it, so a refused file's
     * directory is left exactly as it was. Otherwise the log must be read, so it opens normally.
     */
    static Connection openValidator(Path file) throws SQLException {
        if (Files.exists(sibling(file, "-wal")) || Files.exists(sibling(file, "-journal"))) {
            return openReader(file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
    }

    /**
     * A read-only connection to a file that is not opened through this connection's store: a file an
     * open store of this process holds is read normally (its log is live), any other one as a validator.
     */
    static Connection openForeign(Path file) throws SQLException {
        return OPEN_FILES.contains(file.toAbsolutePath().normalize()) ? openReader(file) : openValidator(file);
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file;
    }

    // ---------------------------------------------------------------- the claim

    /** Claims {@code file} for one store of this process and opens it with {@code opener} (given the claim key). */
    static <T> T claimed(Path file, Function<Path, T> opener) {
        Objects.requireNonNull(file, "file");
        Path key = file.toAbsolutePath().normalize();
        if (!OPEN_FILES.add(key)) {
            throw new StoreException(file + " is already open in another DeviceStore of this process");
        }
        try {
            return opener.apply(key);
        } catch (RuntimeException | Error e) {
            OPEN_FILES.remove(key);
            throw e;
        }
    }

    static void release(Path key) {
        OPEN_FILES.remove(key);
    }

    // ---------------------------------------------------------------- create, copy, delete, measure

    static void createEmpty(Path file) {
        try {
            createParent(file);
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(file + " already exists; use DeviceStore.open or openOrCreate to use it");
        } catch (IOException e) {
            throw new StoreException(file + " cannot be created: " + e, e);
        }
    }

    /** Writes the database behind {@code c} to the new file {@code target} as one consistent snapshot. */
    static void vacuumInto(Connection c, Path target) {
        if (Files.exists(target)) {
            throw new StoreException(target + " already exists; a store is copied only to a new file");
        }
        try {
            createParent(target);
        } catch (IOException e) {
            throw new StoreException(target + " cannot be created: " + e, e);
        }
        try (PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, target.toAbsolutePath().toString());
            st.execute();
        } catch (SQLException e) {
            deleteQuietly(target);
            throw new StoreException(target + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** The database file plus its write-ahead log, in bytes. */
    static long sizeOnDisk(Path file) {
        return sizeOf(file) + sizeOf(sibling(file, "-wal"));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new StoreException(p + ": cannot read its size: " + e, e);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // already failing; the caller reports the first error
        }
    }

    static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(sibling(file, suffix));
            } catch (IOException ignored) {
                // best effort: the creation error is what the caller needs
            }
        }
    }
}
