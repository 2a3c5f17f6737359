package org.p2psim.workload.presence;

import java.time.Duration;
import java.time.LocalTime;

/**
 * When a simulated person's device is online, and when its user is active (reading and writing):
 * the online-schedule half of a {@link Profile}. {@link PresencePlanner} turns one into intervals.
 */
public sealed interface Presence {

    /** Online and active for the whole run (a desktop left on, a laptop at a conference). */
    record Always() implements Presence {}

    /**
     * Online and active in working hours of each day, offline otherwise; the run starts at
     * {@code WorkloadSpec#startOfDay}. Each device's arrival and departure are shifted by a
     * uniform draw in [−jitter, +jitter], once per day.
     */
    record Hours(LocalTime from, LocalTime to, Duration jitter) implements Presence {
        public Hours {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("presence hours: from (" + from + ") must be before to (" + to + ")");
            }
        }
    }

    /**
     * A phone whose app runs only in two kinds of window, and is suspended (offline) otherwise:
     * <ul>
     *   <li><b>foreground</b> sessions, opened at the times of a Poisson process of
     *       {@code opensPerHour}, each lasting uniform [{@code sessionMin}, {@code sessionMax}];
     *       the user reads and writes only then;</li>
     *   <li><b>background refresh</b> windows of {@code window}, the first a uniform draw into the
     *       first gap, then every uniform [{@code refreshMin}, {@code refreshMax}] (iOS's background
     *       app refresh: every 15–30 min, about 30 s to run). The device syncs but its user is away.</li>
     * </ul>
     * A refresh that falls inside a foreground session is absorbed by it.
     */
    record Mobile(double opensPerHour, Duration sessionMin, Duration sessionMax, Duration refreshMin, Duration refreshMax,
                  Duration window) implements Presence {
        public Mobile {
            if (opensPerHour < 0) {
                throw new IllegalArgumentException("presence opensPerHour must be >= 0, was " + opensPerHour);
            }
            if (sessionMin.isNegative() || sessionMax.compareTo(sessionMin) < 0) {
                throw new IllegalArgumentException("presence session must be [min, max] with 0 <= min <= max, was ["
                        + sessionMin + ", " + sessionMax + "]");
            }
            if (refreshMin.isNegative() || refreshMin.isZero() || refreshMax.compareTo(refreshMin) < 0) {
                throw new IllegalArgumentException("presence refresh must be [min, max] with 0 < min <= max, was ["
                        + refreshMin + ", " + refreshMax + "]");
            }
            if (window.isNegative()) {
                throw new IllegalArgumentException("presence window must be >= 0, was " + window);
            }
        }
    }
}
