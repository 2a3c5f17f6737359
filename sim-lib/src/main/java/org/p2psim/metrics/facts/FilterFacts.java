package org.p2psim.metrics.facts;

/** Facts only a Bloom-filter strategy knows: filters sent and ids tested against a peer's filters. */
public interface FilterFacts {
    /**
     * A filter whose analytic false-positive rate is {@code expectedFpp} (for its bits, hashes and
     * items) was sent in a packet of {@code packetBytes} bytes on the wire.
     */
    void filterSent(double expectedFpp, int packetBytes);

    /**
     * {@code eventId} was tested against what the tester knows of {@code owner}'s holdings as of
     * {@code ownerAsOf} (µs); the simulator knows whether the owner really held it then.
     */
    void filterTested(String owner, String eventId, long ownerAsOf, boolean positive);
}
