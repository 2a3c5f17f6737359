package org.p2psim.sim;

import java.util.random.RandomGenerator;

/** The two continuous draws the workload models make, each from one {@code nextDouble()} of a seeded stream. */
public final class Draws {
    private Draws() {}

    /** Uniform in [lo, hi); {@code lo} when the range is empty. */
    public static long uniform(RandomGenerator random, long lo, long hi) {
        return hi <= lo ? lo : lo + (long) (random.nextDouble() * (hi - lo));
    }

    /** Exponential with the given mean (inverse transform: the gap between Poisson arrivals). */
    public static double exponential(RandomGenerator random, double mean) {
        return -Math.log(1 - random.nextDouble()) * mean;
    }
}
