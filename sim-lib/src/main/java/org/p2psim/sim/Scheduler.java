package org.p2psim.sim;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event core: a virtual clock and a queue of actions ordered by (time, sequence).
 *
 * <p>Two actions scheduled for the same instant run in the order they were scheduled, which makes
 * every run a pure function of its seed. Actions may schedule further actions, including at the
 * current instant; scheduling in the past is a programming error and throws.
 */
public final class Scheduler {

    private final PriorityQueue<Action> queue = new PriorityQueue<>();
    private long now;
    private long nextSequence;
    private long executed;

    /** Current simulated time in microseconds. */
    public long now() {
        return now;
    }

    /** Number of actions run so far. */
    public long executed() {
        return executed;
    }

    public int pending() {
        return queue.size();
    }

    /** Runs {@code task} at absolute simulated time {@code at} (µs). */
    public Timer at(long at, Runnable task) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule at " + SimTime.format(at)
                    + ": simulated time is already " + SimTime.format(now));
        }
        Action action = new Action(at, nextSequence++, task);
        queue.add(action);
        return action;
    }

    /** Runs {@code task} after {@code delay} µs of simulated time (0 = later at this same instant). */
    public Timer after(long delay, Runnable task) {
        if (delay < 0) {
            throw new IllegalArgumentException("delay must be >= 0 µs, was " + delay);
        }
        return at(Math.addExact(now, delay), task);
    }

    /** Runs the next action, advancing the clock to its time. Returns false when nothing is left. */
    public boolean step() {
        Action next = pollLive();
        if (next == null) {
            return false;
        }
        now = next.time;
        executed++;
        next.task.run();
        return true;
    }

    /** Runs every action due up to {@code now + duration}, then leaves the clock there. */
    public void runFor(Duration duration) {
        runUntilTime(Math.addExact(now, SimTime.of(duration)));
    }

    /** Runs every action with time ≤ {@code end}, then sets the clock to {@code end}. */
    public void runUntilTime(long end) {
        while (true) {
            Action next = peekLive();
            if (next == null || next.time > end) {
                break;
            }
            step();
        }
        now = Math.max(now, end);
    }

    /**
     * Runs actions until {@code condition} holds (checked before the first and after every action)
     * or {@code limit} of simulated time has passed. Returns whether the condition was met.
     */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        long end = Math.addExact(now, SimTime.of(limit));
        while (!condition.getAsBoolean()) {
            Action next = peekLive();
            if (next == null || next.time > end) {
                now = Math.max(now, end);
                return condition.getAsBoolean();
            }
            step();
        }
        return true;
    }

    private Action peekLive() {
        Action head = queue.peek();
        while (head != null && head.cancelled) {
            queue.poll();
            head = queue.peek();
        }
        return head;
    }

    private Action pollLive() {
        peekLive();
        return queue.poll();
    }

    /** A scheduled action that can be cancelled before it runs. */
    public interface Timer {
        void cancel();

        long time();
    }

    private static final class Action implements Comparable<Action>, Timer {
        final long time;
        final long sequence;
        final Runnable task;
        boolean cancelled;

        Action(long time, long sequence, Runnable task) {
            this.time = time;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public int compareTo(Action other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public long time() {
            return time;
        }
    }
}
