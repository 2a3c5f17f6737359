package org.p2psim.sync.bloom;

import java.time.Duration;
import org.p2psim.net.Packet;

/**
 * Parameters of the seed's Bloom sync, with the seed's defaults.
 *
 * @param interval      how often a device sends its filter to each peer (seed: 10 s)
 * @param packetBytes   the whole filter packet, header and signature included (seed: 500)
 * @param hashes        hash functions per id; 7 is optimal for the ≈339 ids a 3 256-bit filter holds at 1 %
 * @param recentWindow  events authored this recently count as recent (seed: 1 minute)
 * @param recentBatch   recent events checked per received filter, newest first (seed: 50)
 * @param olderBatch    older events checked per received filter, round robin (seed: 10)
 * @param maxPerRound   events sent per received filter at most (seed: 20)
 * @param saltEachRound not in the seed (default false): hash each round's filter under a fresh salt, so
 *                      false positives are independent between rounds; the receiver then keeps only the
 *                      newest filter, since filters under different salts cannot be OR-merged
 */
public record BloomSeedParams(Duration interval, int packetBytes, int hashes, Duration recentWindow,
                              int recentBatch, int olderBatch, int maxPerRound, boolean saltEachRound) {

    public static final BloomSeedParams DEFAULTS =
            new BloomSeedParams(Duration.ofSeconds(10), 500, 7, Duration.ofMinutes(1), 50, 10, 20, false);

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
    }

    /** Filter bits that fit the packet, after the packet overhead and the filter's own header. */
    public int filterBits() {
        return (packetBytes - Packet.OVERHEAD - BloomFilter.wireBytes(0, saltEachRound)) * 8;
    }

    public BloomSeedParams withPacketBytes(int bytes) {
        return new BloomSeedParams(interval, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound);
    }

    public BloomSeedParams withHashes(int k) {
        return new BloomSeedParams(interval, packetBytes, k, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound);
    }

    public BloomSeedParams withInterval(Duration every) {
        return new BloomSeedParams(every, packetBytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound);
    }

    public BloomSeedParams withSaltEachRound(boolean salt) {
        return new BloomSeedParams(interval, packetBytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, salt);
    }

    private static void requirePositive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
    }
}
