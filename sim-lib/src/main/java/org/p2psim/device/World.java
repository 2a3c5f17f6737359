package org.p2psim.device;

import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.EventIds;
import org.p2psim.event.EventSealer;
import org.p2psim.metrics.facts.Facts;
import org.p2psim.net.Network;
import org.p2psim.net.Packet;
import org.p2psim.net.SignatureLookahead;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.WorkPool;

/**
 * What every device of a run shares: simulated time, the network, the facts listener (the metrics), and the community:
 * its key, the sealer that holds it, and the directory of members' public keys (exchanged out of
 * band, as in the seed); and the run's cores, with the work done ahead on them.
 *
 * @param skewWindow largest accepted difference between a packet's timestamp and the receiver's clock (µs)
 * @param signatures how packets are signed
 * @param pool       the run's threads (the simulation thread and its workers); whoever built the world closes it
 * @param lookahead  where packet signatures are checked ahead of their delivery (or {@link SignatureLookahead#OFF})
 * @param events     where received events are opened ahead of their delivery (or {@link EventLookahead#OFF})
 * @param eventIds   the run's one object per event id
 */
public record World(Scheduler scheduler, Network network, Facts facts, CommunityKey communityKey, EventSealer sealer,
                    KeyDirectory members, long skewWindow, SignatureMode signatures, WorkPool pool,
                    SignatureLookahead lookahead, EventLookahead events, EventIds eventIds) {

    /** The world of a run on {@code pool}: signatures checked and events opened ahead on it when that pays. */
    public static World on(WorkPool pool, Scheduler scheduler, Network network, Facts facts, CommunityKey communityKey,
                           EventSealer sealer, KeyDirectory members, long skewWindow, SignatureMode signatures, EventIds eventIds) {
        return new World(scheduler, network, facts, communityKey, sealer, members, skewWindow, signatures, pool,
                SignatureLookahead.of(members, signatures, pool), EventLookahead.of(sealer, signatures, pool), eventIds);
    }

    /** {@code packet} is being sent now to {@code receiver}: the work its receiver will need (its signature check; an EVENT's opening) may start. */
    void workAhead(Packet packet, String receiver) {
        long now = scheduler.now();
        lookahead.sent(packet, now);
        events.sent(packet, receiver, now);
    }
}
