package org.p2psim.table;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean of a few runs with a 95 % percentile-bootstrap interval. Unlike a Student-t interval
 * on a small skewed sample, it stays inside the values that occurred (no negative convergence
 * time, no completeness above 1). Deterministic: the resampling uses a fixed seed.
 */
public record Interval(double mean, double low, double high, int n) {
    /** Resamples drawn; enough for the 2.5 % and 97.5 % percentiles to settle to ~3 digits. */
    public static final int RESAMPLES = 4000;
    private static final long SEED = 0x5EED;

    /** The interval of the finite values of {@code values} (NaN, e.g. "did not converge", left out). */
    public static Interval of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = v.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        if (n == 1) {
            return new Interval(mean, Double.NaN, Double.NaN, 1);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new Interval(mean, means[(int) (0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))], n);
    }

    /** "174 (152–190)", or the mean alone when there is no interval, or "—" when there is no value. */
    public String text() {
        return text(Readable::number);
    }

    /** As {@link #text()} for a share: "58.5 % (57–60 %)". */
    public String percentText() {
        if (n == 0 || Double.isNaN(low)) {
            return text(Readable::share);
        }
        return Readable.share(mean) + " (" + Readable.share(low).replace(" %", "") + "–" + Readable.share(high) + ")";
    }

    private String text(java.util.function.DoubleFunction<String> format) {
        if (n == 0) {
            return "—";
        }
        if (Double.isNaN(low)) {
            return format.apply(mean);
        }
        return format.apply(mean) + " (" + format.apply(low) + "–" + format.apply(high) + ")";
    }
}
