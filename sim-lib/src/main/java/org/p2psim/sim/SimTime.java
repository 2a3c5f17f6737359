package org.p2psim.sim;

import java.time.Duration;

/** Conversions between simulated microseconds and human units. Simulated time is a plain {@code long}. */
public final class SimTime {
    public static final long MICROS_PER_MILLI = 1_000L;
    public static final long MICROS_PER_SECOND = 1_000_000L;

    private SimTime() {}

    public static long ofMillis(long millis) {
        return Math.multiplyExact(millis, MICROS_PER_MILLI);
    }

    public static long ofSeconds(double seconds) {
        return Math.round(seconds * MICROS_PER_SECOND);
    }

    public static long of(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND), duration.getNano() / 1_000L);
    }

    public static double toSeconds(long micros) {
        return micros / (double) MICROS_PER_SECOND;
    }

    public static Duration toDuration(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    }

    /** "12.345678s": exact, sortable by eye, used in traces and messages. */
    public static String format(long micros) {
        return String.format("%.6fs", toSeconds(micros));
    }
}
