package org.p2psim.device;

import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.metrics.Metrics;
import org.p2psim.net.Network;
import org.p2psim.sim.Scheduler;

/**
 * What every device of a run shares: simulated time, the network, the metrics, and the community
 * (its key and the directory of members' public keys, exchanged out of band as in the seed).
 *
 * @param skewWindow largest accepted difference between a packet's timestamp and the receiver's clock (µs)
 */
public record World(Scheduler scheduler, Network network, Metrics metrics, CommunityKey communityKey,
                    KeyDirectory members, long skewWindow) {}
