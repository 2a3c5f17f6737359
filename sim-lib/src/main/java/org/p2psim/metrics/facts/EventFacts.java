package org.p2psim.metrics.facts;

/** Facts about events: created (the ground truth), stored, declined, refused, received twice. */
public interface EventFacts {
    /** {@code author} created {@code eventId} at {@code at} (µs; negative for history authored before the run). */
    void eventCreated(String eventId, String author, long at);

    /**
     * {@code device} stored {@code eventId}, whose ciphertext as stored and sent (nonce, sealed
     * payload, tag) is {@code ciphertextBytes} long, at {@code at} (µs). Stores at one device come in
     * time order; a second store of an event already held is ignored (the store reports a
     * {@link #duplicate}).
     */
    void eventStored(String device, String eventId, int ciphertextBytes, long at);

    /**
     * {@code device} declined {@code eventId} at {@code at} (µs): a chunk of a file its policy does
     * not fetch, offered by a peer. The device has all it wants of that event, so from then on it
     * counts as settled for completeness, convergence and sync latency, but it is no delivery (no
     * latency, bytes or write). Without this a lurker that fetches a fifth of the photos would keep
     * a run from ever converging. Repeats, and events held already, change nothing.
     */
    void eventDeclined(String device, String eventId, long at);

    /** A received event was refused after decryption or signature check, for {@code reason}. */
    void eventRejected(String device, String reason);

    /** An event packet reached {@code device}, which already held the event. */
    void duplicate(String device);
}
