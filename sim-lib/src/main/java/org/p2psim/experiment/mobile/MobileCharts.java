package org.p2psim.experiment.mobile;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2psim.plot.ChartStyle;
import org.p2psim.plot.TimeAxis;
import tech.tablesaw.api.Table;

/** The figures of a {@link MobileStudy}. */
public final class MobileCharts {
    private MobileCharts() {}

    /**
     * The run of seed 1 for the first device of each class that has more than one window: when it
     * was online (the raised line), when it switched networks (triangles above its line) and when
     * it stored an event from someone else (dots on its line).
     */
    public static XYChart day(MobileStudy study) {
        double end = study.scenario().duration().toMillis() / 1000.0;
        TimeAxis axis = TimeAxis.forSpan(end);
        XYChart chart = ChartStyle.legendBelow(ChartStyle.apply(new XYChartBuilder().width(900).height(360)
                .title("Seed 1: online windows, switches (▼) and deliveries (●)").xAxisTitle(axis.title("simulated time")).yAxisTitle("").build()));
        XYStyler styler = chart.getStyler();
        styler.setYAxisTicksVisible(false);
        styler.setPlotGridHorizontalLinesVisible(false);
        styler.setMarkerSize(6);
        Presence presence = study.firstPresence();
        Table deliveries = study.deliveries();
        Table firstRun = deliveries.where(deliveries.intColumn("seed").isEqualTo(1));
        int k = 0;
        for (String device : shownDevices(study)) {
            Color colour = ChartStyle.PALETTE[k % ChartStyle.PALETTE.length];
            double base = 2 * k++;
            XYSeries line = chart.addSeries(device + " (" + study.classOf().get(device) + ") online",
                    windowLine(presence.windows(device), base, end, axis), windowLevels(presence.windows(device), base));
            line.setMarker(SeriesMarkers.NONE);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(colour);
            marks(chart, device + " switches", axis.of(presence.switches(device)), base + 1.35, SeriesMarkers.TRIANGLE_DOWN, colour);
            Table got = firstRun.where(firstRun.stringColumn("device").isEqualTo(device));
            marks(chart, device + " deliveries", axis.of(got.doubleColumn("stored_s").asDoubleArray()), base + 0.5, SeriesMarkers.CIRCLE, colour);
        }
        return chart;
    }

    /** Each device with switches in each run: its switches against the packets dropped at its stale address. */
    public static XYChart switchesAgainstStaleDrops(MobileStudy study) {
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(800).height(400)
                .title("Each phone in each run: network switches against stale-address drops")
                .xAxisTitle("network switches").yAxisTitle("packets dropped at a stale address").build());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        Table devices = study.devices();
        List<String> classes = study.classes();
        for (String c : classes) {
            Table devs = devices.where(devices.stringColumn("class").isEqualTo(c));
            if (devs.intColumn("switches").max() == 0 && devs.intColumn("stale_drops").max() == 0) {
                continue; // always online, never switched
            }
            double[] x = devs.intColumn("switches").asDoubleArray();
            for (int i = 0; i < x.length; i++) {
                x[i] += (classes.indexOf(c) - classes.size() / 2.0) * 0.08; // a little apart where they coincide
            }
            chart.addSeries(c, x, devs.intColumn("stale_drops").asDoubleArray());
        }
        return chart;
    }

    /** The first device of each class that went offline at least once, in class order. */
    static List<String> shownDevices(MobileStudy study) {
        List<String> shown = new ArrayList<>();
        for (String c : study.classes()) {
            for (Map.Entry<String, String> e : study.classOf().entrySet()) {
                if (e.getValue().equals(c)) {
                    if (study.firstPresence().windows(e.getKey()).windows().size() > 1) {
                        shown.add(e.getKey());
                    }
                    break;
                }
            }
        }
        return shown;
    }

    /** x of a line at {@code base} that rises to base + 1 for each window. */
    private static List<Double> windowLine(OnlineWindows windows, double base, double end, TimeAxis axis) {
        List<Double> xs = new ArrayList<>(List.of(0.0));
        for (OnlineWindows.Window w : windows.windows()) {
            xs.addAll(List.of(axis.of(w.startS()), axis.of(w.startS()), axis.of(w.endS()), axis.of(w.endS())));
        }
        xs.add(axis.of(end));
        return xs;
    }

    private static List<Double> windowLevels(OnlineWindows windows, double base) {
        List<Double> ys = new ArrayList<>(List.of(base));
        for (int i = 0; i < windows.windows().size(); i++) {
            ys.addAll(List.of(base, base + 1, base + 1, base));
        }
        ys.add(base);
        return ys;
    }

    private static void marks(XYChart chart, String name, double[] xs, double y, org.knowm.xchart.style.markers.Marker marker, Color colour) {
        if (xs.length == 0) {
            return;
        }
        double[] ys = new double[xs.length];
        java.util.Arrays.fill(ys, y);
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
        s.setShowInLegend(false);
    }
}
