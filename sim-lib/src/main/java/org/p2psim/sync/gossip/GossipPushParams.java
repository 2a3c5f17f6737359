package org.p2psim.sync.gossip;

import java.time.Duration;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of {@link GossipPushStrategy}.
 *
 * @param fanout      peers a device pushes each new event to
 * @param antiEntropy how often a device reconciles with one random peer
 * @param maxEvents   events sent, and ids wanted, per reconciliation message at most
 */
public record GossipPushParams(
        @Param("peers each new event is pushed to, chosen at random") int fanout,
        @Param("how often a device reconciles its whole store with one random peer") Duration antiEntropy,
        @Param("events sent, and ids wanted, per reconciliation message at most") int maxEvents) {

    public static final GossipPushParams DEFAULTS = new GossipPushParams(3, Duration.ofSeconds(30), 100);

    public GossipPushParams {
        Params.whole("fanout", fanout, 1, 64);
        Params.positive("antiEntropy", antiEntropy);
        Params.atLeast("maxEvents", maxEvents, 1);
    }
}
