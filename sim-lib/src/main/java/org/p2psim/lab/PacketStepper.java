package org.p2psim.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.Simulation;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimEventCodec;
import tech.tablesaw.api.Table;

/**
 * Frame by frame (seed §9): advances a simulation to the next packet between chosen devices and
 * shows what that step did. A packet counts when its fate is decided (delivered when the receiver
 * has handled it, or dropped, or rejected): the step runs the simulation's events one by one and
 * stops right after the event that decided it, so the receiver's answer (e.g. the events a Bloom
 * filter showed missing) is the next step.
 *
 * <pre>{@code
 * PacketStepper steps = PacketStepper.of(sim).devices("alice", "bob");
 * steps.next()        // the step as a card: the packet, the time, what changed, a diagram of the last few
 * steps.next(5)       // five steps, the last one shown
 * }</pre>
 *
 * <p>Stepping runs the same events in the same order as any other way of running: it only decides
 * where to stop, so a run stepped through has the trace of one run straight through.
 */
public final class PacketStepper {
    /** Packets of the diagram in a step's card: this one and those before it. */
    public static final int RECENT = 8;
    /** How far a step looks for a packet before it gives up, unless {@link #limit} says otherwise. */
    public static final Duration DEFAULT_LIMIT = Duration.ofHours(1);

    private final Simulation sim;
    private List<String> devices = List.of();
    private Duration limit = DEFAULT_LIMIT;

    private PacketStepper(Simulation sim) {
        this.sim = sim;
    }

    /** Steps through every packet of {@code sim}. */
    public static PacketStepper of(Simulation sim) {
        return new PacketStepper(sim);
    }

    /** Only packets between these devices count (at least two). */
    public PacketStepper devices(String... names) {
        SequenceDiagram.of(List.of()).devices(names); // the same check and message
        this.devices = List.of(names);
        return this;
    }

    /** A step that finds no packet within {@code simulated} stops there (default one hour). */
    public PacketStepper limit(Duration simulated) {
        if (simulated.isNegative() || simulated.isZero()) {
            throw new IllegalArgumentException("limit must be a positive duration, was " + simulated);
        }
        this.limit = simulated;
        return this;
    }

    /** Runs to the next packet between the chosen devices and returns what the step did. */
    public PacketStep next() {
        List<PacketRow> log = sim.metrics().packetRows();
        int logBefore = log.size();
        int timelineBefore = sim.timeline().size();
        long startTime = sim.scheduler().now();
        long actionsBefore = sim.scheduler().executed();
        Map<String, Integer> heldBefore = held();
        int[] scanned = {logBefore};
        boolean found = sim.runUntil(() -> {
            for (; scanned[0] < log.size(); scanned[0]++) {
                if (counts(log.get(scanned[0]))) {
                    return true;
                }
            }
            return false;
        }, limit);
        List<PacketRow> decided = new ArrayList<>();
        for (PacketRow p : log.subList(logBefore, log.size())) {
            if (counts(p)) {
                decided.add(p);
            }
        }
        List<SimEventCodec.Row> happened = new ArrayList<>();
        List<SimEvent> timeline = sim.timeline().events();
        for (SimEvent e : timeline.subList(timelineBefore, timeline.size())) {
            happened.add(SimEventCodec.encode(e));
        }
        SequenceDiagram diagram = recent(decided.isEmpty() ? null : decided.get(decided.size() - 1));
        return new PacketStep(found ? decided : List.of(), startTime, sim.scheduler().now(),
                sim.scheduler().executed() - actionsBefore, log.size() - logBefore - decided.size(), happened, heldBefore, held(),
                diagram);
    }

    /** Takes {@code count} steps and returns the last (or the first that found no packet). */
    public PacketStep next(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        PacketStep step = next();
        for (int i = 1; i < count && step.found(); i++) {
            step = next();
        }
        return step;
    }

    private boolean counts(PacketRow p) {
        return devices.isEmpty() || devices.contains(p.from()) && devices.contains(p.to());
    }

    private SequenceDiagram recent(PacketRow last) {
        List<PacketRow> chosen = sim.metrics().packetRows().stream().filter(this::counts).toList();
        List<PacketRow> tail = chosen.subList(Math.max(0, chosen.size() - RECENT), chosen.size());
        SequenceDiagram d = SequenceDiagram.of(tail);
        if (!devices.isEmpty()) {
            d.devices(devices.toArray(String[]::new));
        }
        return last == null ? d : d.highlight(last);
    }

    /** Events held by each chosen device (every device when none was chosen). */
    private Map<String, Integer> held() {
        Table t = sim.devicesTable();
        Map<String, Integer> held = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String name = t.stringColumn("device").get(r);
            if (devices.isEmpty() || devices.contains(name)) {
                held.put(name, t.intColumn("held").get(r));
            }
        }
        return held;
    }
}
