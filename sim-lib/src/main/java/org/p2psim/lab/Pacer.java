package org.p2psim.lab;

import java.util.Locale;
import org.p2psim.sim.SimTime;

/**
 * How far simulated time may run after some wall time: {@code speed} simulated seconds per wall
 * second, or as fast as the machine goes ({@link #FLAT_OUT}). The wall clock is read by the driver
 * only (the live dashboard's loop); the simulation never sees it, so pacing cannot change a run.
 */
public record Pacer(double speed) {
    /** No pacing: simulated time runs as fast as the machine computes it. */
    public static final Pacer FLAT_OUT = new Pacer(Double.POSITIVE_INFINITY);

    public Pacer {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0 simulated seconds per wall second"
                    + " (Double.POSITIVE_INFINITY for as fast as possible), was " + speed);
        }
    }

    /** The simulated time (µs) a run that started at {@code simStart} may reach after {@code wallNanos} of wall time. */
    public long reachable(long simStart, long wallNanos) {
        if (Double.isInfinite(speed)) {
            return Long.MAX_VALUE;
        }
        double micros = wallNanos / 1e3 * speed;
        return micros >= Long.MAX_VALUE - simStart ? Long.MAX_VALUE : simStart + (long) micros;
    }

    /** Wall nanoseconds until simulated time {@code simTime} is reachable (0 when it already is). */
    public long wallNanosUntil(long simStart, long simTime, long wallNanos) {
        if (Double.isInfinite(speed)) {
            return 0;
        }
        double due = (simTime - simStart) / speed * 1e3;
        return Math.max(0, (long) Math.ceil(due) - wallNanos);
    }

    /** "100×", "as fast as possible". */
    public String label() {
        if (Double.isInfinite(speed)) {
            return "as fast as possible";
        }
        return (speed >= 10 ? String.format(Locale.ROOT, "%,.0f", speed) : String.format(Locale.ROOT, "%.3g", speed)) + "×";
    }

    /** Simulated seconds in {@code micros}, for labels. */
    static double seconds(long micros) {
        return SimTime.toSeconds(micros);
    }
}
