package org.p2psim.sync.bloom;

import java.util.HashMap;
import java.util.Map;
import org.p2psim.event.EventId;

/**
 * What a device believes each peer holds: the OR of every same-size filter received from it, as the
 * seed prescribes. A filter of another size or hash count replaces the accumulated one.
 */
final class PeerKnowledge {
    private final Map<String, Accumulated> peers = new HashMap<>();

    /** Merges a filter from {@code peer}, built at simulated time {@code builtAt}. */
    void merge(String peer, BloomFilter filter, long builtAt) {
        Accumulated known = peers.get(peer);
        if (known == null || !known.filter.isCompatible(filter)) {
            peers.put(peer, new Accumulated(filter.copy(), builtAt));
            return;
        }
        known.filter.merge(filter);
        known.asOf = Math.max(known.asOf, builtAt);
    }

    /** Whether {@code peer} seems to hold {@code id}; with no knowledge of the peer, no. */
    boolean peerSeemsToHave(String peer, EventId id) {
        Accumulated known = peers.get(peer);
        return known != null && known.filter.mightContain(id);
    }

    /** Simulated time of the newest filter merged for {@code peer}. */
    long asOf(String peer) {
        Accumulated known = peers.get(peer);
        return known == null ? Long.MIN_VALUE : known.asOf;
    }

    BloomFilter filterOf(String peer) {
        Accumulated known = peers.get(peer);
        return known == null ? null : known.filter;
    }

    private static final class Accumulated {
        final BloomFilter filter;
        long asOf;

        Accumulated(BloomFilter filter, long asOf) {
            this.filter = filter;
            this.asOf = asOf;
        }
    }
}
