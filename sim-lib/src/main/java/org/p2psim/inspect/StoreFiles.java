package org.p2psim.inspect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.p2psim.crypto.FileKey;
import org.p2psim.event.FileAssembly;
import org.p2psim.inspect.source.Source;
import tech.tablesaw.api.Table;

/**
 * The files of a device read from its store's {@code files} (one row per file meta event:
 * file_id, channel_id, author, authored_ts, name, mime, size, chunk_count, content_hash) and
 * {@code file_chunks} (file_id, chunk_index, bytes) tables, through the inspection's read-only
 * SQL, so it works on a live simulation and on a run directory alike. A store without those tables
 * has no files. A complete image's bytes are reassembled in chunk order and checked against the
 * meta event's chunk tags, size and BLAKE3-256 hash ({@link FileAssembly}, as a download is) before they are shown.
 */
final class StoreFiles implements FileSource {
    static final StoreFiles INSTANCE = new StoreFiles();
    /** Complete images whose bytes are loaded for thumbnails, newest first; older ones show as placeholders. */
    static final int MAX_THUMBNAILS = 40;

    private static final Set<String> FILE_COLUMNS = Set.of("file_id", "channel_id", "author", "authored_ts", "name", "mime",
            "size", "chunk_count", "content_hash");
    private static final Set<String> CHUNK_COLUMNS = Set.of("file_id", "chunk_index", "bytes");

    private StoreFiles() {}

    /** Whether {@code device}'s store has file tables this reader understands. */
    static boolean present(Source source, String device) {
        return columns(source, device, "files").containsAll(FILE_COLUMNS)
                && columns(source, device, "file_chunks").containsAll(CHUNK_COLUMNS);
    }

    static Set<String> columns(Source source, String device, String table) {
        Table t = source.sql(device, "SELECT name FROM pragma_table_info('" + table.replace("'", "''") + "')");
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            names.add(t.column("name").getString(i));
        }
        return names;
    }

    @Override
    public List<FileEntry> files(Inspection inspection, String device) {
        Source source = inspection.source();
        if (!present(source, device)) {
            return List.of();
        }
        Map<String, String> names = source.namesById();
        Table f = source.sql(device, "SELECT file_id, channel_id, author, authored_ts, name, mime, size, chunk_count, content_hash"
                + " FROM files ORDER BY authored_ts, file_id");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < f.rowCount(); i++) {
            counts.put(f.column("file_id").getString(i), (int) StateExport.number(f, "chunk_count", i));
        }
        Map<String, BitSet> held = new HashMap<>();
        Table c = source.sql(device, "SELECT c.file_id AS file_id, c.chunk_index AS chunk_index FROM file_chunks c"
                + " JOIN files f ON f.file_id = c.file_id WHERE c.chunk_index >= 0 AND c.chunk_index < f.chunk_count");
        for (int i = 0; i < c.rowCount(); i++) {
            held.computeIfAbsent(c.column("file_id").getString(i), k -> new BitSet()).set((int) StateExport.number(c, "chunk_index", i));
        }
        List<FileEntry> files = new ArrayList<>(f.rowCount());
        int thumbnails = 0;
        for (int i = f.rowCount() - 1; i >= 0; i--) {
            String id = f.column("file_id").getString(i);
            int total = counts.get(id);
            BitSet bits = held.getOrDefault(id, new BitSet());
            String mime = f.column("mime").getString(i);
            long size = (long) StateExport.number(f, "size", i);
            byte[] content = null;
            if (bits.cardinality() == total && mime.startsWith("image/") && thumbnails < MAX_THUMBNAILS) {
                content = content(source, device, id, total, size, f.column("content_hash").getString(i));
                thumbnails++;
            }
            String author = f.column("author").getString(i);
            files.add(new FileEntry(id, f.column("name").getString(i), mime, f.column("channel_id").getString(i),
                    names.getOrDefault(author, author.substring(0, Math.min(8, author.length()))),
                    (long) StateExport.number(f, "authored_ts", i), size, bits.cardinality(), total, bits, content));
        }
        java.util.Collections.reverse(files);
        return files;
    }

    /**
     * The file's verified bytes (see {@link FileAssembly}), or null when chunks are missing or do not
     * match the meta event's tags, size and hash, or the store has no chunk tags or file key to check.
     */
    private static byte[] content(Source source, String device, String fileId, int total, long size, String hash) {
        if (!columns(source, device, "file_chunks").contains("tag") || !columns(source, device, "files").contains("file_key")) {
            return null;
        }
        String quoted = "'" + fileId.replace("'", "''") + "'";
        Table k = source.sql(device, "SELECT file_key FROM files WHERE file_id = " + quoted);
        byte[] key = k.rowCount() == 0 ? new byte[0] : hexOrEmpty(k.column("file_key").getString(0));
        if (key.length != FileKey.BYTES) {
            return null;
        }
        Table t = source.sql(device, "SELECT chunk_index, tag, bytes FROM file_chunks WHERE file_id = " + quoted
                + " ORDER BY chunk_index");
        List<FileAssembly.Chunk> chunks = new ArrayList<>(t.rowCount());
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < t.rowCount(); i++) {
            chunks.add(new FileAssembly.Chunk((int) StateExport.number(t, "chunk_index", i), t.column("tag").getString(i),
                    hex.parseHex(t.column("bytes").getString(i))));
        }
        return FileAssembly.assemble(FileKey.of(key), total, size, hash, chunks) instanceof FileAssembly.Complete c
                ? c.content() : null;
    }

    private static byte[] hexOrEmpty(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
