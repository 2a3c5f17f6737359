package org.p2psim.workload;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a {@link Generator} sees of the simulation: who is there and when, the run's length, its
 * own random streams, and the two ways to act. Times are simulated microseconds since the run began.
 *
 * <p>Plan events ahead where possible ({@link #post} at a future time): a replay re-enacts the
 * recorded timeline by scheduling its events in the same way before the run, so an event planned
 * ahead happens at the same place among simultaneous actions in both.
 */
public interface WorkloadContext {

    /** Every device of the run in order: those present at the start, then those that join later. */
    List<String> devices();

    /** When {@code device} is there: 0 for devices present at the start, else its join time. */
    long presentFrom(String device);

    /** The end of the run. */
    long end();

    /** A fresh generator for the stream "workload/{@code name}" of the run's seed. */
    RandomGenerator random(String name);

    /** Gives {@code device} {@code count} messages in {@code channel} authored before the run. */
    void history(String device, int count, String channel);

    /** {@code device} posts {@code text} in {@code channel} at time {@code at} (recorded in the timeline then). */
    void post(long at, String device, String channel, String text);
}
