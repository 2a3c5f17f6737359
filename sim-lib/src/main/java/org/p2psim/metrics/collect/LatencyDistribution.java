package org.p2psim.metrics.collect;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * A distribution of latencies in µs: an HdrHistogram with 3 significant digits (values are kept
 * to within 0.1 %), plus the exact count and maximum. Percentiles are HdrHistogram's: the
 * ⌈p/100·n⌉-th smallest value (nearest rank), reported as the top of its 0.1 % bucket but never
 * above the exact maximum.
 */
final class LatencyDistribution {
    private static final double MICROS_PER_SECOND = 1e6;

    private final Histogram histogram = new Histogram(3);
    private long max = -1;

    void record(long micros) {
        long value = Math.max(0, micros);
        histogram.recordValue(value);
        if (value > max) {
            max = value;
        }
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile} (0–100) in seconds; NaN when nothing was recorded. */
    double percentileSeconds(double percentile) {
        if (count() == 0) {
            return Double.NaN;
        }
        return Math.min(histogram.getValueAtPercentile(percentile), max) / MICROS_PER_SECOND;
    }

    double maxSeconds() {
        return count() == 0 ? Double.NaN : max / MICROS_PER_SECOND;
    }

    /**
     * The empirical CDF: one row per distinct recorded value (bucket), in increasing order, with
     * the fraction of all values ≤ it. Empty when nothing was recorded.
     */
    Table cdf(String name) {
        return RecordTable.of(name, CdfPoint.class, cdfPoints());
    }

    List<CdfPoint> cdfPoints() {
        List<CdfPoint> points = new ArrayList<>();
        long total = count();
        if (total > 0) {
            for (HistogramIterationValue v : histogram.recordedValues()) {
                points.add(new CdfPoint(Math.min(v.getValueIteratedTo(), max) / MICROS_PER_SECOND,
                        v.getTotalCountToThisValue() / (double) total));
            }
        }
        return points;
    }

    record CdfPoint(double valueS, double fraction) {}
}
