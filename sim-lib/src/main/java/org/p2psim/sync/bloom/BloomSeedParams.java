package org.p2psim.sync.bloom;

import java.time.Duration;
import org.p2psim.net.Packet;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of the seed's Bloom sync, with the seed's defaults.
 *
 * @param interval      how often a device sends a filter to each peer: the schedule of the recent level (seed: 10 s)
 * @param bytes         the whole filter packet, header and signature included (seed: 500)
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
public record BloomSeedParams(
        @Param("how often a device sends a filter to each peer (the recent level's schedule)") Duration interval,
        @Param("the whole filter packet in bytes, header and signature included") int bytes,
        @Param("hash functions per id") int hashes,
        @Param("events authored this recently are checked first against a received filter") Duration recentWindow,
        @Param("recent events checked per received filter, newest first") int recentBatch,
        @Param("older events checked per received filter, round robin") int olderBatch,
        @Param("events sent per received filter at most") int maxPerRound,
        @Param("not the seed's: a fresh salt per round, the receiver keeps only the newest filter") boolean saltEachRound,
        @Param("events per segment of the cumulative filter: recent covers the newest, medium the newest 3, full all") int segment,
        @Param("how often a peer gets the medium level") Duration mediumEvery,
        @Param("how often a peer gets the full level (and first)") Duration fullEvery) {

    /** The seed's segment: its cumulative filter starts a new filter after every 8 000 events. */
    public static final int SEED_SEGMENT = 8000;

    public static final BloomSeedParams DEFAULTS = new BloomSeedParams(Duration.ofSeconds(10), 500, 7, Duration.ofMinutes(1),
            50, 10, 20, false, SEED_SEGMENT, Duration.ofMinutes(1), Duration.ofMinutes(10));

    public BloomSeedParams {
        Params.positive("interval", interval);
        Params.between("bytes", bytes, Packet.OVERHEAD + BloomFilter.wireBytes(8, saltEachRound), 65_535);
        Params.between("hashes", hashes, 1, 32);
        Params.positive("recentWindow", recentWindow);
        Params.between("recentBatch", recentBatch, 1, Integer.MAX_VALUE);
        Params.between("olderBatch", olderBatch, 1, Integer.MAX_VALUE);
        Params.between("maxPerRound", maxPerRound, 1, Integer.MAX_VALUE);
        Params.between("segment", segment, 1, Integer.MAX_VALUE);
        Params.positive("mediumEvery", mediumEvery);
        Params.positive("fullEvery", fullEvery);
    }

    /** The seed's parameters without the level settings (which take the seed's values). */
    public BloomSeedParams(Duration interval, int packetBytes, int hashes, Duration recentWindow,
                           int recentBatch, int olderBatch, int maxPerRound, boolean saltEachRound) {
        this(interval, packetBytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                SEED_SEGMENT, Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    /** {@link #bytes()} under the name the strategy and the inspector use: the whole filter packet. */
    public int packetBytes() {
        return bytes;
    }

    /** Filter bits that fit the packet, after the packet overhead and the filter's own header. */
    public int filterBits() {
        return (bytes - Packet.OVERHEAD - BloomFilter.wireBytes(0, saltEachRound)) * 8;
    }

    public BloomSeedParams withPacketBytes(int bytes) {
        return new BloomSeedParams(interval, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                segment, mediumEvery, fullEvery);
    }

    public BloomSeedParams withHashes(int k) {
        return new BloomSeedParams(interval, bytes, k, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                segment, mediumEvery, fullEvery);
    }

    public BloomSeedParams withInterval(Duration every) {
        return new BloomSeedParams(every, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                segment, mediumEvery, fullEvery);
    }

    public BloomSeedParams withSaltEachRound(boolean salt) {
        return new BloomSeedParams(interval, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, salt,
                segment, mediumEvery, fullEvery);
    }

    /** The levels' settings: events per segment and the medium and full schedules. */
    public BloomSeedParams withLevels(int eventsPerSegment, Duration medium, Duration full) {
        return new BloomSeedParams(interval, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, saltEachRound,
                eventsPerSegment, medium, full);
    }
}
