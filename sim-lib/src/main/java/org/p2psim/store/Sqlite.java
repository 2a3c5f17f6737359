package org.p2psim.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens JDBC connections to a store file with the settings every store connection needs. */
final class Sqlite {
    private Sqlite() {}

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

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file;
    }
}
