package org.p2psim.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian longs in byte arrays, and a fast non-cryptographic 64-bit hash of a byte range. */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {}

    public static long readLong(byte[] bytes, int offset) {
        return (long) LONGS.get(bytes, offset);
    }

    public static void writeLong(byte[] bytes, int offset, long value) {
        LONGS.set(bytes, offset, value);
    }

    /**
     * A 64-bit fingerprint of {@code bytes[0, length)}: FNV-1a over 8-byte words with a
     * SplitMix64 finish. For telling packets apart in logs and replay caches, not against an adversary.
     */
    public static long fingerprint(byte[] bytes, int length) {
        long h = 0xcbf29ce484222325L ^ length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ readLong(bytes, i)) * 0x100000001b3L;
            h ^= h >>> 29;
        }
        for (; i < length; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
