package org.p2psim.sync.naive;

import java.time.Duration;
import java.util.Objects;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of {@link NaiveStrategy}.
 *
 * @param interval how often a device sends everything to each peer
 * @param mode     {@code ids}: every id it holds; {@code events}: every event it holds
 */
public record NaiveParams(
        @Param("how often a device sends everything to each peer") Duration interval,
        @Param("ids: every id held, the peer pushes what the list lacks; events: every event held") Mode mode) {

    /** What a round sends. */
    public enum Mode { IDS, EVENTS }

    public static final NaiveParams DEFAULTS = new NaiveParams(Duration.ofSeconds(10), Mode.IDS);

    public NaiveParams {
        Params.positive("interval", interval);
        Objects.requireNonNull(mode, "sync.mode");
    }
}
