package org.p2psim.net.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class LatencyModelTest {
    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);
    private static final int N = 20_000;

    /**
     * normal(10 ms, 20 ms) truncated at 0 by resampling: no draw is negative, and the sample mean
     * matches the truncated-normal mean μ + σ·φ(α)/Φ(α) (α = μ/σ = 0.5: 20.18 ms) within 4 standard
     * errors (4·13.9 ms/√20 000 = 0.39 ms). Clamping at 0 would give 13.96 ms and fail.
     */
    @Test
    void truncationResamplesAndNeverYieldsNegative() {
        double mu = 10_000;
        double sigma = 20_000;
        LatencyModel model = LatencyModel.normal(Duration.ofMillis(10), Duration.ofMillis(20));
        RandomGenerator random = new SplittableRandom(11);
        double sum = 0;
        long min = Long.MAX_VALUE;
        for (int i = 0; i < N; i++) {
            long x = model.sample(random);
            min = Math.min(min, x);
            sum += x;
        }
        double alpha = mu / sigma;
        double lambda = STANDARD.density(alpha) / STANDARD.cumulativeProbability(alpha);
        double mean = mu + sigma * lambda;
        double sd = sigma * Math.sqrt(1 - alpha * lambda - lambda * lambda);
        assertTrue(min >= 0, "a latency draw was negative: " + min);
        assertEquals(mean, sum / N, 4 * sd / Math.sqrt(N));
    }

    /**
     * Shifted log-normal b + m·exp(σZ), b = 20 ms, m = 10 ms, σ = 1: at each p the fraction of 20 000
     * draws at or below the formula's quantile Q(p) = b + m·exp(σ·Φ⁻¹(p)) lies within 4 binomial
     * standard deviations of p (e.g. ±0.0028 at p = 0.99).
     */
    @Test
    void logNormalQuantilesMatchTheFormula() {
        LatencyModel model = LatencyModel.logNormal(Duration.ofMillis(20), Duration.ofMillis(10), 1.0);
        RandomGenerator random = new SplittableRandom(12);
        long[] samples = new long[N];
        for (int i = 0; i < N; i++) {
            samples[i] = model.sample(random);
        }
        for (double p : new double[] {0.1, 0.5, 0.9, 0.99, 0.999}) {
            double quantile = 20_000 + 10_000 * Math.exp(STANDARD.inverseCumulativeProbability(p));
            long below = Arrays.stream(samples).filter(x -> x <= quantile).count();
            assertEquals(p, below / (double) N, 4 * Math.sqrt(p * (1 - p) / N), "fraction below Q(" + p + ") = " + quantile + " µs");
        }
        assertTrue(Arrays.stream(samples).allMatch(x -> x >= 20_000), "never below the base latency");
    }

    @Test
    void fixedLatencyDrawsNothing() {
        RandomGenerator refuses = () -> {
            throw new AssertionError("a fixed latency must not draw");
        };
        assertEquals(40_000, LatencyModel.fixed(Duration.ofMillis(40)).sample(refuses));
    }

    @Test
    void invalidParametersNameTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatencyModel.normal(Duration.ofMillis(10), Duration.ofMillis(-5)));
        assertEquals("net.latency.sd must be >= 0, was -0.005000s", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatencyModel.normal(Duration.ofMillis(-1), Duration.ZERO));
        assertTrue(e.getMessage().startsWith("net.latency.mean must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatencyModel.logNormal(Duration.ZERO, Duration.ofMillis(10), 7));
        assertEquals("net.latency.sigma must be in [0, 3], was 7.0", e.getMessage());
    }
}
