package org.p2psim.metrics.collect;

import java.util.Arrays;

/**
 * A step function of time kept as change points {@code (time, value)} in time order, in two
 * primitive arrays. A change reported earlier than the last one takes effect at the last one's time,
 * so the points stay ordered and look-ups stay binary searches.
 */
final class StepSeries {
    private long[] times = new long[8];
    private int[] values = new int[8];
    private int size;

    void add(long time, int value) {
        if (size > 0 && time < times[size - 1]) {
            time = times[size - 1];
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = time;
        values[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    long timeAt(int index) {
        return times[index];
    }

    /** The value in force at {@code time}: that of the last change at or before it, 0 before the first. */
    int valueAt(long time) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 0 : values[found];
    }
}
