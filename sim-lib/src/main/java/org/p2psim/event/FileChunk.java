package org.p2psim.event;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.p2psim.crypto.FileKey;

/**
 * One piece of a shared file, an ordinary event: it is sealed, named, stored and synced like a
 * message (seed 004 §16, "file chunks as events").
 *
 * <p>Size on the wire, for a full chunk of {@value #CHUNK_BYTES} bytes (every figure is checked by a
 * test against real sealed events and signed packets):
 * <pre>
 *   plaintext  = 26 (version, tag, author, authored µs) + 40 (file id 16, index 4, tag 16, length 4)
 *                + 500 (bytes) + 64 (author's Ed25519 signature)              = 630
 *   sealed     = plaintext + 40 (XChaCha20 nonce 24, Poly1305 tag 16)         = 670
 *   packet     = sealed + 92 (packet header 28, packet signature 64)          = 762  ≤ MTU 1400
 * </pre>
 * The largest chunk that would still fit a 1400-byte packet is 1138 bytes; 500 is the seed's figure.
 *
 * @param fileId the file's id, derived from its key ({@link FileKey#fileIdHex()}; 32 lowercase hex characters)
 * @param index  position of the chunk, from 0
 * @param tag    the chunk's pseudorandom tag, {@link FileKey#chunkTag(int)} of the file key and the index
 *               (16 bytes): the key of the chunk's row in {@code file_chunks}
 * @param data   the chunk's bytes (at most {@value #CHUNK_BYTES} when made by {@link #split})
 */
public record FileChunk(String fileId, int index, byte[] tag, byte[] data) implements Payload {
    /** Bytes of file content per chunk event (seed 004 §16: "files are split into 500-byte chunks"). */
    public static final int CHUNK_BYTES = 500;

    public FileChunk {
        EventId.parse(fileId);
        if (index < 0) {
            throw new IllegalArgumentException("chunk index must be >= 0, was " + index);
        }
        if (tag == null || tag.length != FileKey.TAG_BYTES) {
            throw new IllegalArgumentException("a chunk tag is " + FileKey.TAG_BYTES + " bytes");
        }
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("a chunk carries at least one byte");
        }
        tag = tag.clone();
        data = data.clone();
    }

    /** Number of chunks a file of {@code size} bytes is split into. */
    public static int chunkCount(long size) {
        long n = (size + CHUNK_BYTES - 1) / CHUNK_BYTES;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a file of " + size + " bytes has too many chunks");
        }
        return (int) n;
    }

    /** Chunk {@code index} of {@code content}, tagged under {@code key}. */
    public static FileChunk split(String fileId, FileKey key, byte[] content, int index) {
        int from = Math.multiplyExact(index, CHUNK_BYTES);
        if (index < 0 || from >= content.length) {
            throw new IndexOutOfBoundsException("chunk " + index + " of a " + content.length + "-byte file");
        }
        return new FileChunk(fileId, index, key.chunkTag(index),
                Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_BYTES)));
    }

    /** Chunks are not posted in a channel: the file's meta event is. */
    @Override
    public String channelId() {
        return null;
    }

    public String tagHex() {
        return HexFormat.of().formatHex(tag);
    }

    @Override
    public byte[] tag() {
        return tag.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Length of {@link #data()} without copying it. */
    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileChunk c && fileId.equals(c.fileId) && index == c.index && Arrays.equals(tag, c.tag)
                && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileId, index) * 31 + Arrays.hashCode(tag);
    }

    @Override
    public String toString() {
        return "FileChunk[file=" + fileId + ", index=" + index + ", tag=" + tagHex() + ", " + data.length + " bytes]";
    }
}
