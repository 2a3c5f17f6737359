package org.p2psim.experiment.mobile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.p2psim.Simulation;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.notebook.ProgressBar;
import org.p2psim.scenario.Scenario;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A scenario of devices with presence profiles (phones, desktops) run over seeds 1..n, and what it
 * says about mobile patterns: every delivery with its latency split into the wait for a window and
 * the rest ({@link DeliverySplit}), every device's switches and drops ({@link DeviceDrops}), every
 * wake-up ({@link WakeUp}). A device's class is the name of its profile in the scenario. The
 * summaries are {@link MobileTables}; the first run is kept for the figures of one run.
 *
 * <pre>{@code
 * MobileStudy study = MobileStudy.run(scenario, 3);
 * MobileTables.latencyByClass(study)
 * }</pre>
 */
public final class MobileStudy {
    private final Scenario scenario;
    private final Map<String, String> classOf = new LinkedHashMap<>();
    private final Table runs = Table.create("runs", IntColumn.create("seed"), IntColumn.create("devices"),
            IntColumn.create("events_created"), LongColumn.create("packets_sent"), DoubleColumn.create("wall_s"));
    private final List<DeviceDrops> devices = new ArrayList<>();
    private final List<WakeUp> wakeUps = new ArrayList<>();
    private Table deliveries;
    private Simulation first;
    private Presence firstPresence;

    private MobileStudy(Scenario scenario) {
        this.scenario = scenario;
        scenario.profilesOfDevices().forEach((device, profile) -> classOf.put(device, profile.name()));
    }

    /** Runs {@code scenario} for its duration with seeds 1 to {@code seeds}, one after the other. */
    public static MobileStudy run(Scenario scenario, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
        }
        MobileStudy study = new MobileStudy(scenario);
        ProgressBar bar = ProgressBar.start(scenario.name());
        for (int seed = 1; seed <= seeds; seed++) {
            study.add(seed);
            bar.update(seed / (double) seeds, seed + " of " + seeds + " seeds");
        }
        return study;
    }

    private void add(int seed) {
        long t0 = System.nanoTime(); // wall time, reported beside the results, never used in them
        Simulation sim = ScenarioRun.of(scenario).seed(seed).build();
        sim.runFor(scenario.duration());
        double wall = (System.nanoTime() - t0) / 1e9;
        Presence presence = Presence.of(sim.timeline().events(), classOf.keySet(), scenario.duration().toMillis() / 1000.0);
        Table split = DeliverySplit.of(sim.metrics().deliveryLatencies(), classOf, presence, seed);
        deliveries = deliveries == null ? split : deliveries.append(split);
        Table packetLog = sim.metrics().packetLog();
        Table devicesTable = sim.devicesTable();
        devices.addAll(DeviceDrops.of(seed, devicesTable, packetLog, classOf, presence));
        wakeUps.addAll(WakeUp.of(seed, packetLog, classOf, presence));
        runs.intColumn("seed").append(seed);
        runs.intColumn("devices").append(devicesTable.rowCount());
        runs.intColumn("events_created").append(sim.metrics().truthSize());
        runs.longColumn("packets_sent").append(sim.metrics().summaryMap().get("packets_sent").longValue());
        runs.doubleColumn("wall_s").append(Math.round(wall * 10) / 10.0);
        if (first == null) {
            first = sim;
            firstPresence = presence;
        } else {
            sim.close();
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Each device's class (its profile's name), in device order. */
    public Map<String, String> classOf() {
        return java.util.Collections.unmodifiableMap(classOf);
    }

    /** The classes in the order their first device appears. */
    public List<String> classes() {
        return List.copyOf(new LinkedHashSet<>(classOf.values()));
    }

    /** A row per run: seed, devices, events created, packets sent and wall-clock seconds (not a result). */
    public Table runs() {
        return runs.copy().setName("runs: " + org.p2psim.scenario.spec.Units.formatDuration(scenario.duration())
                + " simulated each (wall_s is wall-clock time, not part of the results)");
    }

    /** Every first delivery of an event to a device other than its author, all runs, with {@link DeliverySplit}'s columns. */
    public Table deliveries() {
        return deliveries.copy().setName("deliveries");
    }

    /** A row per device and run: {@link DeviceDrops}. */
    public Table devices() {
        return RecordTable.of("devices", DeviceDrops.class, devices);
    }

    /** A row per wake-up of a device and run: {@link WakeUp}. */
    public Table wakeUps() {
        return RecordTable.of("wake-ups", WakeUp.class, wakeUps);
    }

    /** The run of seed 1, still open for its figures and dashboard. */
    public Simulation firstRun() {
        return first;
    }

    /** Who was online when in the run of seed 1. */
    public Presence firstPresence() {
        return firstPresence;
    }
}
