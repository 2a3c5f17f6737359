package org.p2psim.device;

/**
 * A device's own clock: simulated time shifted by a fixed offset and stretched by a drift.
 * It reads {@code t + offset + t · drift / 10⁶} at simulated time t (all µs; drift in parts per million).
 */
public record DeviceClock(long offset, double driftPpm) {
    public static final DeviceClock EXACT = new DeviceClock(0, 0);

    public DeviceClock {
        if (Math.abs(driftPpm) >= 1e6) {
            throw new IllegalArgumentException("clock drift must be within ±10⁶ ppm, was " + driftPpm);
        }
    }

    /** What this clock shows at simulated time {@code simTime}. */
    public long at(long simTime) {
        return simTime + offset + Math.round(simTime * driftPpm / 1e6);
    }
}
