package org.p2psim.sync.bloom;

import java.time.Duration;
import org.p2psim.net.Packet;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of {@link BloomSaltedStrategy}.
 *
 * @param interval      how often a device sends a filter to each peer
 * @param bytes         the whole filter packet, header and signature included (the seed's budget: 500)
 * @param targetFpr     false-positive rate each round's filter is sized for; it sets how many events a filter covers
 * @param recentWindow  events authored this recently are covered by every round's filter (up to half its capacity)
 * @param maxPerRound   events sent per received filter at most
 * @param confirmations positive tests from independent rounds after which a peer is believed to hold an event
 */
public record BloomSaltedParams(
        @Param("how often a device sends a filter to each peer") Duration interval,
        @Param("the whole filter packet in bytes, header and signature included") int bytes,
        @Param("false-positive rate each round's filter is sized for") double targetFpr,
        @Param("events authored this recently are in every round's filter") Duration recentWindow,
        @Param("events sent per received filter at most") int maxPerRound,
        @Param("independent positive tests after which a peer is believed to hold an event") int confirmations) {

    public static final BloomSaltedParams DEFAULTS =
            new BloomSaltedParams(Duration.ofSeconds(10), 500, 0.01, Duration.ofMinutes(1), 20, 2);

    public BloomSaltedParams {
        Params.positive("interval", interval);
        Params.whole("bytes", bytes, Packet.OVERHEAD + BloomSaltedStrategy.HEADER_BYTES + 8, Packet.MAX_BODY);
        Params.fraction("targetFpr", targetFpr);
        Params.positive("recentWindow", recentWindow);
        Params.atLeast("maxPerRound", maxPerRound, 1);
        Params.whole("confirmations", confirmations, 1, 64);
    }

    /** Filter bits in the packet, after the packet overhead and the coverage and filter headers. */
    public int filterBits() {
        return (bytes - Packet.OVERHEAD - BloomSaltedStrategy.HEADER_BYTES) * 8;
    }

    /** Events a filter of {@link #filterBits()} holds at {@code targetFpr} with the best k: m·(ln 2)² / −ln p. */
    public int capacity() {
        return (int) Math.max(2, Math.floor(filterBits() * Math.log(2) * Math.log(2) / -Math.log(targetFpr)));
    }

    public BloomSaltedParams withBytes(int packetBytes) {
        return new BloomSaltedParams(interval, packetBytes, targetFpr, recentWindow, maxPerRound, confirmations);
    }

    public BloomSaltedParams withTargetFpr(double p) {
        return new BloomSaltedParams(interval, bytes, p, recentWindow, maxPerRound, confirmations);
    }
}
