package org.p2psim.table;

import java.util.Arrays;

/**
 * Nearest-rank quantiles of a sample: the value below which a share {@code q} of the sample lies,
 * always one of the values that occurred (no interpolation between two latencies). Missing values
 * (NaN) are left out.
 */
public final class Quantiles {
    private Quantiles() {}

    /** The nearest-rank {@code q}-quantile (0 &lt; q ≤ 1; 1 is the maximum) of the finite values, NaN when there are none. */
    public static double of(double[] values, double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in (0, 1], got " + q);
        }
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[Math.max(0, (int) Math.ceil(q * v.length) - 1)];
    }

    /** The median: {@code of(values, 0.5)}. */
    public static double median(double[] values) {
        return of(values, 0.5);
    }
}
