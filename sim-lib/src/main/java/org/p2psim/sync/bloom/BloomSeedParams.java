package org.p2psim.sync.bloom;

import java.time.Duration;
import org.p2psim.net.Packet;

/**
 * Parameters of the seed's Bloom sync, with the seed's defaults.
 *
 * @param interval      how often a device sends a filter to each peer: the schedule of the recent level (seed: 10 s)
 * @param packetBytes   the whole filter packet, header and signature included (seed: 500)
 * @param hashes        hash functions per id; 7 is optimal for the ≈339 ids a 3 256-bit filter holds at 1 %
 * @param recentWindow  events authored this recently count as recent (seed: 1 minute)
 * @param recentBatch   recent events checked per received filter, newest first (seed: 50)
 * @param olderBatch    older events checked per received filter, round robin (seed: 10)
 * @param maxPerRound   events sent per received filter at most (seed: 20)
 * @param saltEachRound not in the seed (default false): hash each round's filter under a fresh salt, so
 *                      false positives are independent between rounds; the receiver then keeps only the
 *                      newest filter, since filters under different salts cannot be OR-merged
 * @param segment       events per segment of the device's cumulative filter, in arrival order (seed: a new
 *                      filter after every 8 000 events); the recent level covers the newest segment, the
 *                      medium level the newest three, the full level all of them
 * @param mediumEvery   how often a peer gets the medium level instead of the recent one (seed: 1 minute)
 * @param fullEvery     how often a peer gets the full level (seed: 10 minutes; also the first filter a peer gets)
 */
public record BloomSeedParams(Duration interval, int packetBytes, int hashes, Duration recentWindow,
                              int recentBatch, int olderBatch, int maxPerRound, boolean saltEachRound,
                              int segment, Duration mediumEvery, Duration fullEvery) {

    /** The seed's segment: its cumulative filter starts a new filter after every 8 000 events. */
    public static final int SEED_SEGMENT = 8000;

    public static final BloomSeedParams DEFAULTS = new BloomSeedParams(Duration.ofSeconds(10), 500, 7, Duration.ofMinutes(1),
            50, 10, 20, false, SEED_SEGMENT, Duration.ofMinutes(1), Duration.ofMinutes(10));

    public BloomSeedParams {
        requirePositive("sync.bloom.interval", interval.toNanos());
        int smallest = Packet.OVERHEAD + BloomFilter.wireBytes(8, saltEachRound);
        if (packetBytes < smallest) {
            throw new IllegalArgumentException("sync.bloom.bytes must be at least " + smallest
                    + " (the packet overhead plus a 1-byte filter), was " + packetBytes);
        }
        if (hashes < 1 || hashes > 32) {
            throw new IllegalArgumentException("sync.bloom.hashes must be in [1, 32], was " + hashes);
        }
        requirePositive("sync.bloom.recentWindow", recentWindow.toNanos());
        requirePositive("sync.bloom.recentBatch", recentBatch);
        requirePositive("sync.bloom.olderBatch", olderBatch);
        requirePositive("sync.bloom.maxPerRound", maxPerRound);
        requirePositive("sync.bloom.segment", segment);
        requirePositive("sync.bloom.mediumEvery", mediumEvery.toNanos());
        requirePositive("sync.bloom.fullEvery", fullEvery.toNanos());
    }

    /** The seed's parameters without the level settings (which take the seed's values). */
    public BloomSeedParams(Duration interval, int packetBytes, int hashes, Duration recentWindow,
                           int recentBatch, int olderBatch, int maxPerRound, boolean saltEachRound) {
        this(interval, packetBytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                SEED_SEGMENT, Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    /** Filter bits that fit the packet, after the packet overhead and the filter's own header. */
    public int filterBits() {
        return (packetBytes - Packet.OVERHEAD - BloomFilter.wireBytes(0, saltEachRound)) * 8;
    }

    public BloomSeedParams withPacketBytes(int bytes) {
        return new BloomSeedParams(interval, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                segment, mediumEvery, fullEvery);
    }

    public BloomSeedParams withHashes(int k) {
        return new BloomSeedParams(interval, packetBytes, k, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                segment, mediumEvery, fullEvery);
    }

    public BloomSeedParams withInterval(Duration every) {
        return new BloomSeedParams(every, packetBytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                segment, mediumEvery, fullEvery);
    }

    public BloomSeedParams withSaltEachRound(boolean salt) {
        return new BloomSeedParams(interval, packetBytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, salt,
                segment, mediumEvery, fullEvery);
    }

    /** The levels' settings: events per segment and the medium and full schedules. */
    public BloomSeedParams withLevels(int eventsPerSegment, Duration medium, Duration full) {
        return new BloomSeedParams(interval, packetBytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                eventsPerSegment, medium, full);
    }

    private static void requirePositive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
    }
}
