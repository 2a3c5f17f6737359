package org.p2psim.metrics;

import java.util.List;

/** Lookups in a step function stored as time-ordered {@code [time, value]} change points. */
final class StepCurve {
    private StepCurve() {}

    /** The value in force at {@code time}: the last change at or before it, 0 before the first. */
    static int valueAt(List<long[]> changes, long time) {
        int lo = 0;
        int hi = changes.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (changes.get(mid)[0] <= time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 0 : (int) changes.get(found)[1];
    }
}
