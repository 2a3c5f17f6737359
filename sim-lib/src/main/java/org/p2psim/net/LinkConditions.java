package org.p2psim.net;

/**
 * The behaviour of a directed link: one-way latency (µs) and the probability that a packet is lost,
 * drawn independently per packet.
 */
public record LinkConditions(long latency, double loss) {
    public static final LinkConditions DEFAULT = new LinkConditions(50_000, 0.0);

    public LinkConditions {
        if (latency < 0) {
            throw new IllegalArgumentException("net.latency must be >= 0 µs, was " + latency);
        }
        if (!(loss >= 0.0 && loss <= 1.0)) {
            throw new IllegalArgumentException("net.loss must be a probability in [0, 1], was " + loss);
        }
    }

    public LinkConditions withLatency(long micros) {
        return new LinkConditions(micros, loss);
    }

    public LinkConditions withLoss(double probability) {
        return new LinkConditions(latency, probability);
    }
}
