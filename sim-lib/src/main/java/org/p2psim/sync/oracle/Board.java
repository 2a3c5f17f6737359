package org.p2psim.sync.oracle;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.p2psim.event.EventId;
import org.p2psim.sim.Scheduler;

/**
 * What the oracle sees and no protocol could: the oracles of one run (one scheduler), what each
 * device holds and whether it is online, and every event in flight to a device from any sender, so
 * that an event is sent to a device once (again only when that packet was lost).
 */
final class Board {
    /**
     * The boards of the runs under way, by their scheduler (runs of a sweep share the JVM). Both
     * weakly held: a board is kept alive by its run's oracles, and it holds the scheduler through them.
     */
    private static final Map<Scheduler, WeakReference<Board>> RUNS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, OracleStrategy> members = new LinkedHashMap<>();
    /** (device, event) → {deadline µs, attempts}. */
    private final Map<Flight, long[]> inFlight = new HashMap<>();
    /** What each device received and declined (its fetch policy): not offered to it again. */
    private final Set<Flight> declined = new HashSet<>();

    private record Flight(String device, EventId id) {}

    static Board of(Scheduler scheduler) {
        synchronized (RUNS) {
            Board board = RUNS.containsKey(scheduler) ? RUNS.get(scheduler).get() : null;
            if (board == null) {
                board = new Board();
                RUNS.put(scheduler, new WeakReference<>(board));
            }
            return board;
        }
    }

    void join(String device, OracleStrategy oracle) {
        members.put(device, oracle);
    }

    OracleStrategy member(String device) {
        return members.get(device);
    }

    boolean inFlight(String device, EventId id, long now) {
        long[] f = inFlight.get(new Flight(device, id));
        return f != null && f[0] > now;
    }

    /** Whether the event was sent to {@code device} once and may still arrive: what fills a window (a resent one, maybe declined, does not). */
    boolean firstFlight(String device, EventId id, long now) {
        long[] f = inFlight.get(new Flight(device, id));
        return f != null && f[0] > now && f[1] == 1;
    }

    /** Records a send; the next is due after {@code retry} × 2^attempts (at most 32 ×). */
    void sent(String device, EventId id, long now, long retry) {
        long[] f = inFlight.computeIfAbsent(new Flight(device, id), k -> new long[2]);
        f[0] = now + retry * (1L << Math.min(5, f[1]));
        f[1]++;
    }

    void arrived(String device, EventId id) {
        inFlight.remove(new Flight(device, id));
    }

    void declined(String device, EventId id) {
        Flight flight = new Flight(device, id);
        inFlight.remove(flight);
        declined.add(flight);
    }

    boolean hasDeclined(String device, EventId id) {
        return declined.contains(new Flight(device, id));
    }
}
