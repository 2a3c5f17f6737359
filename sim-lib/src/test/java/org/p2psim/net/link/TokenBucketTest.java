package org.p2psim.net.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final double ONE_MBIT = 125_000;

    /**
     * 143 packets of 1 400 bytes (200 200 bytes) offered at once to a 1 Mbit/s bucket of 1 500
     * bytes: the last leaves at (N − B)/R = 1.5896 s, to within the ceil of one µs per packet; the
     * i-th leaves at max(0, (i+1)·s − B)/R.
     */
    @Test
    void a200KilobyteBurstAtOneMegabitTakesAboutOnePointSixSeconds() {
        TokenBucket bucket = new TokenBucket(Bandwidth.bytesPerSecond(ONE_MBIT).withQueue(1_000_000));
        long last = 0;
        for (int i = 0; i < 143; i++) {
            long departs = bucket.admit(0, 1_400);
            double expected = Math.max(0, (i + 1) * 1_400.0 - 1_500) / ONE_MBIT * 1e6;
            assertEquals(expected, departs, i + 1.0, "packet " + i);
            last = departs;
        }
        assertEquals((200_200 - 1_500) / ONE_MBIT, last / 1e6, 1e-4);
        assertEquals(1.6, last / 1e6, 0.02);
    }

    /** 10 000 packets of 1 000 bytes at 1 MB/s, offered faster than the rate: throughput within 5 % of the rate. */
    @Test
    void longTransferMovesAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(Bandwidth.bytesPerSecond(1_000_000).withQueue(20_000));
        long departs = 0;
        long offered = 0;
        long sent = 0;
        for (long t = 0; sent < 10_000; t += 500) {   // 2 MB/s offered
            long d = bucket.admit(t, 1_000);
            if (d != TokenBucket.DROPPED) {
                departs = d;
                sent++;
            }
            offered++;
        }
        double throughput = sent * 1_000.0 / (departs / 1e6);
        assertEquals(1_000_000, throughput, 0.05 * 1_000_000);
        assertTrue(offered > sent, "offering twice the rate overflows the queue");
    }

    /**
     * A queue of 10 000 bytes at 1 000 B/s: of 20 packets of 1 400 bytes at one instant the first
     * leaves at once (bucket full), 7 wait (9 800 bytes), and the other 12 find the queue full.
     */
    @Test
    void fullQueueDropsTail() {
        TokenBucket bucket = new TokenBucket(Bandwidth.bytesPerSecond(1_000).withQueue(10_000));
        int dropped = 0;
        for (int i = 0; i < 20; i++) {
            if (bucket.admit(0, 1_400) == TokenBucket.DROPPED) {
                dropped++;
            } else {
                assertEquals(0, dropped, "drop-tail: nothing after a drop is admitted at the same instant");
            }
        }
        assertEquals(12, dropped);
        assertEquals(9_800, bucket.queuedBytes(0));
        assertEquals(9_800 - 1_400, bucket.queuedBytes(1_300_001), "the second packet left at 1.3 s");
    }

    @Test
    void unlimitedLetsEverythingThroughAtOnce() {
        TokenBucket bucket = new TokenBucket(Bandwidth.UNLIMITED);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(5, bucket.admit(5, 1_400));
        }
    }

    /** After the rate drops, new packets still leave after those already queued (FIFO). */
    @Test
    void reconfiguringKeepsFifoOrder() {
        TokenBucket bucket = new TokenBucket(Bandwidth.bytesPerSecond(10_000));
        bucket.admit(0, 1_400);
        long second = bucket.admit(0, 1_400);
        bucket.reconfigure(Bandwidth.UNLIMITED, 1);
        assertEquals(second, bucket.admit(1, 100));
        assertEquals(second + 1, bucket.admit(second + 1, 100));
    }

    @Test
    void invalidBandwidthNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bandwidth.bytesPerSecond(0));
        assertTrue(e.getMessage().startsWith("net.bandwidth must be at least 1 byte/s"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bandwidth.UNLIMITED.withQueue(-1));
        assertEquals("net.queue must be >= 0 bytes, was -1", e.getMessage());
    }
}
