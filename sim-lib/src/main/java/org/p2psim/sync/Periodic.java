package org.p2psim.sync;

import java.time.Duration;
import org.p2psim.sim.SimTime;

/**
 * A strategy's repeating round: first after a random phase, so that devices started together do not
 * all speak at once, then every {@code period}. The phase is one draw from the strategy's random
 * stream, made when the round is started; each next round is scheduled after the round has run, so
 * that what a round schedules at its own instant runs before the next round.
 */
public final class Periodic {

    private Periodic() {}

    /** Runs {@code round} first after a random delay in [0, {@code period}), then every {@code period}. */
    public static void start(SyncContext context, Duration period, Runnable round) {
        start(context, period, period, round);
    }

    /** Runs {@code round} first after a random delay in [0, {@code phase}), then every {@code period}. */
    public static void start(SyncContext context, Duration phase, Duration period, Runnable round) {
        long every = SimTime.of(period);
        context.scheduler().after(context.random().nextLong(SimTime.of(phase)), new Loop(context, every, round));
    }

    private record Loop(SyncContext context, long every, Runnable round) implements Runnable {
        @Override
        public void run() {
            round.run();
            context.scheduler().after(every, this);
        }
    }
}
