package org.p2psim.net.nat;

/**
 * How devices behind NATs find and keep paths to each other.
 *
 * @param keepaliveMicros   interval of a NATed device's keepalives to its rendezvous and punched peers; 0: off
 * @param relay             whether a public peer relays for pairs that cannot punch
 * @param relayMaxMicros    longest life of one relayed connection (circuit relay v2: 2 min)
 * @param relayMaxBytes     most bytes one relayed connection carries (circuit relay v2: 128 KiB)
 * @param punchRetries      punch attempts after the first before giving up
 * @param punchBackoffMicros wait before the first retry; doubles each retry
 * @param holdBytes         most bytes of data a sender holds for one peer while their punch is under way
 *                          (sent when it ends, by the path it found; more is dropped); 0: nothing held
 */
public record NatConfig(long keepaliveMicros, boolean relay, long relayMaxMicros, long relayMaxBytes,
                        int punchRetries, long punchBackoffMicros, long holdBytes) {
    private static final long SECOND = 1_000_000L;

    /** 64 KiB held per peer: half a relayed connection's budget, a few seconds of a phone's sync traffic. */
    public static final NatConfig DEFAULTS = new NatConfig(25 * SECOND, true, 120 * SECOND, 128 * 1024, 2, SECOND, 64 * 1024);

    public NatConfig {
        if (keepaliveMicros < 0 || relayMaxMicros <= 0 || relayMaxBytes <= 0 || punchRetries < 0 || punchBackoffMicros < 0 || holdBytes < 0) {
            throw new IllegalArgumentException("NAT settings out of range: keepalive >= 0, relay limits > 0, punch retries, backoff and hold"
                    + " >= 0; was " + this);
        }
    }

    public NatConfig withKeepalive(long micros) {
        return new NatConfig(micros, relay, relayMaxMicros, relayMaxBytes, punchRetries, punchBackoffMicros, holdBytes);
    }

    public NatConfig withRelay(boolean on) {
        return new NatConfig(keepaliveMicros, on, relayMaxMicros, relayMaxBytes, punchRetries, punchBackoffMicros, holdBytes);
    }

    public NatConfig withRelayLimits(long micros, long bytes) {
        return new NatConfig(keepaliveMicros, relay, micros, bytes, punchRetries, punchBackoffMicros, holdBytes);
    }

    public NatConfig withPunch(int retries, long backoffMicros) {
        return new NatConfig(keepaliveMicros, relay, relayMaxMicros, relayMaxBytes, retries, backoffMicros, holdBytes);
    }

    public NatConfig withHold(long bytes) {
        return new NatConfig(keepaliveMicros, relay, relayMaxMicros, relayMaxBytes, punchRetries, punchBackoffMicros, bytes);
    }
}
