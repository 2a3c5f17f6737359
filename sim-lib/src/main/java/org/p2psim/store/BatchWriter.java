package org.p2psim.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The write-behind half of a store: the single writing connection, its prepared inserts, and the
 * events (with their derived rows) not yet in the file. A batch is written in one transaction when
 * {@code batchSize} events are pending or on {@link #writePending}; the events table first, then
 * message_index, files, file_chunks and auth_graph, each in the order the events arrived.
 */
final class BatchWriter {
    private static final String INSERT_EVENT = "INSERT INTO events"
            + "(arrival_seq, event_id, channel_id, authored_ts, received_ts, ciphertext) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MESSAGE = "INSERT INTO message_index"
            + "(event_id, channel_id, author, authored_ts, body, reply_to, arrival_seq, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    // A second meta event for a file id, or chunk event under a tag, already held is ignored (the
    // first stays): never a failed batch.
    private static final String INSERT_FILE = "INSERT OR IGNORE INTO files(file_id, event_id, channel_id, author, authored_ts,"
            + " name, mime, size, chunk_count, content_hash, file_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CHUNK = "INSERT OR IGNORE INTO file_chunks(tag, file_id, chunk_index, event_id, bytes)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_AUTH = "INSERT INTO auth_graph(event_id, subject, action, author_user, ts, author_device,"
            + " invite_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private record Pending(EventIndex.Entry entry, List<IndexRow> rows) {}

    private final Path file;
    private final int batchSize;
    private final Connection writer;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertMessage;
    private final PreparedStatement insertFile;
    private final PreparedStatement insertChunk;
    private final PreparedStatement insertAuth;
    private final List<Pending> pending = new ArrayList<>();

    BatchWriter(Path file, Connection writer, int batchSize) throws SQLException {
        this.file = file;
        this.batchSize = batchSize;
        this.writer = writer;
        this.insertEvent = writer.prepareStatement(INSERT_EVENT);
        this.insertMessage = writer.prepareStatement(INSERT_MESSAGE);
        this.insertFile = writer.prepareStatement(INSERT_FILE);
        this.insertChunk = writer.prepareStatement(INSERT_CHUNK);
        this.insertAuth = writer.prepareStatement(INSERT_AUTH);
    }

    int batchSize() {
        return batchSize;
    }

    int pendingCount() {
        return pending.size();
    }

    /** Queues a new event with its rows; writes the batch when it is full. */
    void add(EventIndex.Entry entry, List<IndexRow> rows) {
        pending.add(new Pending(entry, rows));
        if (pending.size() >= batchSize) {
            writePending();
        }
    }

    /**
     * Writes every pending row in one transaction. On failure the transaction is rolled back and
     * the rows stay pending, so a later call retries them.
     */
    void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        boolean written = false;
        try {
            writer.setAutoCommit(false);
            for (Pending p : pending) {
                addEvent(p.entry);
                for (IndexRow row : p.rows) {
                    addRow(row, p.entry.seq());
                }
            }
            insertEvent.executeBatch();
            insertMessage.executeBatch();
            insertFile.executeBatch();
            insertChunk.executeBatch();
            insertAuth.executeBatch();
            writer.commit();
            pending.clear();
            written = true;
        } catch (SQLException e) {
            abandonTransaction();
            throw new StoreException(file + ": could not write " + pending.size() + " pending events: "
                    + e.getMessage(), e);
        } finally {
            restoreAutoCommit(written);
        }
    }

    private void addEvent(EventIndex.Entry entry) throws SQLException {
        StoredEvent e = entry.event();
        addBatch(insertEvent, entry.seq(), e.eventId(), e.channelId(), e.authoredTs(), e.receivedTs(), e.ciphertext());
    }

    private void addRow(IndexRow row, long seq) throws SQLException {
        if (row instanceof MessageRow m) {
            addBatch(insertMessage, m.eventId(), m.channelId(), m.authorDeviceId(), m.authoredTs(), m.body(),
                    m.replyTo(), seq, m.fileId());
        } else if (row instanceof FileRow f) {
            addBatch(insertFile, f.fileId(), f.eventId(), f.channelId(), f.authorDeviceId(), f.authoredTs(),
                    f.name(), f.mime(), f.size(), f.chunkCount(), f.contentHash(), f.fileKey());
        } else if (row instanceof ChunkRow c) {
            addBatch(insertChunk, c.tag(), c.fileId(), c.chunkIndex(), c.eventId(), c.bytes());
        } else if (row instanceof AuthRow a) {
            addBatch(insertAuth, a.eventId(), a.subject(), a.action(), a.authorUser(), a.ts(), a.authorDeviceId(),
                    a.inviteId());
        }
    }

    /** Binds {@code values} to the parameters 1..n by their Java type and adds the row to the batch. */
    private static void addBatch(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int p = i + 1;
            Object v = values[i];
            if (v == null) {
                statement.setNull(p, Types.NULL);
            } else if (v instanceof String s) {
                statement.setString(p, s);
            } else if (v instanceof Long l) {
                statement.setLong(p, l);
            } else if (v instanceof Integer n) {
                statement.setInt(p, n);
            } else if (v instanceof byte[] bytes) {
                statement.setBytes(p, bytes);
            } else {
                throw new IllegalArgumentException("no SQL binding for " + v.getClass());
            }
        }
        statement.addBatch();
    }

    private void abandonTransaction() {
        try {
            insertEvent.clearBatch();
            insertMessage.clearBatch();
            insertFile.clearBatch();
            insertChunk.clearBatch();
            insertAuth.clearBatch();
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    // Only reports its own failure when no earlier one is already on its way out.
    private void restoreAutoCommit(boolean written) {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            if (written) {
                throw new StoreException(file + ": could not end the write transaction: " + e.getMessage(), e);
            }
        }
    }

    /** Logical size of the database: page_count × page_size (pending rows written first). */
    long databaseBytes() {
        writePending();
        try (Statement st = writer.createStatement();
             ResultSet rs = st.executeQuery("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot read the database size: " + e.getMessage(), e);
        }
    }

    List<AutoCloseable> statements() {
        return List.of(insertEvent, insertMessage, insertFile, insertChunk, insertAuth);
    }

    Connection connection() {
        return writer;
    }
}
