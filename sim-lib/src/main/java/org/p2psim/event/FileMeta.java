package org.p2psim.event;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.p2psim.crypto.FileKey;

/**
 * A shared file, posted in a channel: what it is and how to put it back together. The file's id is
 * derived from the file key ({@link FileKey#fileIdHex()}); its bytes travel in {@link FileChunk}
 * events, which the uploader authors before this one.
 *
 * @param channelId   where the file was posted (it shows in the channel as a message)
 * @param name        file name, e.g. {@code sunset.jpg}
 * @param mime        media type, e.g. {@code image/jpeg}
 * @param size        bytes of the whole file
 * @param chunkCount  number of chunks; the chunks' bytes concatenated in index order are the file
 * @param contentHash BLAKE3-256 of the whole file (32 bytes): checked before a download is handed out
 * @param fileKey     the file key (32 bytes): chunk tags are derived from it (see {@link FileKey})
 */
public record FileMeta(String channelId, String name, String mime, long size, int chunkCount, byte[] contentHash,
                       byte[] fileKey) implements Payload {
    public static final int HASH_BYTES = 32;

    public FileMeta {
        if (channelId == null || channelId.isEmpty()) {
            throw new IllegalArgumentException("a file needs a channel, got '" + channelId + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a file needs a name, got " + (name == null ? "null" : "'" + name + "'"));
        }
        Objects.requireNonNull(mime, "mime");
        if (size < 0 || chunkCount < 0) {
            throw new IllegalArgumentException("file size and chunk count must be >= 0, were " + size + " and " + chunkCount);
        }
        if ((size == 0) != (chunkCount == 0) || chunkCount > size) {
            throw new IllegalArgumentException("a file of " + size + " bytes cannot have " + chunkCount + " chunks");
        }
        if (contentHash == null || contentHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("content hash must be " + HASH_BYTES + " bytes");
        }
        if (fileKey == null || fileKey.length != FileKey.BYTES) {
            throw new IllegalArgumentException("file key must be " + FileKey.BYTES + " bytes");
        }
        contentHash = contentHash.clone();
        fileKey = fileKey.clone();
    }

    /** The content hash as 64 lowercase hex characters. */
    public String contentHashHex() {
        return HexFormat.of().formatHex(contentHash);
    }

    public FileKey key() {
        return FileKey.of(fileKey);
    }

    /** The file's id, derived from the file key. */
    public String fileId() {
        return key().fileIdHex();
    }

    @Override
    public byte[] contentHash() {
        return contentHash.clone();
    }

    @Override
    public byte[] fileKey() {
        return fileKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileMeta m && channelId.equals(m.channelId) && name.equals(m.name) && mime.equals(m.mime)
                && size == m.size && chunkCount == m.chunkCount && Arrays.equals(contentHash, m.contentHash)
                && Arrays.equals(fileKey, m.fileKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channelId, name, mime, size, chunkCount) * 31 + Arrays.hashCode(contentHash);
    }

    @Override
    public String toString() {
        return "FileMeta[channel=" + channelId + ", name=" + name + ", mime=" + mime + ", size=" + size
                + ", chunks=" + chunkCount + ", blake3=" + contentHashHex().substring(0, 16) + "…]";
    }
}
