package org.p2psim.sync.range;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.p2psim.crypto.Blake3;
import org.p2psim.event.EventId;

/**
 * One side's items, sorted by (timestamp, id), with prefix sums of the ids for O(1) fingerprints.
 *
 * <p><b>Fingerprint</b> of a range: the ids read as unsigned 128-bit big-endian numbers and added mod
 * 2^128, followed by the count as a varint, hashed with BLAKE3 and cut to 16 bytes (negentropy adds
 * 256-bit ids and uses SHA-256; the idea is the same). Equal sets give equal fingerprints whatever
 * the order of insertion, and sums of a prefix make any range's sum a subtraction.
 */
final class RangeItems {
    static final int FINGERPRINT_BYTES = 16;

    private long[] ts = new long[64];
    private EventId[] ids = new EventId[64];
    private int size;
    private long[] sumHigh = new long[1];
    private long[] sumLow = new long[1];
    private boolean sumsStale;

    int size() {
        return size;
    }

    long ts(int i) {
        return ts[i];
    }

    EventId id(int i) {
        return ids[i];
    }

    /** Inserts an item at its place; a present id is ignored. */
    void add(long timestamp, EventId id) {
        int at = lowerBound(new Bound(timestamp, id.high(), id.low(), EventId.BYTES));
        if (at < size && ts[at] == timestamp && ids[at].equals(id)) {
            return;
        }
        if (size == ts.length) {
            ts = Arrays.copyOf(ts, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        System.arraycopy(ts, at, ts, at + 1, size - at);
        System.arraycopy(ids, at, ids, at + 1, size - at);
        ts[at] = timestamp;
        ids[at] = id;
        size++;
        sumsStale = true;
    }

    /** Index of the first item not below {@code bound} (size when every item is below it). */
    int lowerBound(Bound bound) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bound.above(ts[mid], ids[mid].high(), ids[mid].low())) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The shortest bound between item {@code i - 1} and item {@code i}. */
    Bound boundBefore(int i) {
        return Bound.between(ts[i - 1], ids[i - 1], ts[i], ids[i]);
    }

    byte[] fingerprint(int from, int to) {
        refreshSums();
        long low = sumLow[to] - sumLow[from];
        long borrow = Long.compareUnsigned(sumLow[to], sumLow[from]) < 0 ? 1 : 0;
        long high = sumHigh[to] - sumHigh[from] - borrow;
        ByteBuffer in = ByteBuffer.allocate(16 + 10).putLong(high).putLong(low);
        Varint.put(in, to - from);
        return Blake3.hash(in.array(), 0, in.position(), FINGERPRINT_BYTES);
    }

    private void refreshSums() {
        if (!sumsStale && sumHigh.length == size + 1) {
            return;
        }
        sumHigh = new long[size + 1];
        sumLow = new long[size + 1];
        for (int i = 0; i < size; i++) {
            long low = sumLow[i] + ids[i].low();
            sumLow[i + 1] = low;
            sumHigh[i + 1] = sumHigh[i] + ids[i].high() + (Long.compareUnsigned(low, sumLow[i]) < 0 ? 1 : 0);
        }
        sumsStale = false;
    }
}
