package org.p2psim.device;

import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.EventIds;
import org.p2psim.event.EventSealer;
import org.p2psim.metrics.facts.Facts;
import org.p2psim.net.Network;
import org.p2psim.net.SignatureLookahead;
import org.p2psim.sim.Scheduler;

/**
 * What every device of a run shares: simulated time, the network, the facts listener (the metrics), and the community:
 * its key, the sealer that holds it, and the directory of members' public keys (exchanged out of
 * band, as in the seed).
 *
 * @param skewWindow largest accepted difference between a packet's timestamp and the receiver's clock (µs)
 * @param signatures how packets are signed
 * @param lookahead where packet signatures are checked ahead of their delivery (or {@link SignatureLookahead#OFF})
 * @param eventIds   the run's one object per event id
 */
public record World(Scheduler scheduler, Network network, Facts facts, CommunityKey communityKey, EventSealer sealer,
                    KeyDirectory members, long skewWindow, SignatureMode signatures,
                    SignatureLookahead lookahead, EventIds eventIds) {}
