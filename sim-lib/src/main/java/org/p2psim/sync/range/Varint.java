package org.p2psim.sync.range;

import java.nio.ByteBuffer;

/** Unsigned varints as negentropy writes them: base-128 digits, most significant first, high bit on all but the last. */
final class Varint {
    private Varint() {}

    static void put(ByteBuffer out, long value) {
        int digits = 1;
        while (digits < 10 && Long.compareUnsigned(value, 1L << (7 * digits)) >= 0) {
            digits++;
        }
        for (int d = digits - 1; d >= 0; d--) {
            int digit = (int) ((value >>> (7 * d)) & 0x7f);
            out.put((byte) (d > 0 ? digit | 0x80 : digit));
        }
    }

    static long get(ByteBuffer in) {
        long value = 0;
        for (int i = 0; i < 10; i++) {
            int b = in.get() & 0xff;
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    static int size(long value) {
        int digits = 1;
        while (digits < 10 && Long.compareUnsigned(value, 1L << (7 * digits)) >= 0) {
            digits++;
        }
        return digits;
    }
}
