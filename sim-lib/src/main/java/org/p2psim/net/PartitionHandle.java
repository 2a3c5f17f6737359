package org.p2psim.net;

import java.util.ArrayList;
import java.util.List;
import org.p2psim.sim.Scheduler;

/** A {@link Partition} put in force, now or from a scheduled time; {@link #heal()} ends it. */
public final class PartitionHandle {
    private final Partition partition;
    private final List<PartitionHandle> inForce;
    private final List<Scheduler.Timer> timers = new ArrayList<>();
    private boolean active;
    private boolean healed;

    PartitionHandle(Partition partition, List<PartitionHandle> inForce) {
        this.partition = partition;
        this.inForce = inForce;
    }

    public Partition partition() {
        return partition;
    }

    /** Whether the cut blocks traffic now. */
    public boolean isActive() {
        return active;
    }

    /** Whether the cut has been healed (or will never start because it was healed first). */
    public boolean isHealed() {
        return healed;
    }

    /** Ends the cut now (packets sent from now on pass) and cancels any scheduled start or end. */
    public void heal() {
        if (healed) {
            return;
        }
        healed = true;
        timers.forEach(Scheduler.Timer::cancel);
        if (active) {
            active = false;
            inForce.remove(this);
        }
    }

    void activate() {
        if (!healed && !active) {
            active = true;
            inForce.add(this);
        }
    }

    /** Puts the cut in force from {@code start} (since the run began) for {@code duration}, then heals it. */
    void schedule(Scheduler scheduler, java.time.Duration start, java.time.Duration duration) {
        long from = org.p2psim.sim.SimTime.of(start);
        long length = org.p2psim.sim.SimTime.of(duration);
        if (length <= 0) {
            throw new IllegalArgumentException("a partition's duration must be > 0, was " + duration);
        }
        addTimer(scheduler.at(from, this::activate));
        addTimer(scheduler.at(Math.addExact(from, length), this::heal));
    }

    void addTimer(Scheduler.Timer timer) {
        timers.add(timer);
    }

    @Override
    public String toString() {
        return "Partition[" + partition + (active ? ", active" : healed ? ", healed" : ", scheduled") + "]";
    }
}
