package org.p2psim.net.nat;

import java.util.Map;
import java.util.TreeMap;
import org.p2psim.sim.SimTime;

/** What NAT traversal cost and achieved so far. */
public final class NatStats {
    long punchAttempts;
    long punchSuccesses;
    long relayedBytes;
    long natDropped;
    long keepaliveBytes;
    final Map<String, Long> relayedBytesBy = new TreeMap<>();
    final java.util.List<Long> punchMicros = new java.util.ArrayList<>();

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

    /** Data packets the NATs refused: filtered, expired, no address known, or over a relay's limit. */
    public long natDropped() {
        return natDropped;
    }
}
