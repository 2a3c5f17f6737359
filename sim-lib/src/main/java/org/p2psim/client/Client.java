package org.p2psim.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.p2psim.crypto.FileKey;
import org.p2psim.device.Device;
import org.p2psim.device.FetchPolicy;
import org.p2psim.device.FilePolicy;
import org.p2psim.event.Event;
import org.p2psim.event.Payload;
import org.p2psim.store.DeviceStore;
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

    private final ClientDevice device;
    private final MessagesApi messages;
    private final FilesApi files;
    private final MembershipApi membership;
    private final StatusApi status;

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
        this.device = new ClientDevice(author, store, newFileKey, peers, online, deviceId, account, fetch);
        this.messages = new MessagesApi(device);
        this.files = new FilesApi(device);
        this.membership = new MembershipApi(device);
        this.status = new StatusApi(device, files);
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
        return device.deviceName();
    }

    /** The account (user) this device belongs to. */
    public String account() {
        return device.account();
    }

    /**
     * How author ids (device ids, hex) are shown in {@link ChatMessage#authorName()} and tables; a
     * simulation maps them to device names. Unknown ids (null from the function) show as the id.
     */
    public Client authorNames(Function<String, String> names) {
        device.authorNames(names);
        return this;
    }

    /** Sends {@code text} to {@code channel} now; returns the new message's id. */
    public String sendMessage(String channel, String text) {
        return messages.sendMessage(channel, text);
    }

    /** Answers the message {@code messageId} in its channel; returns the new message's id. */
    public String reply(String messageId, String text) {
        return messages.reply(messageId, text);
    }

    /** The message with this id, if this device holds it. */
    public Optional<ChatMessage> findMessage(String messageId) {
        return messages.findMessage(messageId);
    }

    /**
     * The newest {@code limit} messages of {@code channel} this device holds, in authored order
     * (oldest first; ties by event id).
     */
    public MessagePage getMessages(String channel, int limit) {
        return messages.getMessages(channel, limit);
    }

    /**
     * A page of {@code channel} next to {@code cursor}, in authored order (oldest first; ties by
     * event id): the {@code limit} messages just before it ({@link Cursor#before}), or just after
     * it ({@link Cursor#after}); with a null cursor, the newest {@code limit}. Pages that follow
     * each other's cursors neither skip nor repeat a message.
     */
    public MessagePage getMessages(String channel, int limit, Cursor cursor) {
        return messages.getMessages(channel, limit, cursor);
    }

    /**
     * Messages of any channel whose text contains every word of {@code query} (FTS5 over this
     * device's decrypted bodies), most recently received first. See {@link #searchMessages(String, int, String)}.
     */
    public Messages searchMessages(String query, int limit) {
        return messages.searchMessages(query, limit);
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
        return messages.searchMessages(query, limit, channel);
    }

    /** The user's words as an FTS5 query: each a quoted string (a trailing * kept as a prefix match), all required. */
    static String ftsQuery(String query) {
        return MessagesApi.ftsQuery(query);
    }

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
        return files.uploadFile(channel, content, name, mime);
    }

    /** Shares the file at {@code path} under its own name, with the media type its extension suggests. */
    public String uploadFile(String channel, Path path) {
        return files.uploadFile(channel, path);
    }

    /** Shares the file at {@code path} under {@code name} and {@code mime}. */
    public String uploadFile(String channel, Path path, String name, String mime) {
        return files.uploadFile(channel, path, name, mime);
    }

    /** The media type of a file name's extension; {@code application/octet-stream} when unknown. */
    public static String mimeOf(String fileName) {
        return FilesApi.mimeOf(fileName);
    }

    /** Every file whose meta event this device holds, newest first, with how much of each it holds. */
    public List<FileInfo> files() {
        return files.files();
    }

    /** {@link #files()} as a table: one row per file, with progress (a download list). */
    public Table filesTable() {
        return files.filesTable();
    }

    /** The file with this id as this device sees it; throws when the device holds no meta event for it. */
    public FileInfo file(String fileId) {
        return files.file(fileId);
    }

    /** The file with this id as this device sees it, if the device holds its meta event. */
    public Optional<FileInfo> findFile(String fileId) {
        return files.findFile(fileId);
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
        return files.downloadFile(fileId);
    }

    /** Writes the downloaded file to {@code path} (see {@link #downloadFile}); returns the path. */
    public Path downloadFile(String fileId, Path path) {
        return files.downloadFile(fileId, path);
    }

    /**
     * How this device came to hold the file's chunks: one row per chunk stored, in order,
     * with the simulated time ({@code time_s}) and the number held from then on ({@code chunks_held}).
     * Read from the store ({@code events.received_ts}); chunks that arrived before the file's meta
     * event count too.
     */
    public Table fileProgress(String fileId) {
        return files.fileProgress(fileId);
    }

    /** Chunks of the file this device holds, whether or not its meta event has arrived. */
    public int chunksHeld(String fileId) {
        return files.chunksHeld(fileId);
    }

    /**
     * Records that this device's account created the invite {@code inviteId} (an invite grant, see
     * {@link org.p2psim.device.Invite#id()}); returns the grant event's id.
     */
    public String recordInvite(String inviteId) {
        return membership.recordInvite(inviteId);
    }

    /**
     * Announces that this device joined its account, with the invite {@code inviteId} or, when the
     * account authorised it, null (a join grant about itself); returns the grant event's id.
     */
    public String announceJoin(String inviteId) {
        return membership.announceJoin(inviteId);
    }

    /** Authorises the new device {@code newDeviceId} for this device's account; returns the grant event's id. */
    public String authorizeDevice(String newDeviceId) {
        return membership.authorizeDevice(newDeviceId);
    }

    /**
     * This device's {@code auth_graph} view, oldest grant first (by authored time, then event id):
     * {@code event_id}, {@code action} (invite, join, authorize-device), {@code subject} (an invite
     * id or a device id), {@code subject_name} (the device's name where known, else the subject),
     * {@code account} (the view's {@code author_user}), {@code author} (the author device's name),
     * {@code invite_id} (for a join), {@code ts} (authored µs) and {@code received_s}.
     */
    public Table authGraph() {
        return membership.authGraph();
    }

    /** What the device holds and whom it talks to now. */
    public SyncStatus syncStatus() {
        return status.syncStatus();
    }

    // ------------------------------------------------------------------ which files to fetch

    /** Which files this device fetches from now on (default {@link FilePolicy#FETCH_ALL}). */
    public Client setFilePolicy(FilePolicy policy) {
        device.fetch().setPolicy(policy);
        return this;
    }

    public FilePolicy filePolicy() {
        return device.fetch().policy();
    }

    /**
     * Marks a file to be fetched under {@link FilePolicy#FETCH_CHOSEN} (ignored under the other
     * policies). Its chunks are stored from now on as peers offer them again.
     */
    public Client chooseFile(String fileId) {
        ClientDevice.requireId(fileId, "fileId");
        device.fetch().choose(fileId);
        return this;
    }

    /** Whether this device's policy fetches the file with this id. */
    public boolean wantsFile(String fileId) {
        return device.fetch().wants(fileId);
    }

    /**
     * Fetches a {@code share} of the files from now on ({@link FilePolicy#FETCH_SHARE}): a file is
     * fetched when a hash of its id and {@code salt} falls below the share, so each device with its
     * own salt picks its own files, and picks them again in every run.
     */
    public Client fetchShare(double share, long salt) {
        device.fetch().fetchShare(share, salt);
        return this;
    }

    @Override
    public String toString() {
        return "Client[" + deviceName() + "]";
    }
}
