package org.p2psim.net.link;

/**
 * The capacity of one direction of a device's connection: a token bucket of {@code burstBytes}
 * that fills at {@code bytesPerSecond}, in front of a drop-tail FIFO queue of {@code queueBytes}.
 *
 * <p><b>Token bucket.</b> Tokens (bytes) accrue at rate R up to the bucket size B. Packets leave in
 * FIFO order; a packet of s bytes leaves at the first instant, no earlier than the departure of the
 * packet ahead of it, when the bucket holds {@code min(s, B)} tokens, and takes s tokens (a packet
 * larger than B may drive the bucket negative, so it is delayed, never stuck). Starting from a full
 * bucket, a burst of N bytes therefore finishes leaving after {@code max(0, N − B)/R} seconds, and
 * a long transfer moves at R. With the default B of one frame (1 500 bytes) the bucket behaves as a
 * line of rate R: back-to-back packets leave {@code s/R} apart (the serialisation delay).
 *
 * <p><b>Queue.</b> A packet that cannot leave at once waits; the queue holds the bytes of packets
 * that have arrived but not yet left. A packet that would push it past Q = {@code queueBytes} is
 * dropped on arrival (drop-tail: the network reports it as a {@code QUEUE} drop); Q = 0 means nothing
 * may wait.
 *
 * <p>{@link #UNLIMITED} (the default) has an infinite rate: packets leave the instant they arrive.
 */
public record Bandwidth(double bytesPerSecond, long burstBytes, long queueBytes) {
    /** One Ethernet frame. */
    public static final long DEFAULT_BURST = 1_500;
    /** 256 KiB: about 2 s of traffic at 1 Mbit/s. */
    public static final long DEFAULT_QUEUE = 256 * 1024;
    /** No limit: infinite rate. */
    public static final Bandwidth UNLIMITED = new Bandwidth(Double.POSITIVE_INFINITY, DEFAULT_BURST, DEFAULT_QUEUE);

    public Bandwidth {
        requireRate("net.bandwidth", bytesPerSecond);
        if (burstBytes < 1) {
            throw new IllegalArgumentException("net.bucket (token bucket size) must be >= 1 byte, was " + burstBytes);
        }
        if (queueBytes < 0) {
            throw new IllegalArgumentException("net.queue must be >= 0 bytes, was " + queueBytes);
        }
    }

    /** A limit of {@code bytesPerSecond} with the default bucket and queue. */
    public static Bandwidth bytesPerSecond(double bytesPerSecond) {
        return UNLIMITED.withRate(bytesPerSecond);
    }

    /** A limit of {@code megabits} Mbit/s (10⁶ bits), i.e. {@code megabits · 125 000} bytes/s. */
    public static Bandwidth megabitsPerSecond(double megabits) {
        return bytesPerSecond(megabits * 125_000);
    }

    public Bandwidth withRate(double bytesPerSecond) {
        return new Bandwidth(bytesPerSecond, burstBytes, queueBytes);
    }

    public Bandwidth withBurst(long bytes) {
        return new Bandwidth(bytesPerSecond, bytes, queueBytes);
    }

    public Bandwidth withQueue(long bytes) {
        return new Bandwidth(bytesPerSecond, burstBytes, bytes);
    }

    public boolean isUnlimited() {
        return bytesPerSecond == Double.POSITIVE_INFINITY;
    }

    /** Throws, naming {@code field}, unless {@code rate} is a rate of at least 1 byte/s or +∞. */
    public static double requireRate(String field, double rate) {
        if (!(rate >= 1)) {
            throw new IllegalArgumentException(field + " must be at least 1 byte/s (Double.POSITIVE_INFINITY for unlimited), was " + rate);
        }
        return rate;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "unlimited"
                : bytesPerSecond + " B/s (" + bytesPerSecond / 125_000 + " Mbit/s), bucket " + burstBytes + " B, queue " + queueBytes + " B";
    }
}
