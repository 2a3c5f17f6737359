package org.p2psim.net.nat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2psim.sim.SimTime;

/** What NAT traversal cost and achieved so far. */
public final class NatStats {
    /** The names of the summary metrics a run with NATs adds (as {@code world.NatTables.summary} fills them), in order. */
    public static final List<String> SUMMARY_KEYS = List.of("punch_attempts", "punch_successes", "punch_success_rate",
            "punch_pairs_tried", "punch_pairs_punched", "punch_pair_success_rate", "punch_first_attempt_share",
            "punch_time_p50_s", "relayed_bytes", "keepalive_bytes", "nat_dropped", "nat_held", "nat_hold_dropped");

    long punchAttempts;
    long punchSuccesses;
    long firstAttemptSuccesses;
    long pairsTried;
    long pairsPunched;
    long relayedBytes;
    long natDropped;
    long keepaliveBytes;
    long held;
    long holdDropped;
    final Map<String, Long> relayedBytesBy = new TreeMap<>();
    final List<Long> punchMicros = new ArrayList<>();

    public long punchAttempts() {
        return punchAttempts;
    }

    public long punchSuccesses() {
        return punchSuccesses;
    }

    /** Successful punches / attempts, or NaN before the first attempt. */
    public double punchSuccessRate() {
        return punchAttempts == 0 ? Double.NaN : (double) punchSuccesses / punchAttempts;
    }

    /** Pairs that tried to punch at least once. */
    public long pairsTried() {
        return pairsTried;
    }

    /** Pairs whose punch succeeded at least once. */
    public long pairsPunched() {
        return pairsPunched;
    }

    /**
     * Share of the pairs that tried which eventually punched, or NaN before the first attempt: the
     * population figure Ford, Srisuresh and Kegel (82 %) and the DCUtR campaign (70 % ± 7 %) report.
     */
    public double pairSuccessRate() {
        return pairsTried == 0 ? Double.NaN : (double) pairsPunched / pairsTried;
    }

    /** Share of successful punches that succeeded on their first attempt (DCUtR: 97.6 %), or NaN before the first success. */
    public double firstAttemptShare() {
        return punchSuccesses == 0 ? Double.NaN : (double) firstAttemptSuccesses / punchSuccesses;
    }

    /** Every successful punch's time from its first attempt to success, µs, in order. */
    public List<Long> punchTimesMicros() {
        return List.copyOf(punchMicros);
    }

    /** Median time from a pair's first punch attempt to success, seconds, or NaN. */
    public double punchTimeP50Seconds() {
        if (punchMicros.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = punchMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        return SimTime.toSeconds(sorted[(sorted.length - 1) / 2]);
    }

    public long relayedBytes() {
        return relayedBytes;
    }

    /** Relayed bytes per relaying device. */
    public Map<String, Long> relayedBytesByRelay() {
        return Map.copyOf(relayedBytesBy);
    }

    /** Bytes of keepalive packets sent. */
    public long keepaliveBytes() {
        return keepaliveBytes;
    }

    /** Data packets held while their pair punched (sent when the punch ended). */
    public long held() {
        return held;
    }

    /** Data packets dropped because their sender's hold for a punching peer was full (reason {@code nat-hold-full}). */
    public long holdDropped() {
        return holdDropped;
    }

    /** Data packets the NATs refused: filtered, expired, no address known, over a relay's limit, or over the hold. */
    public long natDropped() {
        return natDropped;
    }
}
