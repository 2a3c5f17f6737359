package org.p2psim.scenario.spec;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.p2psim.metrics.Metrics;
import org.p2psim.net.nat.NatStats;
import org.p2psim.sim.SimTime;

/**
 * One expected outcome of a scenario, checked after each run: a summary metric compared with a
 * threshold, optionally at a point in simulated time. In YAML (the {@code expect:} list):
 *
 * <pre>{@code
 * expect:
 *   - {metric: mean_completeness, above: 0.99, at: 30s after last message}
 *   - {metric: convergence_s, atMost: 60}
 *   - {metric: filter_bytes_max, atMost: 2048, name: filters stay within 2 KB}
 * }</pre>
 *
 * A failing expectation is a finding of the run, reported beside its measured value; it does not
 * stop or fail the run.
 *
 * @param metric     a key of {@link Metrics#summaryMap()}
 * @param comparison how the measured value must relate to {@code threshold}
 * @param threshold  the bound
 * @param at         when the metric is read, or null for the end of the run; only for {@link #TIMED_METRICS}
 * @param name       what the check is called in reports, or null for {@link #label()}'s default
 * @param attainable where the seed's threshold is beyond what any protocol could reach under the
 *                   scenario (even the oracle misses it), the threshold that is attainable and why; else null
 */
public record Expectation(String metric, Comparison comparison, double threshold, TimePoint at, String name, Attainable attainable) {

    /**
     * The threshold a protocol can attain where the seed's cannot be, with the reason (e.g. a phone
     * asleep at the end of the run cannot hold what was sent while it slept). It uses the check's
     * comparison and is never stricter than the seed's threshold.
     */
    public record Attainable(double threshold, String reason) {
        public Attainable {
            if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("the attainable threshold must be a finite number, was " + threshold);
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an attainable threshold needs its reason: why the seed's threshold is out of reach");
            }
        }
    }

    public Expectation(String metric, Comparison comparison, double threshold, TimePoint at, String name) {
        this(metric, comparison, threshold, at, name, null);
    }

    /** Metrics that can be read at a point in time ({@code at:}); every other one is read at the end of the run. */
    public static final List<String> TIMED_METRICS = List.of("mean_completeness", "min_completeness");

    public Expectation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        if (!Metrics.summaryKeys().contains(metric) && !NatStats.SUMMARY_KEYS.contains(metric)) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; known: " + String.join(", ", Metrics.summaryKeys())
                    + " and, for runs with NATs, " + String.join(", ", NatStats.SUMMARY_KEYS));
        }
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the threshold must be a finite number, was " + threshold);
        }
        if (at != null && !TIMED_METRICS.contains(metric)) {
            throw new IllegalArgumentException(metric + " is read at the end of the run; only " + String.join(" and ", TIMED_METRICS)
                    + " take a time point");
        }
        if (attainable != null && comparison.test(attainable.threshold(), threshold) && attainable.threshold() != threshold) {
            throw new IllegalArgumentException("the attainable threshold (" + formatNumber(attainable.threshold()) + ") is stricter than the seed's ("
                    + comparison.symbol() + " " + formatNumber(threshold) + "); it states what can be reached where the seed's cannot, so it must be looser");
        }
    }

    /** {@code metric} compared with {@code threshold} at the end of the run, e.g. {@code of("convergence_s", AT_MOST, 60)}. */
    public static Expectation of(String metric, Comparison comparison, double threshold) {
        return new Expectation(metric, comparison, threshold, null, null);
    }

    /** This check, read at {@code at} instead. */
    public Expectation at(TimePoint when) {
        return new Expectation(metric, comparison, threshold, when, name, attainable);
    }

    /** This check, called {@code newName} in reports. */
    public Expectation named(String newName) {
        return new Expectation(metric, comparison, threshold, at, newName, attainable);
    }

    /** This check, with an attainable threshold and its reason. */
    public Expectation attainable(double value, String reason) {
        return new Expectation(metric, comparison, threshold, at, name, new Attainable(value, reason));
    }

    /** Whether {@code measured} meets the attainable threshold (the seed's where none is stated); NaN never does. */
    public boolean testAttainable(double measured) {
        return comparison.test(measured, attainable == null ? threshold : attainable.threshold());
    }

    /** Whether {@code measured} meets the expectation; NaN never does. */
    public boolean test(double measured) {
        return comparison.test(measured, threshold);
    }

    /** The condition in words: "mean_completeness > 0.99 (30s after last message)". */
    public String condition() {
        return metric + " " + comparison.symbol() + " " + formatNumber(threshold) + (at == null ? "" : " (" + at + ")");
    }

    /** The check's name: the given one, else {@link #condition()}. */
    public String label() {
        return name != null ? name : condition();
    }

    /** A number as written in scenarios and reports: whole numbers without a decimal point. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** How a measured value must relate to the threshold; {@link #key()} is the YAML field. */
    public enum Comparison {
        AT_LEAST("atLeast", "≥"),
        AT_MOST("atMost", "≤"),
        ABOVE("above", ">"),
        BELOW("below", "<");

        /** The YAML keys, in this order. */
        public static final List<String> KEYS = List.of("atLeast", "atMost", "above", "below");

        private final String key;
        private final String symbol;

        Comparison(String key, String symbol) {
            this.key = key;
            this.symbol = symbol;
        }

        public String key() {
            return key;
        }

        public String symbol() {
            return symbol;
        }

        public static Comparison ofKey(String key) {
            for (Comparison c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparison '" + key + "'; known: " + String.join(", ", KEYS));
        }

        /** Whether {@code measured} relates so to {@code threshold}; false for NaN. */
        public boolean test(double measured, double threshold) {
            if (Double.isNaN(measured)) {
                return false;
            }
            return switch (this) {
                case AT_LEAST -> measured >= threshold;
                case AT_MOST -> measured <= threshold;
                case ABOVE -> measured > threshold;
                case BELOW -> measured < threshold;
            };
        }
    }

    /**
     * When a timed metric is read: {@code offset} after the last event created in the run
     * ({@code afterLastMessage}; from time 0 when the run created none, only history), or at the
     * simulated time {@code offset}.
     */
    public record TimePoint(Duration offset, boolean afterLastMessage) {
        /** The YAML suffix of a relative time point. */
        public static final String AFTER_LAST_MESSAGE = "after last message";
        public static final String FORMS = "a time in the run such as 5m, or a duration after the last message such as"
                + " '30s after last message'";

        public TimePoint {
            Objects.requireNonNull(offset, "offset");
            if (offset.isNegative()) {
                throw new IllegalArgumentException("a time point cannot be negative, was " + offset);
            }
        }

        public static TimePoint afterLastMessage(Duration offset) {
            return new TimePoint(offset, true);
        }

        public static TimePoint absolute(Duration time) {
            return new TimePoint(time, false);
        }

        /** Parses "5m" or "30s after last message". */
        public static TimePoint parse(String text) {
            String s = text.strip();
            if (s.endsWith(AFTER_LAST_MESSAGE)) {
                String d = s.substring(0, s.length() - AFTER_LAST_MESSAGE.length()).strip();
                if (d.isEmpty()) {
                    throw new IllegalArgumentException("must be " + FORMS + ", was '" + text + "'");
                }
                return afterLastMessage(parseDuration(d, text));
            }
            return absolute(parseDuration(s, text));
        }

        private static Duration parseDuration(String d, String text) {
            try {
                return Units.parseDuration(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be " + FORMS + ", was '" + text + "'");
            }
        }

        /** The simulated time (µs) this point stands for in a run whose last creation was at {@code lastCreation} µs. */
        public long resolve(long lastCreation) {
            return (afterLastMessage ? lastCreation : 0) + SimTime.of(offset);
        }

        /** As written in YAML: "30s after last message" or "5m". */
        public String yaml() {
            return Units.formatDuration(offset) + (afterLastMessage ? " " + AFTER_LAST_MESSAGE : "");
        }

        @Override
        public String toString() {
            return afterLastMessage ? yaml() : "at " + yaml();
        }
    }
}
