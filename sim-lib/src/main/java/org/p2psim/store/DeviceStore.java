package org.p2psim.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * The SQLite file of one device, with an in-memory cache of its events and a write-behind buffer.
 *
 * <p>Inserts land in memory at once ({@link #contains}, {@link #size}, {@link #get} see them) and
 * reach the file in one transaction per batch: when {@code batchSize} rows are pending, or on
 * {@link #flush}, {@link #query}, {@link #sizeOnDiskBytes} and {@link #close}. Not thread-safe: one
 * simulation thread owns a store.
 */
public final class DeviceStore implements AutoCloseable {
    public static final int DEFAULT_BATCH_SIZE = 512;

    /** Files held by an open store of this process: two writers on one file would clash on arrival_seq. */
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();

    private static final Comparator<Entry> NEWEST_AUTHORED_FIRST = (a, b) -> {
        int byTime = Long.compare(b.event.authoredTs(), a.event.authoredTs());
        return byTime != 0 ? byTime : Long.compare(b.seq, a.seq);
    };

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
    /** Prepared read statements kept per SQL text; far more than the client's handful means a caller builds SQL by hand. */
    private static final int MAX_CACHED_STATEMENTS = 64;
    private static final String SELECT_EVENTS = "SELECT arrival_seq, event_id, channel_id, authored_ts, received_ts,"
            + " ciphertext FROM events ORDER BY arrival_seq";

    private record Entry(long seq, StoredEvent event) {}

    private record Pending(Entry entry, List<IndexRow> rows) {}

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
    private final int batchSize;
    private final Connection writer;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertMessage;
    private final PreparedStatement insertFile;
    private final PreparedStatement insertChunk;
    private final PreparedStatement insertAuth;
    private Connection reader;
    private final Map<String, PreparedStatement> readStatements = new LinkedHashMap<>(16, 0.75f, true);

    private final List<Entry> arrival;
    private final Map<String, Entry> byId;
    private final NavigableSet<Entry> byAuthored = new TreeSet<>(NEWEST_AUTHORED_FIRST);
    private final List<Pending> pending = new ArrayList<>();
    private long nextSeq = 1;
    private boolean closed;

    private DeviceStore(Path file, Path openKey, String deviceName, int batchSize, Connection writer,
                        List<Entry> stored) throws SQLException {
        this.file = file;
        this.openKey = openKey;
        this.deviceName = deviceName;
        this.batchSize = batchSize;
        this.writer = writer;
        this.insertEvent = writer.prepareStatement(INSERT_EVENT);
        this.insertMessage = writer.prepareStatement(INSERT_MESSAGE);
        this.insertFile = writer.prepareStatement(INSERT_FILE);
        this.insertChunk = writer.prepareStatement(INSERT_CHUNK);
        this.insertAuth = writer.prepareStatement(INSERT_AUTH);
        this.arrival = new ArrayList<>(Math.max(16, stored.size()));
        this.byId = new HashMap<>(Math.max(16, stored.size() * 4 / 3 + 1));
        stored.forEach(this::remember);
        if (!stored.isEmpty()) {
            nextSeq = stored.get(stored.size() - 1).seq + 1;
        }
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
        return claimed(file, key -> createClaimed(file, key, deviceName, batchSize));
    }

    /** Opens an existing p2psim store; anything else is refused with a {@link StoreException} and left untouched. */
    public static DeviceStore open(Path file) {
        return open(file, DEFAULT_BATCH_SIZE);
    }

    /** As {@link #open(Path)}, writing pending rows every {@code batchSize} inserts. */
    public static DeviceStore open(Path file, int batchSize) {
        requireBatchSize(batchSize);
        return claimed(file, key -> openClaimed(file, key, batchSize));
    }

    /**
     * Runs one SQL statement on the store file {@code file} without opening a {@link DeviceStore}:
     * for a device file in a finished run directory. The file is checked first (a file that is not
     * a p2psim device store is refused with a {@link StoreException}, untouched), then read through a
     * read-only connection; when no log lies beside it, it is opened {@code immutable}, so nothing is
     * created next to it. Result columns as in {@link #query(String)}; errors and any attempt to write
     * raise a {@link StoreException} with SQLite's message and the query. Rows an open store of this
     * process has not flushed yet are not visible: use that store's {@link #query(String)} instead.
     */
    public static Table queryFile(Path file, String sql) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sql, "sql");
        String device = Schema.validate(file);
        if (sql.isBlank()) {
            throw new StoreException(file + ": the query is empty");
        }
        boolean openHere = OPEN_FILES.contains(file.toAbsolutePath().normalize());
        try (Connection c = openHere ? Sqlite.openReader(file) : Sqlite.openValidator(file);
             Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                throw new StoreException(file + ": the query returned no result set; query: " + sql);
            }
            try (ResultSet rs = st.getResultSet()) {
                return ResultTables.toTable(device, rs);
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": query failed: " + e.getMessage() + "; query: " + sql, e);
        }
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
        boolean openHere = OPEN_FILES.contains(source.toAbsolutePath().normalize());
        try (Connection c = openHere ? Sqlite.openReader(source) : Sqlite.openValidator(source)) {
            vacuumInto(c, target);
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
        writePending();
        try {
            vacuumInto(reader(), target);
        } catch (SQLException e) {
            throw new StoreException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void vacuumInto(Connection c, Path target) {
        if (Files.exists(target)) {
            throw new StoreException(target + " already exists; a store is copied only to a new file");
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
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

    private static DeviceStore claimed(Path file, Function<Path, DeviceStore> opener) {
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

    private static DeviceStore createClaimed(Path file, Path key, String deviceName, int batchSize) {
        createEmptyFile(file);
        Connection c = null;
        try {
            c = Sqlite.openWriter(file, false);
            Schema.create(c, deviceName);
            return new DeviceStore(file, key, deviceName, batchSize, c, List.of());
        } catch (SQLException e) {
            closeQuietly(c);
            deleteQuietly(file); // we made it; a half-made store must not be left behind
            throw new StoreException(file + " cannot be created as a device store: " + e.getMessage(), e);
        }
    }

    private static void createEmptyFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(file + " already exists; use DeviceStore.open or openOrCreate to use it");
        } catch (IOException e) {
            throw new StoreException(file + " cannot be created: " + e, e);
        }
    }

    private static DeviceStore openClaimed(Path file, Path key, int batchSize) {
        String deviceName = Schema.validate(file);
        Connection c = null;
        try {
            c = Sqlite.openWriter(file, false);
            Schema.upgrade(c);
            return new DeviceStore(file, key, deviceName, batchSize, c, load(file, c));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(file + " cannot be read as a device store: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Reads every event back: SQLite is the truth, the in-memory index is rebuilt from it. */
    private static List<Entry> load(Path file, Connection c) throws SQLException {
        List<Entry> rows = new ArrayList<>();
        Map<String, String> channels = new HashMap<>(); // one String per channel, not one per row
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_EVENTS)) {
            while (rs.next()) {
                rows.add(readRow(file, rs, channels));
            }
        }
        return rows;
    }

    private static Entry readRow(Path file, ResultSet rs, Map<String, String> channels) throws SQLException {
        long seq = rs.getLong(1);
        String channel = rs.getString(3);
        if (channel != null) {
            channel = channels.computeIfAbsent(channel, Function.identity());
        }
        try {
            return new Entry(seq, new StoredEvent(rs.getString(2), channel, rs.getLong(4), rs.getLong(5), rs.getBytes(6)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException(file + " is a damaged p2psim device store (events row with arrival_seq "
                    + seq + ": " + e.getMessage() + ")", e);
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
        return batchSize;
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
        if (byId.containsKey(event.eventId())) {
            return InsertOutcome.DUPLICATE;
        }
        Entry entry = new Entry(nextSeq++, event.withOwnCiphertext());
        remember(entry);
        pending.add(new Pending(entry, rows));
        if (pending.size() >= batchSize) {
            writePending();
        }
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

    private void remember(Entry entry) {
        arrival.add(entry);
        byId.put(entry.event.eventId(), entry);
        byAuthored.add(entry);
    }

    /** Writes every pending row in one transaction. */
    public void flush() {
        requireOpen();
        writePending();
    }

    // On failure the transaction is rolled back and the rows stay pending, so a later flush retries them.
    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        boolean written = false;
        try {
            writer.setAutoCommit(false);
            for (Pending p : pending) {
                bindEvent(p.entry);
                insertEvent.addBatch();
                for (IndexRow row : p.rows) {
                    addRow(row, p.entry.seq);
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

    private void bindEvent(Entry entry) throws SQLException {
        StoredEvent e = entry.event;
        insertEvent.setLong(1, entry.seq);
        insertEvent.setString(2, e.eventId());
        insertEvent.setString(3, e.channelId());
        insertEvent.setLong(4, e.authoredTs());
        insertEvent.setLong(5, e.receivedTs());
        insertEvent.setBytes(6, e.ciphertext());
    }

    private void addRow(IndexRow row, long seq) throws SQLException {
        if (row instanceof MessageRow m) {
            bindMessage(m, seq);
            insertMessage.addBatch();
        } else if (row instanceof FileRow f) {
            bindFile(f);
            insertFile.addBatch();
        } else if (row instanceof ChunkRow c) {
            bindChunk(c);
            insertChunk.addBatch();
        } else if (row instanceof AuthRow a) {
            bindAuth(a);
            insertAuth.addBatch();
        }
    }

    private void bindAuth(AuthRow a) throws SQLException {
        insertAuth.setString(1, a.eventId());
        insertAuth.setString(2, a.subject());
        insertAuth.setString(3, a.action());
        insertAuth.setString(4, a.authorUser());
        insertAuth.setLong(5, a.ts());
        insertAuth.setString(6, a.authorDeviceId());
        insertAuth.setString(7, a.inviteId());
    }

    private void bindFile(FileRow f) throws SQLException {
        insertFile.setString(1, f.fileId());
        insertFile.setString(2, f.eventId());
        insertFile.setString(3, f.channelId());
        insertFile.setString(4, f.authorDeviceId());
        insertFile.setLong(5, f.authoredTs());
        insertFile.setString(6, f.name());
        insertFile.setString(7, f.mime());
        insertFile.setLong(8, f.size());
        insertFile.setInt(9, f.chunkCount());
        insertFile.setString(10, f.contentHash());
        insertFile.setBytes(11, f.fileKey());
    }

    private void bindChunk(ChunkRow c) throws SQLException {
        insertChunk.setString(1, c.tag());
        insertChunk.setString(2, c.fileId());
        insertChunk.setInt(3, c.chunkIndex());
        insertChunk.setString(4, c.eventId());
        insertChunk.setBytes(5, c.bytes());
    }

    private void bindMessage(MessageRow m, long seq) throws SQLException {
        insertMessage.setString(1, m.eventId());
        insertMessage.setString(2, m.channelId());
        insertMessage.setString(3, m.authorDeviceId());
        insertMessage.setLong(4, m.authoredTs());
        insertMessage.setString(5, m.body());
        insertMessage.setString(6, m.replyTo());
        insertMessage.setLong(7, seq);
        insertMessage.setString(8, m.fileId());
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

    // ---------------------------------------------------------------- reading (from memory)

    /** Whether an event with this id is stored (pending rows included). O(1), no SQL. */
    public boolean contains(String eventId) {
        requireOpen();
        return byId.containsKey(eventId);
    }

    /** Number of stored events, pending rows included. */
    public int size() {
        requireOpen();
        return arrival.size();
    }

    /**
     * Event ids in arrival order (arrival_seq). A snapshot taken in O(1): later inserts do not
     * show in it; it cannot be modified.
     */
    public List<String> eventIdsInArrivalOrder() {
        requireOpen();
        return new ArrivalPrefix<>(arrival, arrival.size(), e -> e.event.eventId());
    }

    /** The stored event with this id, or null. Its ciphertext array is shared with the cache: do not modify it. */
    public StoredEvent get(String eventId) {
        requireOpen();
        Entry entry = byId.get(eventId);
        return entry == null ? null : entry.event;
    }

    /** Every stored event in arrival order; a snapshot taken in O(1), like {@link #eventIdsInArrivalOrder()}. */
    public List<StoredEvent> events() {
        requireOpen();
        return new ArrivalPrefix<>(arrival, arrival.size(), Entry::event);
    }

    /**
     * Ids of events with {@code authoredTs >= since}, newest authored first (ties: larger
     * arrival_seq first), at most {@code limit} of them. Costs O(limit · log n).
     */
    public List<String> authoredSince(long since, int limit) {
        requireOpen();
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        List<String> ids = new ArrayList<>(Math.min(limit, 64));
        for (Entry e : byAuthored) {
            if (ids.size() == limit || e.event.authoredTs() < since) {
                break;
            }
            ids.add(e.event.eventId());
        }
        return Collections.unmodifiableList(ids);
    }

    // ---------------------------------------------------------------- reading (SQL)

    /**
     * Runs one SQL statement on a separate read-only connection (pending rows are flushed first)
     * and returns its rows. Integer columns become LongColumns, reals DoubleColumns, text and mixed
     * columns StringColumns, blobs lowercase hex. Errors, and any attempt to write, raise a
     * {@link StoreException} carrying SQLite's message and the query.
     */
    public Table query(String sql) {
        requireOpen();
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new StoreException(file + ": the query is empty");
        }
        writePending();
        try (Statement st = reader().createStatement()) {
            if (!st.execute(sql)) {
                throw new StoreException(file + ": the query returned no result set; query: " + sql);
            }
            try (ResultSet rs = st.getResultSet()) {
                return ResultTables.toTable(deviceName, rs);
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": query failed: " + e.getMessage() + "; query: " + sql, e);
        }
    }

    /**
     * Runs one read through a prepared statement, kept for the next call with the same SQL text,
     * on the read-only connection (pending rows are written first), and maps every row. This is how
     * the client answers its queries: bind parameters, never SQL assembled from values.
     */
    public <T> List<T> select(String sql, Binder binder, RowReader<T> rows) {
        requireOpen();
        Objects.requireNonNull(sql, "sql");
        writePending();
        try {
            PreparedStatement statement = readStatement(sql);
            statement.clearParameters();
            binder.bind(statement);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(rows.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(file + ": query failed: " + e.getMessage() + "; query: " + sql, e);
        }
    }

    private PreparedStatement readStatement(String sql) throws SQLException {
        PreparedStatement statement = readStatements.get(sql);
        if (statement == null) {
            statement = reader().prepareStatement(sql);
            readStatements.put(sql, statement);
            if (readStatements.size() > MAX_CACHED_STATEMENTS) {
                var eldest = readStatements.entrySet().iterator().next();
                readStatements.remove(eldest.getKey());
                eldest.getValue().close();
            }
        }
        return statement;
    }

    private Connection reader() throws SQLException {
        if (reader == null) {
            reader = Sqlite.openReader(file);
        }
        return reader;
    }

    /**
     * Bytes the store occupies on disk now: the database file plus its write-ahead log (pending
     * rows are flushed first). The log is checkpointed into the file as it grows and on close.
     */
    public long sizeOnDiskBytes() {
        if (!closed) {
            writePending();
        }
        return sizeOf(file) + sizeOf(Sqlite.sibling(file, "-wal"));
    }

    /**
     * Logical size of the database (page_count × page_size, pending rows flushed first): unlike
     * {@link #sizeOnDiskBytes()} it does not depend on when the log was last checkpointed.
     */
    public long databaseBytes() {
        requireOpen();
        writePending();
        try (Statement st = writer.createStatement();
             ResultSet rs = st.executeQuery("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot read the database size: " + e.getMessage(), e);
        }
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
            writePending();
        } catch (StoreException e) {
            failure = new StoreException(file + ": closed with " + pending.size()
                    + " events that could not be written: " + e.getMessage(), e);
        }
        failure = closeConnections(failure);
        OPEN_FILES.remove(openKey);
        if (failure != null) {
            throw failure;
        }
    }

    // The writer goes last: the last connection to close checkpoints the log into the file.
    private StoreException closeConnections(StoreException failure) {
        List<AutoCloseable> all = new ArrayList<>(readStatements.values());
        all.addAll(Arrays.asList(insertEvent, insertMessage, insertFile, insertChunk, insertAuth, reader, writer));
        readStatements.clear();
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
        return "DeviceStore[" + deviceName + ", " + file + ", " + arrival.size() + " events"
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

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new StoreException(p + ": cannot read its size: " + e, e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // already failing; the caller reports the first error
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Sqlite.sibling(file, suffix));
            } catch (IOException ignored) {
                // best effort: the creation error is what the caller needs
            }
        }
    }

    /**
     * The first {@code size} entries of the append-only arrival list, mapped to one field. The
     * list never shrinks or reorders, so this is an immutable snapshot that costs O(1) to take.
     */
    private static final class ArrivalPrefix<T> extends AbstractList<T> implements RandomAccess {
        private final List<Entry> entries;
        private final int size;
        private final Function<Entry, T> field;

        ArrivalPrefix(List<Entry> entries, int size, Function<Entry, T> field) {
            this.entries = entries;
            this.size = size;
            this.field = field;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, size);
            return field.apply(entries.get(index));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
