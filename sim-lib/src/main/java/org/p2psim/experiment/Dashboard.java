package org.p2psim.experiment;

import java.awt.image.RenderedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.p2psim.Simulation;
import org.p2psim.lab.LiveDashboard;
import org.p2psim.notebook.ChartImages;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.notebook.HtmlTables;
import org.p2psim.notebook.HtmlView;
import org.p2psim.plot.Plots;
import org.p2psim.plot.TopologyPicture;
import org.p2psim.scenario.Scenario;
import org.p2psim.workload.Profile;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One run at a glance: the devices' status, the headline metrics, completeness over time, the
 * latency CDFs, bytes by packet type, undelivered packets by reason, the scenario's expected
 * outcomes and a picture of who knows whom, in that order.
 *
 * <pre>{@code
 * Dashboard.of(ScenarioRun.of(Scenario.load("happy-path")).seed(7).run())   // last expression of a cell: shows it all
 * Dashboard.of(scenario, sim)                                            // a simulation the notebook ran itself
 * dashboard.parts()                                                      // each piece alone: Table, chart or image
 * }</pre>
 *
 * <p>A dashboard is an {@link HtmlView}: in a notebook it displays itself as one HTML block (tables
 * as HTML, charts and the picture as inline PNG). It is a snapshot: the parts are computed when it
 * is made, so the same scenario and seed give the same dashboard.
 */
public final class Dashboard implements HtmlView {
    /** The summary metrics shown by default, in this order (those the run has). */
    public static final List<String> HEADLINE_METRICS = List.of("events_created", "devices", "devices_online", "converged",
            "convergence_s", "min_completeness", "mean_completeness", "delivery_p50_s", "delivery_p90_s", "delivery_p99_s",
            "sync_p50_s", "sync_p90_s", "packets_sent", "bytes_sent", "overhead_ratio", "bytes_over_floor", "duplicates",
            "fpr_measured", "peak_write_rate");

    /**
     * One piece of the dashboard: a heading, the content (a Tablesaw {@link Table}, an XChart chart
     * or a {@link RenderedImage}, or a {@link String} when there is nothing to draw) and a note.
     */
    public record Part(String title, Object content, String note) {}

    private final String heading;
    private final List<Part> parts;

    private Dashboard(String heading, List<Part> parts) {
        this.heading = heading;
        this.parts = List.copyOf(parts);
    }

    /** The dashboard of a finished run, with its expectations as checked by the run. */
    public static Dashboard of(RunResult run) {
        return build(run.scenario(), run.simulation(), run.expectations(), false);
    }

    /**
     * The live dashboard of {@code sim} (seed §1): {@code Dashboard.live(sim).speed(100).runFor(Duration.ofHours(1))}
     * runs it while one output of the cell is redrawn in place; see {@link LiveDashboard}.
     */
    public static LiveDashboard live(Simulation sim) {
        return LiveDashboard.of(sim);
    }

    /** The dashboard of a simulation of {@code scenario} as it is now; its expectations are checked now. */
    public static Dashboard of(Scenario scenario, Simulation sim) {
        return build(scenario, sim, Expectations.evaluate(scenario, sim), false);
    }

    /** As {@link #of(Scenario, Simulation)}, with every summary metric instead of the headline ones. */
    public static Dashboard full(Scenario scenario, Simulation sim) {
        return build(scenario, sim, Expectations.evaluate(scenario, sim), true);
    }

    /**
     * Completeness sampled as in a run directory ({@link RunDirectory#COMPLETENESS_SAMPLES} points
     * at most): the exact step curve of 60 devices over an hour has a row per device per change,
     * millions of rows, more than a picture needs.
     */
    private static Table sampledCompleteness(Simulation sim) {
        return sim.metrics().sampledCompleteness(sim.scheduler().now(), RunDirectory.COMPLETENESS_SAMPLES);
    }

    private static Dashboard build(Scenario scenario, Simulation sim, List<ExpectationResult> expectations, boolean allMetrics) {
        String name = scenario.name() == null || scenario.name().isBlank() ? "scenario" : scenario.name();
        String heading = String.format(Locale.ROOT, "%s · seed %d · t = %.1f s · %d devices · %s",
                name, sim.seed(), sim.nowSeconds(), sim.devices().size(), scenario.sync().strategy());
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("Devices", deviceStatus(scenario, sim),
                "completeness: share of the events created so far that the device holds; online_share: of its time since it appeared"));
        parts.add(new Part("Metrics", metrics(sim, allMetrics), "definitions: org.p2psim.metrics package-info"));
        parts.add(new Part("Completeness over time", Plots.convergence(sampledCompleteness(sim), "Completeness of each device"),
                ""));
        Table cdf = sim.metrics().latencyCdf();
        parts.add(new Part("Latency", cdf.rowCount() == 0 ? "no event was delivered"
                : Plots.latencyCdf(cdf, "Delivery and sync latency CDF"),
                "delivery: each event at each device; sync: each event at the last device that should have it"));
        Table packets = sim.metrics().packets();
        parts.add(new Part("Bandwidth by packet type", packets.rowCount() == 0 ? "no packet was sent"
                : Plots.bytesByType(packets, "Bytes by packet type"), ""));
        parts.add(new Part("Undelivered packets", sim.metrics().undelivered(), "by fate and reason"));
        parts.add(new Part("Expected outcomes", expectations.isEmpty() ? "the scenario states none (expect:)"
                : Expectations.readableTable(expectations), ""));
        parts.add(new Part("Peers", TopologyPicture.of(sim).profiles(scenario.profilesOfDevices()).size(720, 720).render(),
                "green: holds everything; amber: partial; grey: offline. Links: same events (green), differ (amber),"
                        + " an end offline (grey); dashed when only one end has the other in its peer table"));
        return new Dashboard(heading, parts);
    }

    /** Device, profile, account, online now, share of time online, events held and completeness. */
    static Table deviceStatus(Scenario scenario, Simulation sim) {
        Table devices = sim.devicesTable();
        Map<String, Profile> profiles = scenario.profilesOfDevices();
        StringColumn profile = StringColumn.create("profile");
        for (String d : devices.stringColumn("device")) {
            Profile p = profiles.get(d);
            profile.append(p == null ? "" : p.name());
        }
        Table t = Table.create("device status", devices.stringColumn("device").copy(), profile,
                devices.stringColumn("account").copy(), devices.booleanColumn("online").copy(),
                devices.doubleColumn("online_share").copy(), devices.intColumn("held").copy(),
                devices.doubleColumn("completeness").copy());
        return t;
    }

    /** The headline metrics as text for people (shares in percent, times with their unit), or every metric's full value. */
    private static Table metrics(Simulation sim, boolean all) {
        if (all) {
            return sim.metrics().summary();
        }
        Map<String, Double> values = sim.metrics().summaryMap();
        return sim.metrics().summary(HEADLINE_METRICS.stream().filter(values::containsKey).toArray(String[]::new))
                .setName("headline metrics");
    }

    /** The heading: scenario, seed, time, devices and strategy. */
    public String heading() {
        return heading;
    }

    /** The pieces, in display order. */
    public List<Part> parts() {
        return parts;
    }

    /** The piece with this title (e.g. "Devices", "Metrics", "Peers"). */
    public Part part(String title) {
        return parts.stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part '" + title + "'; parts are "
                        + parts.stream().map(Part::title).toList()));
    }

    /** The devices' status table. */
    public Table devices() {
        return (Table) part("Devices").content();
    }

    @Override
    public String html() {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<div class=\"p2psim-dashboard\" style=\"font-family:sans-serif\">");
        html.append("<h2 style=\"margin:0.3em 0\">").append(HtmlEscape.escape(heading)).append("</h2>");
        for (Part p : parts) {
            html.append("<h3 style=\"margin:0.8em 0 0.2em\">").append(HtmlEscape.escape(p.title())).append("</h3>");
            Object c = p.content();
            if (c instanceof Table t) {
                html.append(HtmlTables.toHtml(t));
            } else if (c instanceof Chart<?, ?> chart) {
                html.append(img(ChartImages.pngBase64(chart), p.title()));
            } else if (c instanceof RenderedImage image) {
                html.append(img(ChartImages.pngBase64(image), p.title()));
            } else {
                html.append("<p><i>").append(HtmlEscape.escape(String.valueOf(c))).append("</i></p>");
            }
            if (!p.note().isEmpty()) {
                html.append("<div style=\"font-size:smaller;color:#555\">").append(HtmlEscape.escape(p.note())).append("</div>");
            }
        }
        html.append("</div>");
        return html.toString();
    }

    private static String img(String base64, String alt) {
        return "<img src=\"data:image/png;base64," + base64 + "\" alt=\"" + HtmlEscape.escape(alt) + "\" style=\"max-width:100%\"/>";
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(heading).append('\n');
        for (Part p : parts) {
            text.append("\n== ").append(p.title()).append(" ==\n");
            Object c = p.content();
            if (c instanceof Table t) {
                text.append(t.print(50)).append('\n');
            } else if (c instanceof Chart<?, ?> chart) {
                text.append(ChartImages.describe(chart)).append('\n');
            } else if (c instanceof RenderedImage image) {
                text.append("image ").append(image.getWidth()).append('x').append(image.getHeight()).append('\n');
            } else {
                text.append(c).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "Dashboard[" + heading + "]";
    }

}
