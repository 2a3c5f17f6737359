package org.p2psim.sync.riblt;

import java.util.Arrays;

/**
 * One side's set as an endless stream of coded symbols: items are only ever appended, and the
 * symbols of the first k items (a snapshot, so that a peer reads a consistent stream while new
 * items arrive) over any index range are computed from a cached prefix of the symbols of all
 * items, minus the few items appended since. The cache holds at most {@value #CACHE_PER_ITEM} symbols
 * per item (an honest stream decodes long before); a range past it is computed from the items
 * themselves, so a request for a far index costs time in proportion to the items, not memory in
 * proportion to the index.
 */
public final class CodedSet {
    private static final int FIRST_CACHE = 64;
    static final int CACHE_PER_ITEM = 4;

    private long[] high = new long[64];
    private long[] low = new long[64];
    private long[] check = new long[64];
    private int size;
    private Symbols cache = new Symbols(0);

    /** Appends an item (a 16-byte id as two longs): it is item number {@link #size()} − 1 from now on. */
    public void add(long itemHigh, long itemLow) {
        if (size == high.length) {
            high = Arrays.copyOf(high, size * 2);
            low = Arrays.copyOf(low, size * 2);
            check = Arrays.copyOf(check, size * 2);
        }
        high[size] = itemHigh;
        low[size] = itemLow;
        check[size] = Mapping.checksum(itemHigh, itemLow);
        addTo(cache, 0, size, 0, cache.size(), 1);
        size++;
    }

    public int size() {
        return size;
    }

    /** The coded symbols [from, to) of the first {@code items} items. */
    Symbols symbols(int items, int from, int to) {
        int limit = Math.max(FIRST_CACHE, CACHE_PER_ITEM * size);
        if (to > limit) {
            Symbols s = new Symbols(to - from);
            for (int i = 0; i < items; i++) {
                addTo(s, from, i, from, to, 1);
            }
            return s;
        }
        if (to > cache.size()) {
            grow(Math.min(limit, Math.max(to, Math.max(FIRST_CACHE, cache.size() * 2))));
        }
        Symbols s = cache.slice(from, to);
        for (int i = items; i < size; i++) {
            addTo(s, from, i, from, to, -1);
        }
        return s;
    }

    private void grow(int length) {
        int old = cache.size();
        cache = cache.grown(length);
        for (int i = 0; i < size; i++) {
            addTo(cache, 0, i, old, length, 1);
        }
    }

    /** Adds item {@code item} (sign +1) or removes it (-1) to the symbols [from, to) held in s, whose first symbol has index base. */
    private void addTo(Symbols s, int base, int item, int from, int to, int sign) {
        if (from >= to) {
            return;
        }
        Mapping m = Mapping.of(high[item], low[item]);
        for (long idx = m.next(); idx < to; idx = m.next()) {
            if (idx >= from) {
                s.apply((int) (idx - base), high[item], low[item], check[item], sign);
            }
        }
    }
}
