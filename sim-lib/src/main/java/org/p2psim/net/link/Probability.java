package org.p2psim.net.link;

import java.util.random.RandomGenerator;

/** Bernoulli draws and probability checks shared by the network's models. */
public final class Probability {
    private Probability() {}

    /** True with probability {@code p}; draws one double from {@code random} only when 0 < p < 1. */
    public static boolean bernoulli(RandomGenerator random, double p) {
        if (p <= 0 || p >= 1) {
            return p >= 1;
        }
        return random.nextDouble() < p;
    }

    /** Throws, naming {@code field}, unless {@code value} is a probability in [0, 1]. */
    public static double require(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be a probability in [0, 1], was " + value);
        }
        return value;
    }
}
