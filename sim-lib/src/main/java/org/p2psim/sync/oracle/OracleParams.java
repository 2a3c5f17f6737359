package org.p2psim.sync.oracle;

import java.time.Duration;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of {@link OracleStrategy}.
 *
 * @param tick   how often a device looks again at peers that came online or events whose packet was lost
 * @param retry  an event sent and not stored by then is sent again (doubling per attempt, up to 32 ×)
 * @param window events in flight to one peer at most, so that a slow link's queue does not overflow
 */
public record OracleParams(
        @Param("how often a device looks again at peers that came online and packets that were lost") Duration tick,
        @Param("an event sent and not stored by then is sent again (doubling per attempt, up to 32 times as long)") Duration retry,
        @Param("events in flight to one peer at most") int window) {

    public static final OracleParams DEFAULTS = new OracleParams(Duration.ofSeconds(1), Duration.ofSeconds(2), 64);

    public OracleParams {
        Params.positive("tick", tick);
        Params.positive("retry", retry);
        Params.whole("window", window, 1, 1_000_000);
    }
}
