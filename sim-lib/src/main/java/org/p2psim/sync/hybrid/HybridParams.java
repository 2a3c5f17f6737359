package org.p2psim.sync.hybrid;

import java.time.Duration;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;
import org.p2psim.sync.bloom.BloomSeedParams;

/**
 * Parameters of {@link HybridStrategy}.
 *
 * @param interval        how often a device sends each peer a Bloom filter of its recent events
 * @param historyInterval how often a device reconciles its whole history with a peer (rateless)
 * @param historyFanout   peers reconciled with at each history round, in turn
 * @param firstSymbols    coded symbols asked for first in a history reconciliation; each further batch doubles
 * @param maxPackets      packets of coded symbols in one batch at most
 * @param maxEvents       ids wanted of one peer per decoded difference at most
 * @param quietLevels     while a pair of devices gains no event, its filter and history rounds thin
 *                        out to every 2nd, 4th, … up to every 2^quietLevels-th (0: every round)
 */
public record HybridParams(
        @Param("how often a device sends each peer a Bloom filter of its recent events") Duration interval,
        @Param("how often a device reconciles its whole history with a peer (rateless IBLT)") Duration historyInterval,
        @Param("peers a device reconciles its history with at each history round, in turn") int historyFanout,
        @Param("coded symbols asked for first in a history reconciliation; each further batch doubles") int firstSymbols,
        @Param("packets of coded symbols in one batch at most") int maxPackets,
        @Param("ids wanted of one peer per decoded difference at most") int maxEvents,
        @Param("while a pair of devices gains no event, its rounds thin out to every 2^n-th at most (0: every round)") int quietLevels) {

    public static final HybridParams DEFAULTS = new HybridParams(Duration.ofSeconds(10), Duration.ofSeconds(30), 1, 16, 32, 2000, 3);

    public HybridParams {
        Params.positive("interval", interval);
        Params.positive("historyInterval", historyInterval);
        Params.atLeast("historyFanout", historyFanout, 1);
        Params.whole("firstSymbols", firstSymbols, 1, 100_000);
        Params.whole("maxPackets", maxPackets, 1, 10_000);
        Params.atLeast("maxEvents", maxEvents, 1);
        Params.whole("quietLevels", quietLevels, 0, 10);
    }

    /** The Bloom half: the seed's filters at this interval. */
    BloomSeedParams bloom() {
        return BloomSeedParams.DEFAULTS.withInterval(interval);
    }
}
