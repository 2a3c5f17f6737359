package org.p2psim.workload.presence;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.p2psim.sim.Draws;
import org.p2psim.sim.SimTime;

/**
 * Turns a {@link Presence} into one device's {@link ActivityPlan} over [{@code from}, {@code end}),
 * drawing from the device's own stream, so that a device's presence depends on nothing else.
 */
public final class PresencePlanner {
    private static final long DAY = SimTime.of(Duration.ofDays(1));

    private final long startOfDay;

    /** @param startOfDay the time of day at which the run starts */
    public PresencePlanner(LocalTime startOfDay) {
        this.startOfDay = startOfDay.toNanoOfDay() / 1000;
    }

    public ActivityPlan plan(Presence presence, long from, long end, RandomGenerator random) {
        if (presence instanceof Presence.Hours h) {
            return hours(h, from, end, random);
        }
        if (presence instanceof Presence.Mobile m) {
            return mobile(m, from, end, random);
        }
        return always(from, end);
    }

    private static ActivityPlan always(long from, long end) {
        Intervals all = Intervals.of(from, end);
        return new ActivityPlan(all, all);
    }

    private ActivityPlan hours(Presence.Hours h, long from, long end, RandomGenerator random) {
        long jitter = SimTime.of(h.jitter());
        List<long[]> days = new ArrayList<>();
        // run time t is time of day startOfDay + t; day 0 begins at −startOfDay
        for (long dayStart = -startOfDay; dayStart < end; dayStart += DAY) {
            long on = dayStart + micros(h.from()) + Draws.uniform(random, -jitter, jitter);
            long off = dayStart + micros(h.to()) + Draws.uniform(random, -jitter, jitter);
            days.add(new long[] {Math.max(from, on), Math.min(end, off)});
        }
        Intervals online = Intervals.union(days);
        return new ActivityPlan(online, online);
    }

    private static ActivityPlan mobile(Presence.Mobile m, long from, long end, RandomGenerator random) {
        List<long[]> sessions = new ArrayList<>();
        if (m.opensPerHour() > 0) {
            double meanGap = SimTime.of(Duration.ofHours(1)) / m.opensPerHour();
            double t = from;
            while (true) {
                t += Draws.exponential(random, meanGap);
                if (t >= end) {
                    break;
                }
                long open = (long) t;
                long length = Draws.uniform(random, SimTime.of(m.sessionMin()), SimTime.of(m.sessionMax()));
                sessions.add(new long[] {open, Math.min(end, open + length)});
            }
        }
        List<long[]> refreshes = new ArrayList<>();
        long window = SimTime.of(m.window());
        long refreshMin = SimTime.of(m.refreshMin());
        long refreshMax = SimTime.of(m.refreshMax());
        for (long r = from + Draws.uniform(random, 0, refreshMax); r < end; r += Draws.uniform(random, refreshMin, refreshMax)) {
            refreshes.add(new long[] {r, Math.min(end, r + window)});
        }
        Intervals active = Intervals.union(sessions);
        return new ActivityPlan(active.union(Intervals.union(refreshes)), active);
    }

    private static long micros(LocalTime time) {
        return time.toNanoOfDay() / 1000;
    }
}
