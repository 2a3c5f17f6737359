package org.p2psim.sync.wantlist;

import java.time.Duration;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of {@link WantListStrategy}.
 *
 * @param interval     how often a device sends its summary to each peer, and repeats unanswered wants
 * @param recentWindow events authored this recently are listed in every summary
 * @param havePackets  HAVE packets per peer per round that walk through everything held, round robin
 * @param maxWants     ids a device asks one peer for per round at most
 */
public record WantListParams(
        @Param("how often a device sends its summary to each peer and repeats unanswered wants") Duration interval,
        @Param("events authored this recently are listed in every summary") Duration recentWindow,
        @Param("HAVE packets per peer per round walking through everything held, round robin") int havePackets,
        @Param("ids asked of one peer per round at most") int maxWants) {

    public static final WantListParams DEFAULTS = new WantListParams(Duration.ofSeconds(10), Duration.ofMinutes(1), 1, 160);

    public WantListParams {
        Params.positive("interval", interval);
        Params.positive("recentWindow", recentWindow);
        Params.whole("havePackets", havePackets, 0, 1000);
        Params.atLeast("maxWants", maxWants, 1);
    }

    public WantListParams withHavePackets(int packets) {
        return new WantListParams(interval, recentWindow, packets, maxWants);
    }

    public WantListParams withInterval(Duration every) {
        return new WantListParams(every, recentWindow, havePackets, maxWants);
    }
}
