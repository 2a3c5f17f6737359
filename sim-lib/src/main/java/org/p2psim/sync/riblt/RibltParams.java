package org.p2psim.sync.riblt;

import java.time.Duration;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of {@link RibltStrategy}.
 *
 * @param interval      how often a device opens a reconciliation with each peer
 * @param firstSymbols  coded symbols asked for first; each further batch doubles
 * @param maxPackets    packets of coded symbols in one batch at most
 * @param maxEvents     ids wanted of one peer after a decoding, per WANT round, at most
 */
public record RibltParams(
        @Param("how often a device opens a rateless reconciliation with each peer") Duration interval,
        @Param("coded symbols asked for first; each further batch doubles") int firstSymbols,
        @Param("packets of coded symbols in one batch at most") int maxPackets,
        @Param("ids wanted of one peer per decoded difference at most") int maxEvents) {

    public static final RibltParams DEFAULTS = new RibltParams(Duration.ofSeconds(10), 16, 32, 2000);

    public RibltParams {
        Params.positive("interval", interval);
        Params.whole("firstSymbols", firstSymbols, 1, 100_000);
        Params.whole("maxPackets", maxPackets, 1, 10_000);
        Params.atLeast("maxEvents", maxEvents, 1);
    }
}
