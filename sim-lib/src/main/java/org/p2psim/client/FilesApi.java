package org.p2psim.client;

import static org.p2psim.client.ClientDevice.requireId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.FileKey;
import org.p2psim.event.FileAssembly;
import org.p2psim.event.FileChunk;
import org.p2psim.event.FileMeta;
import org.p2psim.event.Message;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/** Files of one device: share (chunk and meta events), list with progress, reassemble and download, chunk arrivals; over {@code files} and {@code file_chunks}. */
final class FilesApi {
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

    private final ClientDevice device;
    private final DeviceStore store;

    FilesApi(ClientDevice device) {
        this.device = device;
        this.store = device.store();
    }

    String uploadFile(String channel, byte[] content, String name, String mime) {
        Objects.requireNonNull(content, "content");
        if (content.length > Client.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("a file of " + content.length + " bytes is over the limit of "
                    + Client.MAX_FILE_BYTES + " bytes");
        }
        if (name != null && (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("file names cannot contain tabs or line breaks: '" + name + "'");
        }
        FileKey key = device.newFileKey();
        int chunks = FileChunk.chunkCount(content.length);
        FileMeta meta = new FileMeta(channel, name, mime == null ? "application/octet-stream" : mime, content.length,
                chunks, Blake3.hash256(content), key.bytes());
        String fileId = key.fileIdHex();
        for (int i = 0; i < chunks; i++) {
            device.author(FileChunk.split(fileId, key, content, i));
        }
        device.author(meta);
        return fileId;
    }

    String uploadFile(String channel, Path path) {
        return uploadFile(channel, path, path.getFileName().toString(), mimeOf(path.getFileName().toString()));
    }

    String uploadFile(String channel, Path path, String name, String mime) {
        try {
            return uploadFile(channel, Files.readAllBytes(path), name, mime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to upload it: " + e.getMessage(), e);
        }
    }

    static String mimeOf(String fileName) {
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

    List<FileInfo> files() {
        return store.select(FILES, DeviceStore.Binder.NONE, this::fileInfo);
    }

    /** One row of {@link #filesTable()}. */
    record FileListRow(String fileId, String channel, String name, String mime, String author, long size, int chunksHeld,
                       int chunkCount, long bytesHeld, double progress, boolean complete, boolean wanted) {}

    Table filesTable() {
        List<FileListRow> rows = files().stream().map(f -> new FileListRow(f.fileId(), f.channel(), f.name(), f.mime(),
                f.authorName(), f.size(), f.chunksHeld(), f.chunkCount(), f.bytesHeld(), f.progress(), f.complete(),
                f.wanted())).toList();
        return RecordTable.of("files on " + device.deviceName(), FileListRow.class, rows);
    }

    FileInfo file(String fileId) {
        return findFile(fileId).orElseThrow(() -> unknownFile(fileId));
    }

    Optional<FileInfo> findFile(String fileId) {
        requireId(fileId, "fileId");
        return store.select(FILE, ps -> ps.setString(1, fileId), this::fileInfo).stream().findFirst();
    }

    private FileInfo fileInfo(ResultSet rs) throws SQLException {
        String fileId = rs.getString(1);
        String authorId = rs.getString(3);
        return new FileInfo(fileId, rs.getString(12), rs.getLong(13), rs.getString(2), authorId, device.nameOf(authorId), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getInt(10), rs.getLong(11), rs.getString(9),
                device.fetch().wants(fileId));
    }

    byte[] downloadFile(String fileId) {
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
        String file = "file " + fileId + " ('" + meta.name() + "') on " + device.deviceName();
        if (result instanceof FileAssembly.Incomplete i) {
            throw new IncompleteFileException(device.deviceName(), fileId, meta.name(), i.held(), i.total());
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

    Path downloadFile(String fileId, Path path) {
        byte[] content = downloadFile(fileId);
        try {
            return Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** One row of {@link #fileProgress}: a chunk stored at {@code timeS}, after which {@code chunksHeld} are held. */
    record ChunkArrival(double timeS, int chunksHeld) {}

    Table fileProgress(String fileId) {
        requireId(fileId, "fileId");
        List<Long> times = store.select(CHUNK_ARRIVALS, ps -> ps.setString(1, fileId), rs -> rs.getLong(1));
        List<ChunkArrival> rows = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            rows.add(new ChunkArrival(SimTime.toSeconds(times.get(i)), i + 1));
        }
        return RecordTable.of("chunks of " + fileId + " on " + device.deviceName(), ChunkArrival.class, rows);
    }

    int chunksHeld(String fileId) {
        requireId(fileId, "fileId");
        return store.select(CHUNKS_HELD, ps -> ps.setString(1, fileId), rs -> rs.getInt(1)).get(0);
    }

    private IllegalArgumentException unknownFile(String fileId) {
        int chunks = chunksHeld(fileId);
        return new IllegalArgumentException("unknown file " + fileId + ": " + device.deviceName()
                + " holds no file-meta event with that id" + (chunks > 0 ? " (it holds " + chunks + " of its chunks)" : ""));
    }
}
