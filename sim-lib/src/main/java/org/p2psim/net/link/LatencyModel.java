package org.p2psim.net.link;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.p2psim.sim.SimTime;

/**
 * One-way latency of a directed link, drawn afresh for every packet (and for every duplicate
 * copy). Because each packet has its own draw, a packet sent later may arrive earlier: reordering
 * follows from the model and needs no parameter of its own.
 *
 * <p>Samples are whole microseconds (the simulator's time unit), rounded to the nearest, and capped
 * at {@link #MAX_MICROS} (one day) so that no tail draw can overflow simulated time.
 */
public sealed interface LatencyModel permits LatencyModel.Normal, LatencyModel.LogNormal {
    /** The largest latency a model returns: one day, in µs. */
    long MAX_MICROS = 86_400_000_000L;

    /** The latency of one packet, in µs; never negative. Draws from {@code random} only if the model is random. */
    long sample(RandomGenerator random);

    /** Always {@code latency}: a normal with sd 0, which draws nothing. */
    static LatencyModel fixed(Duration latency) {
        return new Normal(SimTime.of(latency), 0);
    }

    /** The seed's model: normal with this mean and standard deviation, truncated at 0. */
    static LatencyModel normal(Duration mean, Duration sd) {
        return new Normal(SimTime.of(mean), SimTime.of(sd));
    }

    /** Heavy-tailed: {@code base + median · exp(sigma · Z)}; see {@link LogNormal}. */
    static LatencyModel logNormal(Duration base, Duration median, double sigma) {
        return new LogNormal(SimTime.of(base), SimTime.of(median), sigma);
    }

    /**
     * The seed's latency model: a normal distribution with mean μ = {@code meanMicros} and standard
     * deviation σ = {@code sdMicros}, truncated at 0.
     *
     * <p><b>Truncation by resampling.</b> A draw {@code x = μ + σ·Z} with {@code x < 0} is discarded
     * and drawn again, so the result has the truncated-normal density {@code φ((x−μ)/σ) / (σ·Φ(μ/σ))}
     * for {@code x ≥ 0}. Clamping negative draws to 0 would instead pile a probability mass of
     * {@code Φ(−μ/σ)} onto "arrives the instant it is sent", which no network does. Because μ ≥ 0,
     * at least half of all draws are accepted (expected draws per sample ≤ 2).
     *
     * <p>With {@code α = μ/σ} and {@code λ = φ(α)/Φ(α)}, the truncated distribution has mean
     * {@code μ + σ·λ} and variance {@code σ²·(1 − α·λ − λ²)}: for μ ≥ 4σ both are the configured μ and
     * σ² to within 10⁻⁴ relative. With σ = 0 every packet takes exactly μ and nothing is drawn.
     */
    record Normal(long meanMicros, long sdMicros) implements LatencyModel {
        public Normal {
            if (meanMicros < 0) {
                throw new IllegalArgumentException("net.latency.mean must be >= 0, was " + SimTime.format(meanMicros));
            }
            if (sdMicros < 0) {
                throw new IllegalArgumentException("net.latency.sd must be >= 0, was " + SimTime.format(sdMicros));
            }
        }

        @Override
        public long sample(RandomGenerator random) {
            if (sdMicros == 0) {
                return meanMicros;
            }
            while (true) {
                double x = meanMicros + sdMicros * random.nextGaussian();
                if (x >= 0) {
                    return Math.min(Math.round(x), MAX_MICROS);
                }
            }
        }

        @Override
        public String toString() {
            return sdMicros == 0 ? "fixed(" + ms(meanMicros) + ")" : "normal(mean " + ms(meanMicros) + ", sd " + ms(sdMicros) + ")";
        }
    }

    /**
     * A heavy-tailed latency: a fixed propagation floor plus a log-normal queueing delay,
     * {@code L = b + m·exp(σ·Z)} with {@code Z ~ N(0, 1)}, b = {@code baseMicros}, m =
     * {@code medianMicros} (the median of the variable part) and σ = {@code sigma} (the standard
     * deviation of its logarithm; larger is heavier-tailed).
     *
     * <p>Quantile: {@code Q(p) = b + m·exp(σ·Φ⁻¹(p))}, so the median is {@code b + m}. Mean:
     * {@code b + m·exp(σ²/2)}; variance of the variable part: {@code m²·exp(σ²)·(exp(σ²) − 1)}. Its
     * tail decays more slowly than any exponential: the occasional packet that takes ten or a hundred
     * times the median, as on congested or wireless paths. Example: b = 20 ms, m = 10 ms, σ = 1 gives
     * median 30 ms, mean 36.5 ms, 99th percentile 122 ms.
     */
    record LogNormal(long baseMicros, long medianMicros, double sigma) implements LatencyModel {
        public LogNormal {
            if (baseMicros < 0) {
                throw new IllegalArgumentException("net.latency.base must be >= 0, was " + SimTime.format(baseMicros));
            }
            if (medianMicros <= 0) {
                throw new IllegalArgumentException("net.latency.median must be > 0, was " + SimTime.format(medianMicros));
            }
            if (!(sigma >= 0 && sigma <= 3)) {
                throw new IllegalArgumentException("net.latency.sigma must be in [0, 3], was " + sigma);
            }
        }

        @Override
        public long sample(RandomGenerator random) {
            return Math.min(baseMicros + Math.round(medianMicros * Math.exp(sigma * random.nextGaussian())), MAX_MICROS);
        }

        @Override
        public String toString() {
            return "logNormal(base " + ms(baseMicros) + ", median " + ms(medianMicros) + ", sigma " + sigma + ")";
        }
    }

    private static String ms(long micros) {
        return micros % 1000 == 0 ? micros / 1000 + " ms" : micros / 1000.0 + " ms";
    }
}
