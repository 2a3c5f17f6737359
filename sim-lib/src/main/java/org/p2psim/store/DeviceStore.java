package org.p2psim.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The SQLite file of one device, with an in-memory cache of its events and a write-behind buffer.
 *
 * <p>Inserts land in memory at once ({@link #contains}, {@link #size}, {@link #get} see them) and
 * reach the file in one transaction per batch: when {@code batchSize} rows are pending, or on
 * {@link #flush}, {@link #query}, {@link #sizeOnDiskBytes} and {@link #close}. Not thread-safe: one
 * simulation thread owns a store.
 *
 * <p>A façade over four collaborators: {@link StoreFile} (the file's life: claim, create, copy,
 * connections), {@link EventIndex} (memory), {@link BatchWriter} (the write-behind batch) and
 * {@link StoreReader} (SQL reads).
 */
public final class DeviceStore implements AutoCloseable {
    public static final int DEFAULT_BATCH_SIZE = 512;

    /** Sets the parameters of a prepared statement. */
    @FunctionalInterface
    public interface Binder {
        Binder NONE = ps -> {};

        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns the current row of a result set into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Path file;
    private final Path openKey;
    private final String deviceName;
    private final EventIndex index;
    private final BatchWriter writer;
    private final StoreReader reader;
    private boolean closed;

    private DeviceStore(Path file, Path openKey, String deviceName, int batchSize, Connection writer,
                        List<EventIndex.Entry> stored) throws SQLException {
        this.file = file;
        this.openKey = openKey;
        this.deviceName = deviceName;
        this.writer = new BatchWriter(file, writer, batchSize);
        this.reader = new StoreReader(file, deviceName, this.writer);
        this.index = new EventIndex(stored);
    }

    // ---------------------------------------------------------------- opening

    /** Creates a new store file (and its parent directories); refuses a file that already exists. */
    public static DeviceStore create(Path file, String deviceName) {
        return create(file, deviceName, DEFAULT_BATCH_SIZE);
    }

    /** As {@link #create(Path, String)}, writing pending rows every {@code batchSize} inserts. */
    public static DeviceStore create(Path file, String deviceName, int batchSize) {
        requireDeviceName(deviceName);
        requireBatchSize(batchSize);
        return StoreFile.claimed(file, key -> createClaimed(file, key, deviceName, batchSize));
    }

    /** Opens an existing p2psim store; anything else is refused with a {@link StoreException} and left untouched. */
    public static DeviceStore open(Path file) {
        return open(file, DEFAULT_BATCH_SIZE);
    }

    /** As {@link #open(Path)}, writing pending rows every {@code batchSize} inserts. */
    public static DeviceStore open(Path file, int batchSize) {
        requireBatchSize(batchSize);
        return StoreFile.claimed(file, key -> openClaimed(file, key, batchSize));
    }

    /**
     * Runs one reading SQL statement ({@link ReadOnlySql}) on the store file {@code file} of a finished
     * run directory, without opening a {@link DeviceStore}. A file that is not a p2psim device store
     * is refused untouched; it is read through a read-only connection ({@code immutable} when no log
     * lies beside it). Result columns as in {@link #query(String)}; errors raise a {@link StoreException}
     * with SQLite's message and the query. Rows an open store has not flushed yet are not visible.
     */
    public static Table queryFile(Path file, String sql) {
        return StoreReader.queryFile(file, sql, ReadOnlySql.Limits.DEFAULT).table();
    }

    /** As {@link #queryFile(Path, String)}, keeping at most {@code limits.maxRows()} rows, within its time limit. */
    public static ReadOnlySql.Rows queryFile(Path file, String sql, ReadOnlySql.Limits limits) {
        return StoreReader.queryFile(file, sql, limits);
    }

    /**
     * The device name recorded in the store file {@code file}, after checking (read-only) that it is
     * a p2psim device store this build reads; anything else is refused with a {@link StoreException}.
     */
    public static String deviceNameOf(Path file) {
        Objects.requireNonNull(file, "file");
        return Schema.validate(file);
    }

    /**
     * Creates the store {@code file} of {@code deviceName} as a copy of the existing store
     * {@code source}: how a device starts from another run's store. {@code source} is checked first
     * and left untouched; a file that is not a p2psim device store, or is the store of another
     * device, is refused with a {@link StoreException}. {@code file} must not exist yet.
     */
    public static DeviceStore createFrom(Path source, Path file, String deviceName) {
        requireDeviceName(deviceName);
        String owner = deviceNameOf(source);
        if (!owner.equals(deviceName)) {
            throw new StoreException(source + " is the store of device '" + owner + "', not '" + deviceName
                    + "'; a device starts only from its own store");
        }
        if (Files.exists(file)) {
            throw new StoreException(file + " already exists; a store is copied only to a new file");
        }
        copyFile(source, file);
        return open(file);
    }

    /**
     * Copies the store file {@code source} to the new file {@code target} (and its parent
     * directories) as one consistent SQLite snapshot, pending log included, through a read-only
     * connection: {@code source} is checked first and left untouched. Refuses a file that is not a
     * p2psim device store, and a {@code target} that exists.
     */
    public static void copyFile(Path source, Path target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Schema.validate(source);
        try (Connection c = StoreFile.openForeign(source)) {
            StoreFile.vacuumInto(c, target);
        } catch (SQLException e) {
            throw new StoreException(source + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Copies this store, pending rows included, to the new file {@code target} (and its parent
     * directories) as one consistent SQLite snapshot; the copy opens with {@link #open}.
     */
    public void exportTo(Path target) {
        requireOpen();
        Objects.requireNonNull(target, "target");
        reader.exportTo(target);
    }

    /** Opens the store if the file exists (it must belong to {@code deviceName}), else creates it. */
    public static DeviceStore openOrCreate(Path file, String deviceName) {
        return openOrCreate(file, deviceName, DEFAULT_BATCH_SIZE);
    }

    /** As {@link #openOrCreate(Path, String)}, writing pending rows every {@code batchSize} inserts. */
    public static DeviceStore openOrCreate(Path file, String deviceName, int batchSize) {
        requireDeviceName(deviceName);
        if (!Files.exists(file)) {
            return create(file, deviceName, batchSize);
        }
        DeviceStore store = open(file, batchSize);
        if (!store.deviceName.equals(deviceName)) {
            store.close();
            throw new StoreException(file + " is the store of device '" + store.deviceName + "', not '"
                    + deviceName + "'");
        }
        return store;
    }

    private static DeviceStore createClaimed(Path file, Path key, String deviceName, int batchSize) {
        StoreFile.createEmpty(file);
        Connection c = null;
        try {
            c = StoreFile.openWriter(file, false);
            Schema.create(c, deviceName);
            return new DeviceStore(file, key, deviceName, batchSize, c, List.of());
        } catch (SQLException e) {
            StoreFile.closeQuietly(c);
            StoreFile.deleteQuietly(file); // we made it; a half-made store must not be left behind
            throw new StoreException(file + " cannot be created as a device store: " + e.getMessage(), e);
        }
    }

    /** SQLite is the truth: the in-memory index is rebuilt from the file. */
    private static DeviceStore openClaimed(Path file, Path key, int batchSize) {
        String deviceName = Schema.validate(file);
        Connection c = null;
        try {
            c = StoreFile.openWriter(file, false);
            Schema.upgrade(c);
            return new DeviceStore(file, key, deviceName, batchSize, c, EventIndex.load(file, c));
        } catch (SQLException e) {
            StoreFile.closeQuietly(c);
            throw new StoreException(file + " cannot be read as a device store: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            StoreFile.closeQuietly(c);
            throw e;
        }
    }

    // ---------------------------------------------------------------- identity

    public Path file() {
        return file;
    }

    public String deviceName() {
        return deviceName;
    }

    public int batchSize() {
        return writer.batchSize();
    }

    // ---------------------------------------------------------------- writing

    /** Stores the event unless one with its id is already stored; never overwrites, never throws on a duplicate. */
    public InsertOutcome insert(StoredEvent event) {
        return add(event, List.of());
    }

    /**
     * As {@link #insert(StoredEvent)}, and when the event is new also fills {@code message_index}
     * (and so the full-text index). The message must carry the event's id and channel.
     */
    public InsertOutcome insert(StoredEvent event, MessageRow message) {
        Objects.requireNonNull(message, "message (use insert(event) for an event without one)");
        return add(event, List.of(message));
    }

    /**
     * As {@link #insert(StoredEvent)}, and when the event is new also fills the derived views with
     * {@code rows} ({@code message_index}, {@code files}, {@code file_chunks}, {@code auth_graph}), in the same
     * transaction as the event. Every row must name the event; a message row must carry its channel.
     */
    public InsertOutcome insert(StoredEvent event, List<? extends IndexRow> rows) {
        Objects.requireNonNull(rows, "rows");
        return add(event, List.copyOf(rows));
    }

    private InsertOutcome add(StoredEvent event, List<IndexRow> rows) {
        requireOpen();
        Objects.requireNonNull(event, "event");
        for (IndexRow row : rows) {
            requireSameEvent(event, row);
        }
        if (index.contains(event.eventId())) {
            return InsertOutcome.DUPLICATE;
        }
        writer.add(index.append(event), rows);
        return InsertOutcome.INSERTED;
    }

    private static void requireSameEvent(StoredEvent event, IndexRow row) {
        if (!row.eventId().equals(event.eventId())) {
            String what = row instanceof MessageRow ? "message" : row instanceof FileRow ? "file row"
                    : row instanceof ChunkRow ? "chunk row" : "auth_graph row";
            throw new IllegalArgumentException(what + " is for event " + row.eventId() + " but the event is "
                    + event.eventId());
        }
        if (row instanceof MessageRow message && !message.channelId().equals(event.channelId())) {
            throw new IllegalArgumentException("message of event " + event.eventId() + " is in channel '"
                    + message.channelId() + "' but the event is in channel '" + event.channelId() + "'");
        }
    }

    /** Writes every pending row in one transaction. */
    public void flush() {
        requireOpen();
        writer.writePending();
    }

    // ---------------------------------------------------------------- reading (from memory)

    /** From now on, events this store takes share their id and bytes with the other stores of {@code pool}. */
    public DeviceStore shareWith(StoredEvent.Pool pool) {
        index.shareWith(pool);
        return this;
    }

    /** Whether an event with this id is stored (pending rows included). O(1), no SQL. */
    public boolean contains(String eventId) {
        requireOpen();
        return index.contains(eventId);
    }

    /** Number of stored events, pending rows included. */
    public int size() {
        requireOpen();
        return index.size();
    }

    /**
     * Event ids in arrival order (arrival_seq). A snapshot taken in O(1): later inserts do not
     * show in it; it cannot be modified.
     */
    public List<String> eventIdsInArrivalOrder() {
        requireOpen();
        return index.eventIds();
    }

    /** The stored event with this id, or null. Its ciphertext array is shared with the cache: do not modify it. */
    public StoredEvent get(String eventId) {
        requireOpen();
        return index.get(eventId);
    }

    /** Every stored event in arrival order; a snapshot taken in O(1), like {@link #eventIdsInArrivalOrder()}. */
    public List<StoredEvent> events() {
        requireOpen();
        return index.events();
    }

    /**
     * Ids of events with {@code authoredTs >= since}, newest authored first (ties: larger
     * arrival_seq first), at most {@code limit} of them. Costs O(limit · log n).
     */
    public List<String> authoredSince(long since, int limit) {
        requireOpen();
        return index.authoredSince(since, limit);
    }

    // ---------------------------------------------------------------- reading (SQL)

    /**
     * Runs one SQL statement on a separate read-only connection (pending rows are flushed first)
     * and returns its rows. Integer columns become LongColumns, reals DoubleColumns, text and mixed
     * columns StringColumns, blobs lowercase hex. Errors, and any attempt to write, raise a
     * {@link StoreException} carrying SQLite's message and the query.
     */
    public Table query(String sql) {
        return query(sql, ReadOnlySql.Limits.DEFAULT).table();
    }

    /** As {@link #query(String)}, within {@code limits} (rows kept while streaming, time); one reading statement only. */
    public ReadOnlySql.Rows query(String sql, ReadOnlySql.Limits limits) {
        requireOpen();
        return reader.query(sql, limits);
    }

    /**
     * Runs one read through a prepared statement, kept for the next call with the same SQL text,
     * on the read-only connection (pending rows are written first), and maps every row. This is how
     * the client answers its queries: bind parameters, never SQL assembled from values.
     */
    public <T> List<T> select(String sql, Binder binder, RowReader<T> rows) {
        requireOpen();
        return reader.select(sql, binder, rows);
    }

    /**
     * Bytes the store occupies on disk now: the database file plus its write-ahead log (pending
     * rows are flushed first). The log is checkpointed into the file as it grows and on close.
     */
    public long sizeOnDiskBytes() {
        if (!closed) {
            writer.writePending();
        }
        return StoreFile.sizeOnDisk(file);
    }

    /**
     * Logical size of the database (page_count × page_size, pending rows flushed first): unlike
     * {@link #sizeOnDiskBytes()} it does not depend on when the log was last checkpointed.
     */
    public long databaseBytes() {
        requireOpen();
        return writer.databaseBytes();
    }

    // ---------------------------------------------------------------- closing

    /** Writes pending rows and releases the file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        StoreException failure = null;
        try {
            writer.writePending();
        } catch (StoreException e) {
            failure = new StoreException(file + ": closed with " + writer.pendingCount()
                    + " events that could not be written: " + e.getMessage(), e);
        }
        failure = closeConnections(failure);
        StoreFile.release(openKey);
        if (failure != null) {
            throw failure;
        }
    }

    // The writer goes last: the last connection to close checkpoints the log into the file.
    private StoreException closeConnections(StoreException failure) {
        List<AutoCloseable> all = new ArrayList<>(reader.takeStatements());
        all.addAll(writer.statements());
        all.add(reader.connection());
        all.add(writer.connection());
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new StoreException(file + ": could not close cleanly: " + e.getMessage(), e);
                }
            }
        }
        return failure;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("store for " + deviceName + " is closed");
        }
    }

    @Override
    public String toString() {
        return "DeviceStore[" + deviceName + ", " + file + ", " + index.size() + " events"
                + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- helpers

    private static void requireDeviceName(String deviceName) {
        if (deviceName == null || deviceName.isBlank()) {
            throw new IllegalArgumentException("deviceName must be a non-blank name, got "
                    + (deviceName == null ? "null" : "'" + deviceName + "'"));
        }
    }

    private static void requireBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }
}
