package org.p2psim.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2psim.Simulation;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.notebook.ChartImages;
import org.p2psim.notebook.HtmlView;
import org.p2psim.plot.TopologyPicture;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimEventCodec;
import tech.tablesaw.api.Table;

/**
 * One picture of a live run: where simulated and wall time stand, each device's status, the
 * topology, the latest real-world events and packets, and the headline metrics. It is read from
 * the simulation between two of its events and changes nothing in it.
 *
 * @param title        what runs (the dashboard's title)
 * @param state        running, paused (the cell was interrupted) or done
 * @param simNow       simulated time now, µs
 * @param simStart     simulated time when this run call began, µs
 * @param simEnd       simulated time the run call aims for, µs
 * @param wallSeconds  wall time since this run call began
 * @param speed        the speed asked for
 * @param devices      one line per device
 * @param topologyPng  the topology picture as base64 PNG, or "" when not drawn
 * @param events       the latest real-world events, newest last
 * @param packets      the latest packets whose fate is known, newest last
 * @param metrics      headline metrics, name to value
 */
public record LiveFrame(String title, State state, long simNow, long simStart, long simEnd, double wallSeconds, Pacer speed,
                        List<DeviceLine> devices, String topologyPng, List<SimEventCodec.Row> events, List<PacketRow> packets,
                        Map<String, Double> metrics) implements HtmlView {

    /** Where a run call stands. */
    public enum State { RUNNING, PAUSED, DONE;
        public String label() {
            return name().toLowerCase();
        }
    }

    /** A device now: online, events held and completeness (share of the events created so far it holds). */
    public record DeviceLine(String name, boolean online, int held, double completeness) {}

    /** Headline metrics a frame shows, in this order (those the run has). */
    public static final List<String> METRICS = List.of("events_created", "converged", "min_completeness",
            "mean_completeness", "delivery_p50_s", "delivery_p90_s", "packets_sent", "bytes_sent", "duplicates");

    /** Latest events and packets a frame lists. */
    public static final int LATEST = 8;

    /** The topology of {@code sim} now, {@code pixels} square, as base64 PNG. */
    static String picture(Simulation sim, int pixels) {
        return ChartImages.pngBase64(TopologyPicture.of(sim).size(pixels, pixels).render());
    }

    /** Reads a frame from {@code sim} now, with {@code png} as its topology picture ("" for none). */
    static LiveFrame capture(Simulation sim, String title, State state, long simStart, long simEnd, double wallSeconds, Pacer speed,
                             String png) {
        Table table = sim.devicesTable();
        List<DeviceLine> devices = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            devices.add(new DeviceLine(table.stringColumn("device").get(r), table.booleanColumn("online").get(r),
                    table.intColumn("held").get(r), table.doubleColumn("completeness").get(r)));
        }
        List<SimEvent> timeline = sim.timeline().events();
        List<SimEventCodec.Row> events = timeline.subList(Math.max(0, timeline.size() - LATEST), timeline.size()).stream()
                .map(SimEventCodec::encode).toList();
        List<PacketRow> log = sim.metrics().packetRows();
        List<PacketRow> packets = List.copyOf(log.subList(Math.max(0, log.size() - LATEST), log.size()));
        Map<String, Double> all = sim.metrics().summaryMap();
        Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        for (String name : METRICS) {
            if (all.containsKey(name)) {
                metrics.put(name, all.get(name));
            }
        }
        return new LiveFrame(title, state, sim.scheduler().now(), simStart, simEnd, wallSeconds, speed,
                List.copyOf(devices), png, events, packets, metrics);
    }

    /** The same frame in another state (a run that ended or was interrupted). */
    LiveFrame withState(State newState) {
        return new LiveFrame(title, newState, simNow, simStart, simEnd, wallSeconds, speed, devices, topologyPng, events,
                packets, metrics);
    }

    /** Share of this run call's simulated span done, 0 to 1 (1 once done). */
    public double progress() {
        if (state == State.DONE || simEnd <= simStart) {
            return 1; // a run until convergence may end before its limit
        }
        return Math.min(1, (double) (simNow - simStart) / (simEnd - simStart));
    }

    /** Simulated seconds per wall second achieved so far (NaN before any time passed). */
    public double achievedSpeed() {
        return wallSeconds <= 0 || simNow == simStart ? Double.NaN : Pacer.seconds(simNow - simStart) / wallSeconds;
    }

    @Override
    public String html() {
        return FrameHtml.of(this);
    }

    @Override
    public String text() {
        return FrameHtml.text(this);
    }
}
