package org.p2psim.event;

import java.util.HexFormat;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.FileKey;

/**
 * Reassembles a shared file from the chunks a device holds: the one place that checks each
 * chunk's tag against the file key, and the whole against the size and BLAKE3-256 hash its meta
 * event states. A chunk with a wrong tag, an index out of range or a second copy of an index is
 * ignored, as if it were missing.
 */
public final class FileAssembly {
    private FileAssembly() {}

    /** One stored chunk: its index, its tag (lowercase hex, as {@code file_chunks.tag}) and its bytes. */
    public record Chunk(int index, String tagHex, byte[] bytes) {}

    /** What came of reassembling a file. */
    public sealed interface Result {}

    /** Only {@code held} of the {@code total} chunks are there (with a valid tag). */
    public record Incomplete(int held, int total) implements Result {}

    /** Every chunk is there, but together they hold {@code bytes}, not the size the meta event says. */
    public record WrongSize(long bytes) implements Result {}

    /** The right size, but the content hashes to {@code hashHex}, not what the meta event says. */
    public record WrongHash(String hashHex) implements Result {}

    /** The file's verified bytes. */
    public record Complete(byte[] content) implements Result {}

    /**
     * @param key        the file key from the meta event
     * @param chunkCount the chunk count the meta event states
     * @param size       the size the meta event states
     * @param hashHex    the BLAKE3-256 of the content the meta event states, hex
     * @param chunks     the chunks held, in any order
     */
    public static Result assemble(FileKey key, int chunkCount, long size, String hashHex, Iterable<Chunk> chunks) {
        byte[][] slots = new byte[chunkCount][];
        int held = 0;
        for (Chunk c : chunks) {
            if (c.index() >= 0 && c.index() < chunkCount && slots[c.index()] == null
                    && c.tagHex().equals(key.chunkTagHex(c.index()))) {
                slots[c.index()] = c.bytes();
                held++;
            }
        }
        if (held < chunkCount) {
            return new Incomplete(held, chunkCount);
        }
        long total = 0;
        for (byte[] slot : slots) {
            total += slot.length;
        }
        if (total != size) {
            return new WrongSize(total);
        }
        byte[] content = new byte[(int) total];
        int at = 0;
        for (byte[] slot : slots) {
            System.arraycopy(slot, 0, content, at, slot.length);
            at += slot.length;
        }
        String hash = HexFormat.of().formatHex(Blake3.hash256(content));
        return hash.equalsIgnoreCase(hashHex) ? new Complete(content) : new WrongHash(hash);
    }
}
