package org.p2psim.crypto;

import java.util.random.RandomGenerator;

/**
 * Draws bytes from a caller's {@link RandomGenerator} in one fixed, documented way, so a seed
 * means the same keys and nonces on every JVM and in every release: each group of 8 bytes is one
 * {@code nextLong()} written little-endian; a final partial group takes the low bytes of one more
 * {@code nextLong()}.
 */
final class RandomBytes {

    private RandomBytes() {}

    static void fill(RandomGenerator rng, byte[] out, int offset, int length) {
        if (rng == null) {
            throw new NullPointerException("random generator is null");
        }
        int end = offset + length;
        int i = offset;
        while (i < end) {
            long v = rng.nextLong();
            int n = Math.min(8, end - i);
            for (int k = 0; k < n; k++) {
                out[i++] = (byte) v;
                v >>>= 8;
            }
        }
    }

    static byte[] draw(RandomGenerator rng, int length) {
        byte[] out = new byte[length];
        fill(rng, out, 0, length);
        return out;
    }
}
