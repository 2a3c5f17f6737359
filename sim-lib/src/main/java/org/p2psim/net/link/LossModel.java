package org.p2psim.net.link;

import java.util.random.RandomGenerator;

/**
 * Whether a packet on a directed link is lost. A model is an immutable description; the network
 * keeps one {@link State} per directed link and asks it about every packet that reaches the link,
 * in the order they do.
 */
public sealed interface LossModel permits LossModel.Independent, LossModel.GilbertElliott {

    /** No loss. */
    LossModel NONE = new Independent(0);

    /** The long-run fraction of packets lost. */
    double averageLoss();

    /** A fresh per-link state (for stateless models, one that ignores history). */
    State newState();

    /** Each packet is lost with probability {@code p}, independently of all others. */
    static LossModel independent(double p) {
        return new Independent(p);
    }

    /** Bursty loss with this long-run loss rate and mean run of consecutive losses; see {@link GilbertElliott#bursty}. */
    static LossModel bursty(double averageLoss, double meanBurstLength) {
        return GilbertElliott.bursty(averageLoss, meanBurstLength);
    }

    /** The loss process of one directed link. */
    interface State {
        /** Decides the fate of the link's next packet: true when it is lost. */
        boolean nextLost(RandomGenerator random);
    }

    /**
     * Bernoulli loss: every packet is lost with probability {@code p}, independently. The number lost
     * out of n is Binomial(n, p); runs of consecutive losses have mean length {@code 1/(1−p)}.
     */
    record Independent(double probability) implements LossModel {
        public Independent {
            Probability.require("net.loss", probability);
        }

        @Override
        public double averageLoss() {
            return probability;
        }

        @Override
        public State newState() {
            return random -> Probability.bernoulli(random, probability);
        }

        @Override
        public String toString() {
            return "independent(" + probability + ")";
        }
    }

    /**
     * The Gilbert–Elliott two-state Markov loss model. The link is in state G (good) or B (bad);
     * before each packet it moves G→B with probability p = {@code goodToBad} and B→G with
     * probability r = {@code badToGood} (otherwise it stays), then loses the packet with
     * probability h_G = {@code lossInGood} or h_B = {@code lossInBad} according to its state.
     *
     * <p>Stationary distribution: {@code π_B = p/(p+r)}, {@code π_G = r/(p+r)}. Long-run loss rate:
     * {@code π_G·h_G + π_B·h_B}. A state's sojourn is geometric: the chain stays in B for a mean of
     * {@code 1/r} packets. The first packet of a link draws its state from the stationary
     * distribution, so the loss rate is stationary from the first packet on.
     *
     * <p>With h_G = 0 and h_B = 1 (Gilbert's simple model, built by {@link #bursty}) every packet in B
     * is lost and every packet in G arrives, so a burst of consecutive losses is exactly a sojourn in
     * B: mean burst length {@code 1/r}, and average loss {@code p/(p+r)}. The lag-one correlation of
     * the state is {@code 1 − p − r}; the variance of the loss fraction over n packets is about
     * {@code π_B·π_G·(2 − p − r)/((p + r)·n)}, larger than the binomial {@code π_B·π_G/n}.
     */
    record GilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) implements LossModel {
        public GilbertElliott {
            Probability.require("net.loss.goodToBad", goodToBad);
            Probability.require("net.loss.badToGood", badToGood);
            Probability.require("net.loss.inGood", lossInGood);
            Probability.require("net.loss.inBad", lossInBad);
            if (goodToBad + badToGood == 0) {
                throw new IllegalArgumentException("net.loss.goodToBad and net.loss.badToGood cannot both be 0:"
                        + " the chain would never move and its long-run loss rate is undefined");
            }
        }

        /**
         * Gilbert's simple model (h_G = 0, h_B = 1) from how researchers describe loss: the long-run
         * fraction lost {@code L} and the mean number of consecutive losses {@code b}. Then
         * {@code r = 1/b} and {@code p = r·L/(1−L)}. {@code b = 1/(1−L)} gives the same burst statistics as
         * independent loss; larger {@code b} makes losses clump.
         *
         * @param averageLoss L in [0, 1)
         * @param meanBurstLength b ≥ 1, and large enough that p ≤ 1, i.e. {@code b ≥ L/(1−L)}
         */
        public static GilbertElliott bursty(double averageLoss, double meanBurstLength) {
            if (!(averageLoss >= 0 && averageLoss < 1)) {
                throw new IllegalArgumentException("net.loss must be in [0, 1) for bursty loss, was " + averageLoss);
            }
            if (!(meanBurstLength >= 1 && meanBurstLength < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("net.burst (mean consecutive losses) must be a finite number >= 1, was " + meanBurstLength);
            }
            double r = 1 / meanBurstLength;
            double p = r * averageLoss / (1 - averageLoss);
            if (p > 1) {
                throw new IllegalArgumentException("net.burst must be >= net.loss/(1 - net.loss) = "
                        + averageLoss / (1 - averageLoss) + " for a loss rate of " + averageLoss + ", was " + meanBurstLength);
            }
            return new GilbertElliott(p, r, 0, 1);
        }

        /** {@code p/(p+r)}: the long-run fraction of packets that find the link in state B. */
        public double badFraction() {
            return goodToBad / (goodToBad + badToGood);
        }

        @Override
        public double averageLoss() {
            double bad = badFraction();
            return (1 - bad) * lossInGood + bad * lossInBad;
        }

        /** {@code 1/r}: the mean number of consecutive packets the link stays in state B. */
        public double meanBadRun() {
            return 1 / badToGood;
        }

        @Override
        public State newState() {
            return new ChainState(this);
        }

        @Override
        public String toString() {
            return "gilbertElliott(p " + goodToBad + ", r " + badToGood + ", h_G " + lossInGood + ", h_B " + lossInBad + ")";
        }
    }

    /** The current state of one link's Gilbert–Elliott chain. */
    final class ChainState implements State {
        private final GilbertElliott model;
        private boolean started;
        private boolean bad;

        ChainState(GilbertElliott model) {
            this.model = model;
        }

        @Override
        public boolean nextLost(RandomGenerator random) {
            if (!started) {
                started = true;
                bad = Probability.bernoulli(random, model.badFraction());
            } else {
                bad = bad ? !Probability.bernoulli(random, model.badToGood()) : Probability.bernoulli(random, model.goodToBad());
            }
            return Probability.bernoulli(random, bad ? model.lossInBad() : model.lossInGood());
        }

        /** Whether the chain is in state B (after the last packet). */
        public boolean isBad() {
            return bad;
        }
    }
}
