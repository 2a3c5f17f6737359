package org.p2psim.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;

/**
 * BLAKE3 hashing (Bouncy Castle {@link Blake3Digest}), unkeyed, with any output length (BLAKE3 is
 * an extendable-output function: a shorter output is a prefix of a longer one, so the first 16
 * bytes of {@link #hash256} equal {@code hash(input, 16)}); and keyed ({@link #keyed}), BLAKE3's
 * built-in MAC/PRF mode.
 */
public final class Blake3 {

    /** One reusable digest per thread; every call leaves it reset. */
    private static final ThreadLocal<Blake3Digest> DIGEST =
            ThreadLocal.withInitial(() -> new Blake3Digest(256));

    /** Key length of the keyed mode. */
    public static final int KEY_BYTES = 32;

    private Blake3() {}

    /** The standard 32-byte BLAKE3 hash of {@code input}. */
    public static byte[] hash256(byte[] input) {
        return hash(input, 32);
    }

    /** The first {@code outputBytes} bytes of the BLAKE3 output for {@code input}. */
    public static byte[] hash(byte[] input, int outputBytes) {
        Objects.requireNonNull(input, "input is null");
        return hash(input, 0, input.length, outputBytes);
    }

    /** The first {@code outputBytes} bytes of the BLAKE3 output for {@code input[offset, offset+length)}. */
    public static byte[] hash(byte[] input, int offset, int length, int outputBytes) {
        Objects.requireNonNull(input, "input is null");
        Objects.checkFromIndexSize(offset, length, input.length);
        if (outputBytes < 1) {
            throw new IllegalArgumentException("BLAKE3 output length must be at least 1 byte, got " + outputBytes);
        }
        byte[] out = new byte[outputBytes];
        Blake3Digest digest = DIGEST.get();
        digest.update(input, offset, length);
        digest.doFinal(out, 0, outputBytes); // also resets the digest for the next call
        return out;
    }

    /**
     * BLAKE3 in keyed mode (a PRF): the first {@code outputBytes} bytes of {@code keyed_hash(key, input)}.
     * The key is 32 bytes.
     */
    public static byte[] keyed(byte[] key, byte[] input, int outputBytes) {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(input, "input is null");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a BLAKE3 key is " + KEY_BYTES + " bytes, got " + key.length);
        }
        if (outputBytes < 1) {
            throw new IllegalArgumentException("BLAKE3 output length must be at least 1 byte, got " + outputBytes);
        }
        Blake3Digest digest = new Blake3Digest(256);
        digest.init(Blake3Parameters.key(key));
        digest.update(input, 0, input.length);
        byte[] out = new byte[outputBytes];
        digest.doFinal(out, 0, outputBytes);
        return out;
    }
}
