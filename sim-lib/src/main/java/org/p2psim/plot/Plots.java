package org.p2psim.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Standard figures of a run. */
public final class Plots {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 420;

    private Plots() {}

    /**
     * Completeness against simulated time, one step line per device, from a table with columns
     * {@code time_s}, {@code device}, {@code completeness} (as {@code Metrics.completeness()} gives).
     */
    public static XYChart convergence(Table completeness, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("simulated time (s)").yAxisTitle("completeness").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setMarkerSize(0);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        for (String device : devices(completeness)) {
            Table rows = completeness.where(completeness.stringColumn("device").isEqualTo(device));
            chart.addSeries(device, rows.doubleColumn("time_s").asDoubleArray(), rows.doubleColumn("completeness").asDoubleArray());
        }
        return chart;
    }

    /** Several runs' convergence curves on one chart: each table's devices, labelled with its name. */
    public static XYChart convergence(String title, Table... runs) {
        XYChart chart = convergence(Table.create("empty"), title);
        for (Table run : runs) {
            for (String device : devices(run)) {
                Table rows = run.where(run.stringColumn("device").isEqualTo(device));
                chart.addSeries(run.name() + ": " + device, rows.doubleColumn("time_s").asDoubleArray(),
                        rows.doubleColumn("completeness").asDoubleArray());
            }
        }
        return chart;
    }

    /**
     * Events each device still lacks (truth − held) against simulated time, on a log scale so that
     * the last few stand out; a device's line ends when it holds everything. One table per run, as
     * {@code Metrics.completeness()} gives, labelled with the table's name.
     */
    public static XYChart missingEvents(String title, Table... runs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("simulated time (s)").yAxisTitle("events missing (log scale)").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setMarkerSize(0);
        styler.setYAxisLogarithmic(true);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        for (Table run : runs) {
            for (String device : devices(run)) {
                Table rows = run.where(run.stringColumn("device").isEqualTo(device));
                List<Double> times = new ArrayList<>();
                List<Double> missing = new ArrayList<>();
                for (Row row : rows) {
                    int lacking = row.getInt("truth") - row.getInt("held");
                    if (lacking == 0) {
                        break;
                    }
                    times.add(row.getDouble("time_s"));
                    missing.add((double) lacking);
                }
                if (!times.isEmpty()) {
                    chart.addSeries(run.name() + ": " + device, times, missing);
                }
            }
        }
        return chart;
    }

    /** Bytes sent, delivered and dropped per packet type, from {@code Metrics.packets()}. */
    public static CategoryChart bytesByType(Table packets, String title) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("packet type").yAxisTitle("bytes").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> types = new ArrayList<>(packets.stringColumn("type").asList());
        for (String fate : List.of("sent", "delivered", "dropped")) {
            List<Number> bytes = new ArrayList<>();
            for (Row row : packets) {
                bytes.add(row.getLong(fate + "_bytes"));
            }
            chart.addSeries(fate, types, bytes);
        }
        return chart;
    }

    private static Set<String> devices(Table completeness) {
        Set<String> devices = new LinkedHashSet<>();
        if (completeness.columnNames().contains("device")) {
            devices.addAll(completeness.stringColumn("device").asList());
        }
        return devices;
    }
}
