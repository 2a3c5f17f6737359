package org.p2psim.net.link;

/**
 * The fields one directed link (or the defaults) sets for itself; null means "inherit". Layering
 * keeps {@code link("a", "b").loss(0.3)} in force when the defaults' latency changes later.
 */
record LinkOverrides(LatencyModel latency, LossModel loss, Double duplicate) {
    static final LinkOverrides NONE = new LinkOverrides(null, null, null);

    static LinkOverrides all(LinkConditions conditions) {
        return new LinkOverrides(conditions.latency(), conditions.loss(), conditions.duplicate());
    }

    LinkOverrides withLatency(LatencyModel model) {
        return new LinkOverrides(model, loss, duplicate);
    }

    LinkOverrides withLoss(LossModel model) {
        return new LinkOverrides(latency, model, duplicate);
    }

    LinkOverrides withDuplicate(double probability) {
        return new LinkOverrides(latency, loss, Probability.require("net.duplicate", probability));
    }

    /** {@code base} with the fields set here replaced. */
    LinkConditions over(LinkConditions base) {
        return new LinkConditions(latency != null ? latency : base.latency(), loss != null ? loss : base.loss(),
                duplicate != null ? duplicate : base.duplicate());
    }
}
