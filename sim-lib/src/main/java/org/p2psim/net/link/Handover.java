package org.p2psim.net.link;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.p2psim.sim.SimTime;

/**
 * The gap after a network switch during which a device neither sends nor receives: uniform between
 * {@code min} and {@code max} µs inclusive; equal bounds draw nothing.
 */
public record Handover(long min, long max) {
    /** 0 to 2 s. */
    public static final Handover DEFAULT = new Handover(0, 2_000_000);

    public Handover {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("net.handover must be a range 0 <= min <= max, was min " + min + " µs, max " + max + " µs");
        }
    }

    public static Handover of(Duration min, Duration max) {
        long lo = SimTime.of(min);
        long hi = SimTime.of(max);
        if (lo < 0 || hi < lo) {
            throw new IllegalArgumentException("net.handover must be a range 0 <= min <= max, was min " + min + ", max " + max);
        }
        return new Handover(lo, hi);
    }

    /** Exactly {@code gap}. */
    public static Handover exactly(Duration gap) {
        long micros = SimTime.of(gap);
        if (micros < 0) {
            throw new IllegalArgumentException("a handover gap must be >= 0, was " + gap);
        }
        return new Handover(micros, micros);
    }

    /** One gap, µs: drawn from {@code random} only when the range is more than one value. */
    public long draw(RandomGenerator random) {
        return min == max ? min : random.nextLong(min, max + 1);
    }
}
