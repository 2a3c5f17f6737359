package org.p2psim.net.link;

import java.time.Duration;

/**
 * What a directed link does to the packets that cross it: how long each takes ({@link LatencyModel},
 * drawn per packet), whether it is lost ({@link LossModel}, one state per directed link), and the
 * probability {@code duplicate} that the network delivers it twice (the second copy with its own
 * latency draw). Immutable; every component is checked on construction.
 */
public record LinkConditions(LatencyModel latency, LossModel loss, double duplicate) {
    /** 50 ms fixed latency, no loss, no duplication. */
    public static final LinkConditions DEFAULT = new LinkConditions(LatencyModel.fixed(Duration.ofMillis(50)), LossModel.NONE, 0);

    public LinkConditions {
        if (latency == null) {
            throw new IllegalArgumentException("net.latency must be given (a LatencyModel), was null");
        }
        if (loss == null) {
            throw new IllegalArgumentException("net.loss must be given (a LossModel), was null");
        }
        Probability.require("net.duplicate", duplicate);
    }

    /** Fixed latency and independent loss: the seed's simplest link. */
    public static LinkConditions of(Duration latency, double loss) {
        return DEFAULT.withLatency(LatencyModel.fixed(latency)).withLoss(loss);
    }

    public LinkConditions withLatency(LatencyModel model) {
        return new LinkConditions(model, loss, duplicate);
    }

    public LinkConditions withLoss(LossModel model) {
        return new LinkConditions(latency, model, duplicate);
    }

    /** Independent loss with probability {@code p}. */
    public LinkConditions withLoss(double p) {
        return withLoss(LossModel.independent(p));
    }

    public LinkConditions withDuplicate(double probability) {
        return new LinkConditions(latency, loss, probability);
    }
}
