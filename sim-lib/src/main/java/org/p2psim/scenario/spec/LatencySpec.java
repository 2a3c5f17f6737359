package org.p2psim.scenario.spec;

import java.time.Duration;
import org.p2psim.net.link.LatencyModel;

/**
 * One-way latency as a scenario writes it: {@code 50ms} (fixed), {@code {mean: 50ms, sd: 10ms}}
 * (normal, truncated at 0) or {@code {base: 20ms, median: 10ms, sigma: 1}} (log-normal tail).
 */
public sealed interface LatencySpec {

    /** The network's model for this latency. */
    LatencyModel model();

    static LatencySpec fixed(Duration latency) {
        return new Normal(latency, Duration.ZERO);
    }

    /** Normal(mean, sd) truncated at 0; sd 0 is a fixed latency. */
    record Normal(Duration mean, Duration sd) implements LatencySpec {
        @Override
        public LatencyModel model() {
            return LatencyModel.normal(mean, sd);
        }
    }

    /** {@code base + median · exp(sigma · Z)}: a floor plus a heavy-tailed queueing delay. */
    record LogNormal(Duration base, Duration median, double sigma) implements LatencySpec {
        @Override
        public LatencyModel model() {
            return LatencyModel.logNormal(base, median, sigma);
        }
    }
}
