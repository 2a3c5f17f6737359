package org.p2psim.sync.riblt;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A run of coded symbols: per symbol the XOR of the items added (two longs), the XOR of their
 * checksums and their signed count. On the wire a symbol is {@value #WIRE_BYTES} bytes.
 */
final class Symbols {
    static final int WIRE_BYTES = 8 + 8 + 8 + 4;

    long[] high;
    long[] low;
    long[] check;
    int[] count;

    Symbols(int size) {
        high = new long[size];
        low = new long[size];
        check = new long[size];
        count = new int[size];
    }

    int size() {
        return count.length;
    }

    /** Symbol i: adds (sign +1) or removes (sign -1) one item. */
    void apply(int i, long itemHigh, long itemLow, long itemCheck, int sign) {
        high[i] ^= itemHigh;
        low[i] ^= itemLow;
        check[i] ^= itemCheck;
        count[i] += sign;
    }

    /** Symbols [from, to) as a new run. */
    Symbols slice(int from, int to) {
        Symbols s = new Symbols(to - from);
        System.arraycopy(high, from, s.high, 0, to - from);
        System.arraycopy(low, from, s.low, 0, to - from);
        System.arraycopy(check, from, s.check, 0, to - from);
        System.arraycopy(count, from, s.count, 0, to - from);
        return s;
    }

    Symbols grown(int size) {
        Symbols s = new Symbols(0);
        s.high = Arrays.copyOf(high, size);
        s.low = Arrays.copyOf(low, size);
        s.check = Arrays.copyOf(check, size);
        s.count = Arrays.copyOf(count, size);
        return s;
    }

    void write(ByteBuffer out, int i) {
        out.putLong(high[i]).putLong(low[i]).putLong(check[i]).putInt(count[i]);
    }

    void read(ByteBuffer in, int i) {
        high[i] = in.getLong();
        low[i] = in.getLong();
        check[i] = in.getLong();
        count[i] = in.getInt();
    }
}
