package org.p2psim.scenario.spec;

import org.p2psim.net.link.LossModel;

/**
 * Packet loss as a scenario writes it: {@code loss: 0.05} (independent), {@code loss: 0.05} with
 * {@code burst: 4} (Gilbert's bursty model with that mean run of consecutive losses), or the four
 * Gilbert–Elliott parameters {@code {goodToBad, badToGood, inGood, inBad}}.
 */
public sealed interface LossSpec {
    LossSpec NONE = new Independent(0);

    /** The network's model for this loss. */
    LossModel model();

    /** Each packet lost with probability {@code rate}, independently. */
    record Independent(double rate) implements LossSpec {
        @Override
        public LossModel model() {
            return LossModel.independent(rate);
        }
    }

    /** Long-run loss {@code rate} in runs of {@code burst} consecutive losses on average. */
    record Bursty(double rate, double burst) implements LossSpec {
        @Override
        public LossModel model() {
            return LossModel.bursty(rate, burst);
        }
    }

    /** The two-state Markov chain with its transition and loss probabilities. */
    record GilbertElliott(double goodToBad, double badToGood, double inGood, double inBad) implements LossSpec {
        @Override
        public LossModel model() {
            return new LossModel.GilbertElliott(goodToBad, badToGood, inGood, inBad);
        }
    }
}
