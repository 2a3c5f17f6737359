package org.p2psim.device;

import java.util.HashMap;
import java.util.Map;

/**
 * A device's per-peer budget (seed §16: "limit events per peer per minute"): each peer gets a bucket
 * of events and one of bytes, each refilled at its limit per minute and holding at most one minute's
 * worth. A packet over either budget is dropped unread. A limit of 0 is no limit.
 *
 * @param eventsPerMinute EVENT packets accepted from one peer per minute (0: unlimited)
 * @param bytesPerMinute  packet bytes (all types) accepted from one peer per minute (0: unlimited)
 */
public record RateLimit(long eventsPerMinute, long bytesPerMinute) {
    /** No limit: every scenario that does not set one. */
    public static final RateLimit NONE = new RateLimit(0, 0);
    private static final double MINUTE_US = 60e6;

    public RateLimit {
        if (eventsPerMinute < 0 || bytesPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0 (0 = unlimited), were events " + eventsPerMinute
                    + ", bytes " + bytesPerMinute);
        }
    }

    public boolean isOff() {
        return eventsPerMinute == 0 && bytesPerMinute == 0;
    }

    /** The buckets of one device; looked up by peer, never iterated. */
    static final class Buckets {
        private final RateLimit limit;
        private final Map<String, double[]> byPeer = new HashMap<>();

        Buckets(RateLimit limit) {
            this.limit = limit;
        }

        /** Takes one packet of {@code bytes} (an event when {@code event}) from {@code peer}'s budget at {@code now} µs; false if over. */
        boolean admit(String peer, boolean event, int bytes, long now) {
            double[] b = byPeer.computeIfAbsent(peer, p -> new double[] {limit.eventsPerMinute, limit.bytesPerMinute, now});
            double minutes = Math.max(0, now - b[2]) / MINUTE_US;
            b[2] = Math.max(b[2], now);
            b[0] = Math.min(limit.eventsPerMinute, b[0] + minutes * limit.eventsPerMinute);
            b[1] = Math.min(limit.bytesPerMinute, b[1] + minutes * limit.bytesPerMinute);
            boolean eventsOk = limit.eventsPerMinute == 0 || !event || b[0] >= 1;
            boolean bytesOk = limit.bytesPerMinute == 0 || b[1] >= bytes;
            if (!eventsOk || !bytesOk) {
                return false;
            }
            b[0] -= event ? 1 : 0;
            b[1] -= bytes;
            return true;
        }
    }
}
