package org.p2psim.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Random;

/** Test data: deterministic events and a plain-JDBC look at a store file. */
final class Events {
    private Events() {}

    static String id(int n) {
        return String.format("%032x", n);
    }

    /** Event n with a ciphertext of 20..69 bytes drawn from a Random seeded by n. */
    static StoredEvent event(int n, String channel, long authoredTs) {
        Random random = new Random(n);
        byte[] ciphertext = new byte[20 + random.nextInt(50)];
        random.nextBytes(ciphertext);
        return new StoredEvent(id(n), channel, authoredTs, 1_000L * n, ciphertext);
    }

    static StoredEvent event(int n) {
        return event(n, n % 3 == 0 ? null : "channel-" + (n % 4), 7_000_000_000L * n - 50);
    }

    static MessageRow message(StoredEvent e, String author, String body) {
        return new MessageRow(e.eventId(), e.channelId(), author, e.authoredTs(), body, null);
    }

    /** A plain sqlite-jdbc connection, as any tool would open the file. */
    static Connection jdbc(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static long scalar(Path file, String sql) throws SQLException {
        try (Connection c = jdbc(file); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
