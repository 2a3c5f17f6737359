package org.p2psim.workload.presence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of disjoint half-open time intervals [start, end) in simulated µs, sorted: when a device
 * is online, or its user active. Built from possibly overlapping pieces, which are merged.
 */
public final class Intervals {
    private final long[] starts;
    private final long[] ends;

    private Intervals(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static Intervals of(long start, long end) {
        return end > start ? new Intervals(new long[] {start}, new long[] {end}) : none();
    }

    public static Intervals none() {
        return new Intervals(new long[0], new long[0]);
    }

    /** The union of {@code pieces} ({start, end} pairs, in any order, possibly overlapping or empty). */
    public static Intervals union(List<long[]> pieces) {
        List<long[]> sorted = new ArrayList<>(pieces.stream().filter(p -> p[1] > p[0]).toList());
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] p : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && p[0] <= last[1]) {
                last[1] = Math.max(last[1], p[1]);
            } else {
                merged.add(new long[] {p[0], p[1]});
            }
        }
        return new Intervals(merged.stream().mapToLong(p -> p[0]).toArray(), merged.stream().mapToLong(p -> p[1]).toArray());
    }

    public Intervals union(Intervals other) {
        List<long[]> all = new ArrayList<>(pieces());
        all.addAll(other.pieces());
        return union(all);
    }

    /** The intervals as {start, end} pairs, in time order. */
    public List<long[]> pieces() {
        List<long[]> result = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            result.add(new long[] {starts[i], ends[i]});
        }
        return result;
    }

    public int size() {
        return starts.length;
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    /** Whether {@code t} lies in one of the intervals. */
    public boolean contains(long t) {
        int i = Arrays.binarySearch(starts, t);
        if (i >= 0) {
            return true;
        }
        int before = -i - 2;
        return before >= 0 && t < ends[before];
    }

    /** The first interval start at or after {@code t}, or -1 if none. */
    public long nextStart(long t) {
        int i = Arrays.binarySearch(starts, t);
        int at = i >= 0 ? i : -i - 1;
        return at < starts.length ? starts[at] : -1;
    }

    /** Total length in µs. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
        }
        return sum;
    }

    /**
     * The instant at which {@code elapsed} µs of time inside the intervals have passed, counted from
     * the first start; -1 beyond the end. Maps a Poisson process in "active time" onto the clock.
     */
    public long instantAfter(double elapsed) {
        double left = elapsed;
        for (int i = 0; i < starts.length; i++) {
            long length = ends[i] - starts[i];
            if (left < length) {
                return starts[i] + (long) left;
            }
            left -= length;
        }
        return -1;
    }
}
