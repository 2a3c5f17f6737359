package org.p2psim.metrics.facts;

/** Facts about events: created (the ground truth), stored, declined, refused, received twice. */
public interface EventFacts {
    /** {@code author} created {@code eventId} at {@code at} (µs; negative for history authored before the run). */
    void eventCreated(String eventId, String author, long at);

    /** {@code device} stored {@code eventId} ({@code ciphertextBytes} as stored) at {@code at} (µs), in time order per device. */
    void eventStored(String device, String eventId, int ciphertextBytes, long at);

    /** {@code device} declined {@code eventId} (a file chunk its policy does not fetch) at {@code at} (µs). */
    void eventDeclined(String device, String eventId, long at);

    /** A received event was refused after decryption or signature check, for {@code reason}. */
    void eventRejected(String device, String reason);

    /** An event packet reached {@code device}, which already held the event. */
    void duplicate(String device);
}
