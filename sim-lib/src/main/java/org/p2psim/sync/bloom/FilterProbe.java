package org.p2psim.sync.bloom;

import org.p2psim.metrics.facts.FilterFacts;

/**
 * What a Bloom strategy tells the measurements about its filters: each filter sent (with its
 * analytic false-positive rate, {@link BloomFilter#expectedFpp}) and each id tested against what
 * it knows of a peer. Owned by the strategy; the facts go to the run's collectors.
 */
final class FilterProbe {
    private final FilterFacts facts;

    FilterProbe(FilterFacts facts) {
        this.facts = facts;
    }

    /** {@code filter}, holding {@code items} ids, went out in a packet of {@code packetBytes} on the wire. */
    void sent(BloomFilter filter, long items, int packetBytes) {
        facts.filterSent(BloomFilter.expectedFpp(filter.bits(), filter.hashes(), items), packetBytes);
    }

    /** {@code eventId} tested {@code positive} against what is known of {@code owner}'s holdings as of {@code ownerAsOf}. */
    void tested(String owner, String eventId, long ownerAsOf, boolean positive) {
        facts.filterTested(owner, eventId, ownerAsOf, positive);
    }
}
