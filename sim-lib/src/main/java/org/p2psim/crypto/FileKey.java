package org.p2psim.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The key of one shared file: 32 bytes drawn by the uploader, carried in the file's meta event.
 *
 * <p>Seed 000: "attachments are stored in a {@code file_chunks} table keyed by a pseudorandom tag
 * derived from the file key". The tag of chunk {@code i} is the first {@value #TAG_BYTES} bytes of
 * {@code BLAKE3-keyed(file key, u32 big-endian i)}: without the key, chunk tags are unlinkable to
 * each other and to the file; with it (every member who holds the meta event), each chunk's tag
 * can be recomputed, so a chunk that was not made with the key is recognised.
 *
 * <p>The file's id is derived from the key too ({@link #fileIdHex()}), so the uploader can author
 * the chunks first and the meta event last: the meta event is then the newest, and the seed's
 * newest-first sync delivers it before the chunks, so receivers see the file (name, size,
 * progress) from the start.
 */
public final class FileKey {
    public static final int BYTES = Blake3.KEY_BYTES;
    public static final int TAG_BYTES = 16;

    private final byte[] key;

    private FileKey(byte[] key) {
        this.key = key;
    }

    /** A fresh key: 32 bytes from {@code random} (four {@code nextLong()}, little-endian), as every p2psim key. */
    public static FileKey generate(RandomGenerator random) {
        return new FileKey(RandomBytes.draw(random, BYTES));
    }

    /** The key with these 32 bytes (copied). */
    public static FileKey of(byte[] key) {
        Objects.requireNonNull(key, "file key bytes are null");
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a file key is " + BYTES + " bytes, got " + key.length);
        }
        return new FileKey(key.clone());
    }

    /** The 32 key bytes (a copy). */
    public byte[] bytes() {
        return key.clone();
    }

    private static final byte[] FILE_ID_INPUT = "p2psim file id".getBytes(StandardCharsets.US_ASCII);

    /** The file's id: BLAKE3-keyed(key, "p2psim file id"), first 16 bytes (the input's length keeps it apart from every tag). */
    public byte[] fileId() {
        return Blake3.keyed(key, FILE_ID_INPUT, TAG_BYTES);
    }

    /** {@link #fileId()} as 32 lowercase hex characters, the form every table and API uses. */
    public String fileIdHex() {
        return HexFormat.of().formatHex(fileId());
    }

    /** The pseudorandom tag of chunk {@code index}: BLAKE3-keyed(key, u32 big-endian index), first 16 bytes. */
    public byte[] chunkTag(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("chunk index must be >= 0, was " + index);
        }
        byte[] input = {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index};
        return Blake3.keyed(key, input, TAG_BYTES);
    }

    /** The tag of chunk {@code index} as 32 lowercase hex characters (as {@code file_chunks.tag} holds it). */
    public String chunkTagHex(int index) {
        return HexFormat.of().formatHex(chunkTag(index));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(key);
    }

    /** Never prints the key: a short fingerprint (BLAKE3 of the key, 4 bytes) tells keys apart. */
    @Override
    public String toString() {
        return "FileKey[" + HexFormat.of().formatHex(Blake3.hash(key, 4)) + "]";
    }
}
