package org.p2psim.metrics.collect;

import java.util.Arrays;

/** A growable list of primitive longs: appends are amortised O(1) and allocate only when the array grows. */
final class LongList {
    private long[] values;
    private int size;

    LongList() {
        this(8);
    }

    LongList(int capacity) {
        values = new long[Math.max(1, capacity)];
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return values[index];
    }

    long last() {
        return values[size - 1];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Sorts the values in place (the list is used as a multiset where that is called). */
    void sort() {
        Arrays.sort(values, 0, size);
    }

    /**
     * Nearest-rank percentile of the values, which must be sorted: the smallest value such that at
     * least {@code percentile} % of the values are ≤ it (the ⌈p/100·n⌉-th smallest).
     */
    long nearestRank(double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return values[Math.min(size, Math.max(1, rank)) - 1];
    }
}
