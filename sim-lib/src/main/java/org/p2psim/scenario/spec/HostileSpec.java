package org.p2psim.scenario.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.device.RateLimit;

/**
 * Hostile members and the defence against them: the {@code hostile} section of a scenario.
 *
 * @param roles     device name → role ({@link #ROLES}): members whose real keys do harm
 * @param every     how often each hostile member acts
 * @param burst     how much it does each time (events a flooder pushes, lies a liar tells, packets a replayer re-sends,
 *                  events a poisoner mines)
 * @param rateLimit every device's per-peer budget of events and bytes per minute ({@link RateLimit#NONE}: off)
 */
public record HostileSpec(Map<String, String> roles, Duration every, int burst, RateLimit rateLimit) {
    /** The roles, in the order the documentation lists them; the adversary package has one class per role. */
    public static final List<String> ROLES = List.of("flooder", "liar", "replayer", "poisoner", "withholder");
    public static final int MAX_BURST = 1000;

    /** No hostile members and no rate limits: every scenario without a {@code hostile} section. */
    public static final HostileSpec NONE = new HostileSpec(Map.of(), Duration.ofSeconds(1), 10, RateLimit.NONE);

    public HostileSpec {
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        roles.forEach((device, role) -> {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("hostile.roles." + device + " must be one of " + ROLES + ", was '" + role + "'");
            }
        });
        if (every.isNegative() || every.isZero() || every.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("hostile.every must be at least 10ms, was " + every);
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("hostile.burst must be 1 to " + MAX_BURST + ", was " + burst);
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    public HostileSpec withRoles(Map<String, String> newRoles) {
        return new HostileSpec(newRoles, every, burst, rateLimit);
    }

    public HostileSpec withRateLimit(RateLimit limit) {
        return new HostileSpec(roles, every, burst, limit);
    }
}
