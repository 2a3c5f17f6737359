package org.p2psim.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.FileKey;
import org.p2psim.event.Event;
import org.p2psim.event.FileAssembly;
import org.p2psim.event.FileChunk;
import org.p2psim.event.FileMeta;
import org.p2psim.event.Grant;
import org.p2psim.event.Message;
import org.p2psim.event.Payload;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import org.p2psim.device.Device;
import org.p2psim.device.FetchPolicy;
import org.p2psim.device.FilePolicy;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What an app on one device calls (seed 004 §14, modelled on Telegram's and Slack's client APIs):
 * send and read messages, search them, share and download files, record membership (invites,
 * joins, device authorisations) and read it back, ask how sync is going.
 *
 * <p>Every read goes to the device's own SQLite file through prepared statements on its indexed
 * views ({@code message_index} with its FTS5 index, {@code files}, {@code file_chunks},
 * {@code auth_graph}); nothing is scanned in memory. Writes author events: they are signed,
 * sealed, stored and then synced by the device like any other.
 *
 * <pre>{@code
 * Client alice = sim.client("alice");
 * String hi = alice.sendMessage("general", "hello");
 * alice.reply(hi, "and welcome");
 * MessagePage page = alice.getMessages("general", 50);              // newest 50, oldest first
 * MessagePage older = alice.getMessages("general", 50, page.olderCursor());
 * Messages hits = alice.searchMessages("welcome", 20);              // FTS5, newest first
 * String photo = alice.uploadFile("general", Path.of("../datasets/images/07-sea-sunset.jpg"));
 * bob.files();                                                      // progress per file
 * byte[] bytes = bob.downloadFile(photo);                           // once complete and verified
 * }</pre>
 */
public final class Client {
    /** Largest file {@link #uploadFile} accepts (larger files are for a later iteration of the protocol). */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** Largest page or result list one call returns. */
    public static final int MAX_LIMIT = 10_000;

    // Columns of a ChatMessage; events joined by arrival_seq (its rowid) for the received time.
    private static final String MESSAGE_COLUMNS = "m.event_id, m.channel_id, m.author, m.authored_ts, e.received_ts,"
            + " m.body, m.reply_to, m.file_id";
    private static final String FROM_MESSAGES = " FROM message_index m JOIN events e ON e.arrival_seq = m.arrival_seq";
    private static final String NEWEST = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
            + " WHERE m.channel_id = ? ORDER BY m.authored_ts DESC, m.event_id DESC LIMIT ?";
    private static final String BEFORE = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
            + " WHERE m.channel_id = ? AND (m.authored_ts, m.event_id) < (?, ?)"
            + " ORDER BY m.authored_ts DESC, m.event_id DESC LIMIT ?";
    private static final String AFTER = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
            + " WHERE m.channel_id = ? AND (m.authored_ts, m.event_id) > (?, ?)"
            + " ORDER BY m.authored_ts, m.event_id LIMIT ?";
    private static final String ONE = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES + " WHERE m.event_id = ?";
    // FTS5 walks its matches in rowid (= arrival_seq) order, so LIMIT stops after `limit` hits.
    private static final String SEARCH = "SELECT " + MESSAGE_COLUMNS + " FROM message_fts f"
            + " JOIN message_index m ON m.arrival_seq = f.rowid JOIN events e ON e.arrival_seq = f.rowid"
            + " WHERE message_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?";
    private static final String SEARCH_CHANNEL = "SELECT " + MESSAGE_COLUMNS + " FROM message_fts f"
            + " JOIN message_index m ON m.arrival_seq = f.rowid JOIN events e ON e.arrival_seq = f.rowid"
            + " WHERE message_fts MATCH ? AND m.channel_id = ? ORDER BY f.rowid DESC LIMIT ?";
    private static final String FILE_COLUMNS = "SELECT f.file_id, f.channel_id, f.author, f.authored_ts, f.name, f.mime,"
            + " f.size, f.chunk_count, f.content_hash,"
            + " (SELECT COUNT(DISTINCT c.chunk_index) FROM file_chunks c"
            + "   WHERE c.file_id = f.file_id AND c.chunk_index < f.chunk_count),"
            + " (SELECT COALESCE(SUM(length(c.bytes)), 0) FROM file_chunks c WHERE c.file_id = f.file_id),"
            + " f.event_id, e.received_ts"
            + " FROM files f JOIN events e ON e.event_id = f.event_id";
    private static final String FILES = FILE_COLUMNS + " ORDER BY f.authored_ts DESC, f.file_id DESC";
    private static final String FILE = FILE_COLUMNS + " WHERE f.file_id = ?";
    private static final String FILE_KEY = "SELECT name, size, chunk_count, content_hash, file_key FROM files WHERE file_id = ?";
    private static final String CHUNKS = "SELECT chunk_index, tag, bytes FROM file_chunks WHERE file_id = ? ORDER BY chunk_index";
    private static final String CHUNKS_HELD = "SELECT COUNT(*) FROM file_chunks WHERE file_id = ?";
    private static final String CHUNK_ARRIVALS = "SELECT e.received_ts FROM file_chunks c JOIN events e ON e.event_id = c.event_id"
            + " WHERE c.file_id = ? ORDER BY e.received_ts, e.arrival_seq";
    private static final String AUTH_GRAPH = "SELECT a.event_id, a.action, a.subject, a.author_user, a.ts, a.author_device,"
            + " a.invite_id, e.received_ts FROM auth_graph a JOIN events e ON e.event_id = a.event_id ORDER BY a.ts, a.event_id";
    private static final String PER_CHANNEL = "SELECT channel_id, COUNT(*) FROM message_index GROUP BY channel_id ORDER BY channel_id";

    private final Function<Payload, Event> author;
    private final DeviceStore store;
    private final Supplier<FileKey> newFileKey;
    private final Supplier<List<String>> peers;
    private final BooleanSupplier online;
    private final String deviceId;
    private final String account;
    private Function<String, String> authorNames = Function.identity();
    private final FetchPolicy fetch;

    /**
     * A client on its own, outside a simulation (tests, benchmarks): no peers, always online, file
     * keys drawn from a stream seeded by the device name.
     *
     * @param author creates, seals and stores an event on the device, returning it
     */
    public Client(Function<Payload, Event> author, DeviceStore store) {
        this(author, store, new SplittableRandom(store.deviceName().hashCode()), List::of, () -> true);
    }

    /**
     * @param author   creates, seals and stores an event on the device, returning it
     * @param store    the device's store, which every read queries
     * @param fileKeys the device's seeded stream for new file keys
     * @param peers    the peers the device knows now
     * @param online   whether the device is online now
     */
    public Client(Function<Payload, Event> author, DeviceStore store, RandomGenerator fileKeys,
                  Supplier<List<String>> peers, BooleanSupplier online) {
        this(author, store, fileKeys, peers, online, null, store.deviceName());
    }

    /**
     * As the constructor above, for a device that knows who it is.
     *
     * @param deviceId the device's id (32 lowercase hex characters), which its join grant names; or null
     * @param account  the account (user) the device belongs to
     */
    public Client(Function<Payload, Event> author, DeviceStore store, RandomGenerator fileKeys,
                  Supplier<List<String>> peers, BooleanSupplier online, String deviceId, String account) {
        this(author, store, keysFrom(fileKeys), peers, online, deviceId, account, new FetchPolicy());
    }

    private Client(Function<Payload, Event> author, DeviceStore store, Supplier<FileKey> newFileKey,
                   Supplier<List<String>> peers, BooleanSupplier online, String deviceId, String account,
                   FetchPolicy fetch) {
        this.author = Objects.requireNonNull(author, "author");
        this.store = Objects.requireNonNull(store, "store");
        this.newFileKey = newFileKey;
        this.fetch = fetch;
        this.peers = Objects.requireNonNull(peers, "peers");
        this.online = Objects.requireNonNull(online, "online");
        if (deviceId != null) {
            requireId(deviceId, "deviceId");
        }
        this.deviceId = deviceId;
        this.account = Objects.requireNonNull(account, "account");
    }

    /**
     * The client of a simulated device: its writes are authored by the device, its reads query the
     * device's store, its file policy is the device's, and authors show under the names the
     * device knows. A client holds no state of its own beyond {@link #authorNames}, so it can be
     * made again at any time ({@code sim.client(name)}).
     */
    public static Client of(Device device) {
        Client client = new Client(device::author, device.store(), device::newFileKey, device::peers, device::isOnline,
                device.id().hex(), device.account(), device.fetchPolicy());
        return client.authorNames(device::nameOf);
    }

    private static Supplier<FileKey> keysFrom(RandomGenerator fileKeys) {
        Objects.requireNonNull(fileKeys, "fileKeys");
        return () -> FileKey.generate(fileKeys);
    }

    /** The name of the device this client runs on. */
    public String deviceName() {
        return store.deviceName();
    }

    /** The account (user) this device belongs to. */
    public String account() {
        return account;
    }

    /**
     * How author ids (device ids, hex) are shown in {@link ChatMessage#authorName()} and tables; a
     * simulation maps them to device names. Unknown ids (null from the function) show as the id.
     */
    public Client authorNames(Function<String, String> names) {
        this.authorNames = Objects.requireNonNull(names, "names");
        return this;
    }

    private String nameOf(String authorId) {
        String name = authorNames.apply(authorId);
        return name == null ? authorId : name;
    }

    // ------------------------------------------------------------------ messages

    /** Sends {@code text} to {@code channel} now; returns the new message's id. */
    public String sendMessage(String channel, String text) {
        return author.apply(new Message(channel, text)).id().hex();
    }

    /** Answers the message {@code messageId} in its channel; returns the new message's id. */
    public String reply(String messageId, String text) {
        ChatMessage original = findMessage(messageId).orElseThrow(() -> new IllegalArgumentException(
                "cannot reply to " + messageId + ": " + deviceName() + " holds no message with that id"));
        return author.apply(new Message(original.channel(), text, original.id())).id().hex();
    }

    /** The message with this id, if this device holds it. */
    public Optional<ChatMessage> findMessage(String messageId) {
        requireId(messageId, "messageId");
        List<ChatMessage> found = store.select(ONE, ps -> ps.setString(1, messageId), this::message);
        return found.stream().findFirst();
    }

    /**
     * The newest {@code limit} messages of {@code channel} this device holds, in authored order
     * (oldest first; ties by event id).
     */
    public MessagePage getMessages(String channel, int limit) {
        return getMessages(channel, limit, null);
    }

    /**
     * A page of {@code channel} next to {@code cursor}, in authored order (oldest first; ties by
     * event id): the {@code limit} messages just before it ({@link Cursor#before}), or just after
     * it ({@link Cursor#after}); with a null cursor, the newest {@code limit}. Pages that follow
     * each other's cursors neither skip nor repeat a message.
     */
    public MessagePage getMessages(String channel, int limit, Cursor cursor) {
        Objects.requireNonNull(channel, "channel");
        requireLimit(limit);
        List<ChatMessage> rows;
        if (cursor == null) {
            rows = store.select(NEWEST, ps -> {
                ps.setString(1, channel);
                ps.setInt(2, limit);
            }, this::message);
            Collections.reverse(rows);
        } else {
            long ts = positionOf(cursor);
            rows = store.select(cursor.isBefore() ? BEFORE : AFTER, ps -> {
                ps.setString(1, channel);
                ps.setLong(2, ts);
                ps.setString(3, cursor.messageId());
                ps.setInt(4, limit);
            }, this::message);
            if (cursor.isBefore()) {
                Collections.reverse(rows);
            }
        }
        return new MessagePage(channel, rows);
    }

    private long positionOf(Cursor cursor) {
        if (cursor.authoredTs() != null) {
            return cursor.authoredTs();
        }
        return findMessage(cursor.messageId()).orElseThrow(() -> new IllegalArgumentException(
                "cursor " + cursor + ": " + deviceName() + " holds no message with that id")).authoredTs();
    }

    /**
     * Messages of any channel whose text contains every word of {@code query} (FTS5 over this
     * device's decrypted bodies), most recently received first. See {@link #searchMessages(String, int, String)}.
     */
    public Messages searchMessages(String query, int limit) {
        return searchMessages(query, limit, null);
    }

    /**
     * Messages of {@code channel} (every channel when null) whose text contains every word of
     * {@code query}, case-insensitively and in any order, most recently received first. A word
     * ending in {@code *} matches as a prefix ({@code sync*}); other characters are not operators,
     * so any text is a valid query. A shared file is found by the words of its name.
     *
     * <p>Why "most recently received first": FTS5 walks its matches in rowid order, and the rowid is
     * the arrival sequence, so the query stops after {@code limit} hits; ranking by relevance or by
     * authored time would first visit every match, which for a common word on a large store is
     * tens of thousands of rows.
     */
    public Messages searchMessages(String query, int limit, String channel) {
        String match = ftsQuery(query);
        requireLimit(limit);
        List<ChatMessage> rows = channel == null
                ? store.select(SEARCH, ps -> {
                    ps.setString(1, match);
                    ps.setInt(2, limit);
                }, this::message)
                : store.select(SEARCH_CHANNEL, ps -> {
                    ps.setString(1, match);
                    ps.setString(2, channel);
                    ps.setInt(3, limit);
                }, this::message);
        return new Messages("search '" + query + "'" + (channel == null ? "" : " in #" + channel), rows);
    }

    /** The user's words as an FTS5 query: each a quoted string (a trailing * kept as a prefix match), all required. */
    static String ftsQuery(String query) {
        Objects.requireNonNull(query, "query");
        List<String> terms = new ArrayList<>();
        for (String word : query.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String bare = word.replace("*", "").replace("\"", "");
            if (!bare.isEmpty()) {
                terms.add("\"" + bare + "\"" + (prefix ? "*" : ""));
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("search query '" + query + "' has no words");
        }
        return String.join(" ", terms);
    }

    private ChatMessage message(ResultSet rs) throws SQLException {
        String authorId = rs.getString(3);
        return new ChatMessage(rs.getString(1), rs.getString(2), authorId, nameOf(authorId), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }

    // ------------------------------------------------------------------ files

    /**
     * Shares {@code content} in {@code channel}: one chunk event per {@value FileChunk#CHUNK_BYTES}
     * bytes, then one meta event (name, type, size, chunk count, BLAKE3 of the content, a fresh file
     * key), all authored now. Returns the file's id (derived from the file key; the meta event is
     * the message that shows the file in the channel, see {@link FileInfo#messageId()}).
     *
     * <p>The meta event comes last so that it is the newest: the seed's sync sends recent events
     * newest first, so receivers get the meta (name, size, chunk count) before the chunks and can
     * show the file and its progress at once.
     */
    public String uploadFile(String channel, byte[] content, String name, String mime) {
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("a file of " + content.length + " bytes is over the limit of "
                    + MAX_FILE_BYTES + " bytes");
        }
        if (name != null && (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("file names cannot contain tabs or line breaks: '" + name + "'");
        }
        FileKey key = newFileKey.get();
        int chunks = FileChunk.chunkCount(content.length);
        FileMeta meta = new FileMeta(channel, name, mime == null ? "application/octet-stream" : mime, content.length,
                chunks, Blake3.hash256(content), key.bytes());
        String fileId = key.fileIdHex();
        for (int i = 0; i < chunks; i++) {
            author.apply(FileChunk.split(fileId, key, content, i));
        }
        author.apply(meta);
        return fileId;
    }

    /** Shares the file at {@code path} under its own name, with the media type its extension suggests. */
    public String uploadFile(String channel, Path path) {
        return uploadFile(channel, path, path.getFileName().toString(), mimeOf(path.getFileName().toString()));
    }

    /** Shares the file at {@code path} under {@code name} and {@code mime}. */
    public String uploadFile(String channel, Path path, String name, String mime) {
        try {
            return uploadFile(channel, Files.readAllBytes(path), name, mime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to upload it: " + e.getMessage(), e);
        }
    }

    /** The media type of a file name's extension; {@code application/octet-stream} when unknown. */
    public static String mimeOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return switch (dot < 0 ? "" : lower.substring(dot + 1)) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "txt" -> "text/plain";
            case "pdf" -> "application/pdf";
            default -> "application/octet-stream";
        };
    }

    /** Every file whose meta event this device holds, newest first, with how much of each it holds. */
    public List<FileInfo> files() {
        return store.select(FILES, DeviceStore.Binder.NONE, this::fileInfo);
    }

    /** {@link #files()} as a table: one row per file, with progress (a download list). */
    public Table filesTable() {
        List<FileInfo> files = files();
        StringColumn id = StringColumn.create("file_id");
        StringColumn channel = StringColumn.create("channel");
        StringColumn name = StringColumn.create("name");
        StringColumn mime = StringColumn.create("mime");
        StringColumn from = StringColumn.create("author");
        LongColumn size = LongColumn.create("size");
        IntColumn held = IntColumn.create("chunks_held");
        IntColumn count = IntColumn.create("chunk_count");
        LongColumn bytes = LongColumn.create("bytes_held");
        DoubleColumn progress = DoubleColumn.create("progress");
        BooleanColumn complete = BooleanColumn.create("complete");
        BooleanColumn wanted = BooleanColumn.create("wanted");
        for (FileInfo f : files) {
            id.append(f.fileId());
            channel.append(f.channel());
            name.append(f.name());
            mime.append(f.mime());
            from.append(f.authorName());
            size.append(f.size());
            held.append(f.chunksHeld());
            count.append(f.chunkCount());
            bytes.append(f.bytesHeld());
            progress.append(f.progress());
            complete.append(f.complete());
            wanted.append(f.wanted());
        }
        return Table.create("files on " + deviceName(), id, channel, name, mime, from, size, held, count, bytes, progress,
                complete, wanted);
    }

    /** The file with this id as this device sees it; throws when the device holds no meta event for it. */
    public FileInfo file(String fileId) {
        return findFile(fileId).orElseThrow(() -> unknownFile(fileId));
    }

    /** The file with this id as this device sees it, if the device holds its meta event. */
    public Optional<FileInfo> findFile(String fileId) {
        requireId(fileId, "fileId");
        return store.select(FILE, ps -> ps.setString(1, fileId), this::fileInfo).stream().findFirst();
    }

    private FileInfo fileInfo(ResultSet rs) throws SQLException {
        String fileId = rs.getString(1);
        String authorId = rs.getString(3);
        return new FileInfo(fileId, rs.getString(12), rs.getLong(13), rs.getString(2), authorId, nameOf(authorId), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getInt(10), rs.getLong(11), rs.getString(9),
                wantsFile(fileId));
    }

    /**
     * The file's bytes, once this device holds every chunk: each chunk's tag is checked against
     * the file key, and the whole file against the size and BLAKE3 hash of its meta event.
     *
     * @throws IncompleteFileException while chunks are missing ("incomplete: k of n chunks")
     * @throws IllegalArgumentException when the device holds no meta event for the file
     * @throws IllegalStateException when the reassembled bytes do not match the meta event
     */
    public byte[] downloadFile(String fileId) {
        requireId(fileId, "fileId");
        record Meta(String name, long size, int chunks, String hash, byte[] key) {}
        List<Meta> metas = store.select(FILE_KEY, ps -> ps.setString(1, fileId),
                rs -> new Meta(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBytes(5)));
        if (metas.isEmpty()) {
            throw unknownFile(fileId);
        }
        Meta meta = metas.get(0);
        List<FileAssembly.Chunk> chunks = store.select(CHUNKS, ps -> ps.setString(1, fileId),
                rs -> new FileAssembly.Chunk(rs.getInt(1), rs.getString(2), rs.getBytes(3)));
        FileAssembly.Result result = FileAssembly.assemble(FileKey.of(meta.key()), meta.chunks(), meta.size(), meta.hash(), chunks);
        String file = "file " + fileId + " ('" + meta.name() + "') on " + deviceName();
        if (result instanceof FileAssembly.Incomplete i) {
            throw new IncompleteFileException(deviceName(), fileId, meta.name(), i.held(), i.total());
        }
        if (result instanceof FileAssembly.WrongSize w) {
            throw new IllegalStateException(file + ": its " + meta.chunks() + " chunks hold " + w.bytes()
                    + " bytes, its meta event says " + meta.size());
        }
        if (result instanceof FileAssembly.WrongHash h) {
            throw new IllegalStateException(file + ": the chunks reassemble to BLAKE3 " + h.hashHex()
                    + ", its meta event says " + meta.hash());
        }
        return ((FileAssembly.Complete) result).content();
    }

    /** Writes the downloaded file to {@code path} (see {@link #downloadFile}); returns the path. */
    public Path downloadFile(String fileId, Path path) {
        byte[] content = downloadFile(fileId);
        try {
            return Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * How this device came to hold the file's chunks: one row per chunk stored, in order,
     * with the simulated time ({@code time_s}) and the number held from then on ({@code chunks_held}).
     * Read from the store ({@code events.received_ts}); chunks that arrived before the file's meta
     * event count too.
     */
    public Table fileProgress(String fileId) {
        requireId(fileId, "fileId");
        List<Long> times = store.select(CHUNK_ARRIVALS, ps -> ps.setString(1, fileId), rs -> rs.getLong(1));
        DoubleColumn time = DoubleColumn.create("time_s");
        IntColumn held = IntColumn.create("chunks_held");
        for (int i = 0; i < times.size(); i++) {
            time.append(SimTime.toSeconds(times.get(i)));
            held.append(i + 1);
        }
        return Table.create("chunks of " + fileId + " on " + deviceName(), time, held);
    }

    /** Chunks of the file this device holds, whether or not its meta event has arrived. */
    public int chunksHeld(String fileId) {
        requireId(fileId, "fileId");
        return store.select(CHUNKS_HELD, ps -> ps.setString(1, fileId), rs -> rs.getInt(1)).get(0);
    }

    private IllegalArgumentException unknownFile(String fileId) {
        int chunks = chunksHeld(fileId);
        return new IllegalArgumentException("unknown file " + fileId + ": " + deviceName()
                + " holds no file-meta event with that id" + (chunks > 0 ? " (it holds " + chunks + " of its chunks)" : ""));
    }

    // ------------------------------------------------------------------ membership (auth_graph)

    /**
     * Records that this device's account created the invite {@code inviteId} (an invite grant, see
     * {@link org.p2psim.device.Invite#id()}); returns the grant event's id.
     */
    public String recordInvite(String inviteId) {
        return author.apply(Grant.invite(inviteId, account)).id().hex();
    }

    /**
     * Announces that this device joined its account, with the invite {@code inviteId} or, when the
     * account authorised it, null (a join grant about itself); returns the grant event's id.
     */
    public String announceJoin(String inviteId) {
        if (deviceId == null) {
            throw new IllegalStateException("client of " + deviceName() + " was made without its device id, so it cannot"
                    + " announce its own join; use the constructor that takes deviceId and account");
        }
        return author.apply(Grant.join(deviceId, account, inviteId)).id().hex();
    }

    /** Authorises the new device {@code newDeviceId} for this device's account; returns the grant event's id. */
    public String authorizeDevice(String newDeviceId) {
        requireId(newDeviceId, "newDeviceId");
        return author.apply(Grant.authorizeDevice(newDeviceId, account)).id().hex();
    }

    /**
     * This device's {@code auth_graph} view, oldest grant first (by authored time, then event id):
     * {@code event_id}, {@code action} (invite, join, authorize-device), {@code subject} (an invite
     * id or a device id), {@code subject_name} (the device's name where known, else the subject),
     * {@code account} (the view's {@code author_user}), {@code author} (the author device's name),
     * {@code invite_id} (for a join), {@code ts} (authored µs) and {@code received_s}.
     */
    public Table authGraph() {
        StringColumn id = StringColumn.create("event_id");
        StringColumn action = StringColumn.create("action");
        StringColumn subject = StringColumn.create("subject");
        StringColumn subjectName = StringColumn.create("subject_name");
        StringColumn user = StringColumn.create("account");
        StringColumn from = StringColumn.create("author");
        StringColumn invite = StringColumn.create("invite_id");
        LongColumn ts = LongColumn.create("ts");
        DoubleColumn received = DoubleColumn.create("received_s");
        store.select(AUTH_GRAPH, DeviceStore.Binder.NONE, rs -> {
            id.append(rs.getString(1));
            action.append(rs.getString(2));
            subject.append(rs.getString(3));
            subjectName.append(rs.getString(2).equals(Grant.Action.INVITE.label()) ? rs.getString(3) : nameOf(rs.getString(3)));
            user.append(rs.getString(4));
            from.append(nameOf(rs.getString(6)));
            invite.append(rs.getString(7) == null ? "" : rs.getString(7));
            ts.append(rs.getLong(5));
            received.append(SimTime.toSeconds(rs.getLong(8)));
            return null;
        });
        return Table.create("auth_graph on " + deviceName(), id, action, subject, subjectName, user, from, invite, ts, received);
    }

    // ------------------------------------------------------------------ which files to fetch

    /** Which files this device fetches from now on (default {@link FilePolicy#FETCH_ALL}). */
    public Client setFilePolicy(FilePolicy policy) {
        fetch.setPolicy(policy);
        return this;
    }

    public FilePolicy filePolicy() {
        return fetch.policy();
    }

    /**
     * Marks a file to be fetched under {@link FilePolicy#FETCH_CHOSEN} (ignored under the other
     * policies). Its chunks are stored from now on as peers offer them again.
     */
    public Client chooseFile(String fileId) {
        requireId(fileId, "fileId");
        fetch.choose(fileId);
        return this;
    }

    /** Whether this device's policy fetches the file with this id. */
    public boolean wantsFile(String fileId) {
        return fetch.wants(fileId);
    }

    /**
     * Fetches a {@code share} of the files from now on ({@link FilePolicy#FETCH_SHARE}): a file is
     * fetched when a hash of its id and {@code salt} falls below the share, so each device with its
     * own salt picks its own files, and picks them again in every run.
     */
    public Client fetchShare(double share, long salt) {
        fetch.fetchShare(share, salt);
        return this;
    }

    // ------------------------------------------------------------------ status

    /** What the device holds and whom it talks to now. */
    public SyncStatus syncStatus() {
        Map<String, Long> perChannel = new LinkedHashMap<>();
        store.select(PER_CHANNEL, DeviceStore.Binder.NONE, rs -> perChannel.put(rs.getString(1), rs.getLong(2)));
        long messages = perChannel.values().stream().mapToLong(Long::longValue).sum();
        List<FileInfo> files = files();
        List<FileInfo> pending = files.stream().filter(f -> f.wanted() && !f.complete()).toList();
        int complete = (int) files.stream().filter(FileInfo::complete).count();
        return new SyncStatus(deviceName(), online.getAsBoolean(), store.size(), messages,
                Collections.unmodifiableMap(perChannel), files.size(), complete, pending, fetch.policy(), fetch.declinedChunks(),
                List.copyOf(peers.get()));
    }

    // ------------------------------------------------------------------ helpers

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], was " + limit);
        }
    }

    private static void requireId(String id, String what) {
        if (id == null || id.length() != 32 || !id.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException(what + " must be 32 lowercase hex characters, got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
    }

    @Override
    public String toString() {
        return "Client[" + deviceName() + "]";
    }
}
