package org.p2psim.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Standard figures of a run, one call each, from the tables of {@code Metrics}: completeness over
 * time, events still missing, bytes by packet type, latency CDFs, the device × device sync-time
 * heat map and write rates against the mobile ceiling; and for a shared file, each device's
 * progress over time and the distribution of completion times.
 */
public final class Plots {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 420;

    private Plots() {}

    /**
     * Completeness against simulated time, one step line per device, from a table with columns
     * {@code time_s}, {@code device}, {@code completeness} (as {@code Metrics.completeness()} gives).
     */
    public static XYChart convergence(Table completeness, String title) {
        TimeAxis axis = TimeAxis.forSpan(maxTime(completeness));
        XYChart chart = fractionOverTime(title, axis.title("simulated time"), "completeness");
        addCompleteness(chart, completeness, "", axis, 0);
        return ChartStyle.roundTicks(chart);
    }

    /** Several runs' convergence curves on one chart: each table's devices, labelled with its name. */
    public static XYChart convergence(String title, Table... runs) {
        double max = 0;
        for (Table run : runs) {
            max = Math.max(max, maxTime(run));
        }
        TimeAxis axis = TimeAxis.forSpan(max);
        XYChart chart = fractionOverTime(title, axis.title("simulated time"), "completeness");
        int colour = 0;
        for (Table run : runs) {
            colour = addCompleteness(chart, run, run.name() + ": ", axis, colour);
        }
        return ChartStyle.roundTicks(chart);
    }

    /** One line per device, or past {@link Bands#MAX_LINES} devices the group's median and band. */
    private static int addCompleteness(XYChart chart, Table completeness, String labelPrefix, TimeAxis axis, int colour) {
        Set<String> devices = devices(completeness);
        if (devices.size() > Bands.MAX_LINES) {
            return Bands.add(chart, completeness, "time_s", "completeness", labelPrefix, colour, axis);
        }
        for (String device : devices) {
            Table rows = completeness.where(completeness.stringColumn("device").isEqualTo(device));
            chart.addSeries(labelPrefix + device, axis.of(rows.doubleColumn("time_s").asDoubleArray()),
                    rows.doubleColumn("completeness").asDoubleArray());
        }
        return colour + devices.size();
    }

    private static double maxTime(Table t) {
        String column = t.columnNames().contains("time_s") ? "time_s" : null;
        return column == null || t.rowCount() == 0 ? 0 : t.numberColumn(column).max();
    }

    /** A step chart of a fraction in [0, 1] against time, its axis in percent ({@link ChartStyle#percentY}). */
    private static XYChart fractionOverTime(String title, String xAxis, String yAxis) {
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build());
        XYStyler styler = chart.getStyler();
        styler.setMarkerSize(0);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        return ChartStyle.percentY(chart);
    }

    /**
     * Events each device still lacks (truth − held) against simulated time, on a log scale so that
     * the last few stand out; a device's line ends when it holds everything. One table per run, as
     * {@code Metrics.completeness()} gives, labelled with the table's name.
     */
    public static XYChart missingEvents(String title, Table... runs) {
        double max = 0;
        for (Table run : runs) {
            max = Math.max(max, maxTime(run));
        }
        TimeAxis axis = TimeAxis.forSpan(max);
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(axis.title("simulated time")).yAxisTitle("events missing (log scale)").build());
        XYStyler styler = chart.getStyler();
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
                    times.add(axis.of(row.getDouble("time_s")));
                    missing.add((double) lacking);
                }
                if (!times.isEmpty()) {
                    chart.addSeries(run.name() + ": " + device, times, missing);
                }
            }
        }
        return chart;
    }

    /**
     * Fraction of a file's chunks each device holds against simulated time, one step line per
     * device, from {@code Simulation.fileProgress(fileId)} (columns {@code device}, {@code time_s},
     * {@code fraction}). A line starts at 0 at time 0 and ends at the device's last chunk.
     */
    public static XYChart fileProgress(Table progress, String title) {
        TimeAxis axis = TimeAxis.forSpan(progress.rowCount() == 0 ? 0 : progress.numberColumn("time_s").max());
        XYChart chart = fractionOverTime(title, axis.title("simulated time"), "share of the file's chunks held");
        if (devices(progress).size() > Bands.MAX_LINES) {
            Bands.add(chart, progress, "time_s", "fraction", "", 0, axis);
            return ChartStyle.roundTicks(chart);
        }
        for (String device : devices(progress)) {
            Table rows = progress.where(progress.stringColumn("device").isEqualTo(device));
            List<Double> times = new ArrayList<>(List.of(0.0));
            List<Double> fractions = new ArrayList<>(List.of(0.0));
            for (Row row : rows) {
                times.add(axis.of(row.getDouble("time_s")));
                fractions.add(row.getDouble("fraction"));
            }
            chart.addSeries(device, times, fractions);
        }
        return ChartStyle.roundTicks(chart);
    }

    /**
     * The distribution of the time at which devices completed a file: one CDF line per table, each
     * from {@code Simulation.fileCompletion(fileId)} (column {@code completed_s}; devices that never
     * completed keep the line below 1) and labelled with the table's name. Zeros (the uploader) are
     * left out.
     */
    public static XYChart completionCdf(String title, Table... completions) {
        double max = 0;
        for (Table t : completions) {
            for (Row row : t) {
                max = Double.isNaN(row.getDouble("completed_s")) ? max : Math.max(max, row.getDouble("completed_s"));
            }
        }
        TimeAxis axis = TimeAxis.forSpan(max);
        XYChart chart = fractionOverTime(title, axis.title("completed at, simulated time"), "receiving devices that completed");
        for (Table t : completions) {
            List<Double> done = new ArrayList<>();
            int receivers = 0;
            for (Row row : t) {
                double v = row.getDouble("completed_s");
                if (v == 0.0) {
                    continue; // the uploader
                }
                receivers++;
                if (!Double.isNaN(v)) {
                    done.add(v);
                }
            }
            Collections.sort(done);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            xs.add(0.0);
            ys.add(0.0);
            for (int i = 0; i < done.size(); i++) {
                xs.add(axis.of(done.get(i)));
                ys.add((i + 1) / (double) Math.max(1, receivers));
            }
            chart.addSeries(t.name(), xs, ys);
        }
        return ChartStyle.roundTicks(chart);
    }

    /** Bytes sent, delivered and dropped per packet type, from {@code Metrics.packets()}. */
    public static CategoryChart bytesByType(Table packets, String title) {
        long most = 0;
        for (Row row : packets) {
            most = Math.max(most, row.getLong("sent_bytes"));
        }
        ByteUnit unit = ByteUnit.forSpan(most);
        CategoryChart chart = ChartStyle.apply(new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("packet type").yAxisTitle("bytes (" + unit.symbol() + ")").build());
        List<String> types = new ArrayList<>(packets.stringColumn("type").asList());
        for (String fate : List.of("sent", "delivered", "dropped")) {
            List<Number> bytes = new ArrayList<>();
            for (Row row : packets) {
                bytes.add(unit.of(row.getLong(fate + "_bytes")));
            }
            chart.addSeries(fate, types, bytes);
        }
        return chart;
    }

    /**
     * Latency CDFs on a linear time axis, from {@code Metrics.latencyCdf()} (one line per value of its
     * {@code latency} column: delivery, sync) or from one CDF table with columns {@code value_s},
     * {@code fraction} (one line named after the table).
     */
    public static XYChart latencyCdf(Table cdf, String title) {
        return latencyCdf(title, false, cdf);
    }

    /** As {@link #latencyCdf(Table, String)}, with a logarithmic time axis when {@code logX}. */
    public static XYChart latencyCdf(Table cdf, String title, boolean logX) {
        return latencyCdf(title, logX, cdf);
    }

    /**
     * Several CDF tables on one chart (e.g. one per run, each named with {@code setName}); lines of
     * a table with a {@code latency} column are labelled "table: latency". On a log axis, values of
     * 0 s cannot be drawn and are left out. Each line steps up from 0 at its smallest value.
     */
    public static XYChart latencyCdf(String title, boolean logX, Table... cdfs) {
        double max = 0;
        for (Table cdf : cdfs) {
            max = cdf.rowCount() == 0 ? max : Math.max(max, cdf.numberColumn("value_s").max());
        }
        TimeAxis axis = logX ? TimeAxis.SECONDS : TimeAxis.forSpan(max);
        XYChart chart = fractionOverTime(title, logX ? "latency (s, log scale)" : axis.title("latency"), "share ≤ latency");
        chart.getStyler().setXAxisLogarithmic(logX);
        for (Table cdf : cdfs) {
            boolean kinds = cdf.columnNames().contains("latency");
            Set<String> names = new LinkedHashSet<>();
            if (kinds) {
                names.addAll(cdf.stringColumn("latency").asList());
            } else {
                names.add(cdf.name());
            }
            for (String name : names) {
                Table rows = kinds ? cdf.where(cdf.stringColumn("latency").isEqualTo(name)) : cdf;
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (Row row : rows) {
                    double value = row.getDouble("value_s");
                    if (logX && value <= 0) {
                        continue;
                    }
                    if (x.isEmpty()) {
                        x.add(axis.of(value));
                        y.add(0.0);
                    }
                    x.add(axis.of(value));
                    y.add(row.getDouble("fraction"));
                }
                if (!x.isEmpty()) {
                    String label = kinds && cdfs.length > 1 ? cdf.name() + ": " + name : name;
                    chart.addSeries(label, x, y);
                }
            }
        }
        return ChartStyle.roundTicks(chart);
    }

    /** Device × device heat map of the median sync time, from {@code Metrics.syncMatrix()}. */
    public static HeatMapChart syncTimeHeatmap(Table matrix, String title) {
        return syncTimeHeatmap(matrix, title, "median_s");
    }

    /**
     * Device × device heat map of {@code column} ({@code median_s} or {@code p90_s}) of
     * {@code Metrics.syncMatrix()}: rows are the authors (from, first device at the top), columns
     * the devices that stored the events (to); pairs with nothing delivered stay blank. Cells show
     * their value in seconds when there are at most 12 devices.
     */
    public static HeatMapChart syncTimeHeatmap(Table matrix, String title, String column) {
        if (!matrix.columnNames().contains(column)) {
            throw new IllegalArgumentException("the matrix has no column '" + column + "'; its columns are "
                    + matrix.columnNames() + " (use Metrics.syncMatrix())");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Row row : matrix) {
            seen.add(row.getString("from"));
            seen.add(row.getString("to"));
        }
        names.addAll(seen);
        if (names.isEmpty()) {
            names.add("(no devices)");
        }
        List<String> top = new ArrayList<>(names);
        Collections.reverse(top);
        List<Number[]> cells = new ArrayList<>();
        for (Row row : matrix) {
            double value = row.getDouble(column);
            if (!Double.isNaN(value)) {
                int x = names.indexOf(row.getString("to"));
                int y = names.size() - 1 - names.indexOf(row.getString("from"));
                cells.add(new Number[] {x, y, value});
            }
        }
        if (cells.isEmpty()) {
            // XChart refuses a heat map without data; a cell outside the grid is accepted and not drawn
            cells.add(new Number[] {names.size(), names.size(), 0.0});
        }
        String what = column.equals("p90_s") ? "p90" : column.equals("median_s") ? "median" : column;
        int side = Math.min(WIDTH, 260 + 45 * names.size());
        HeatMapChart chart = ChartStyle.apply(new HeatMapChartBuilder().width(side + 140).height(side).title(title)
                .xAxisTitle("stored by (to)").yAxisTitle("authored by (from)").build());
        HeatMapStyler styler = chart.getStyler();
        styler.setPlotContentSize(1.0);
        styler.setShowValue(names.size() <= 12);
        styler.setHeatMapValueDecimalPattern("0.##");
        // XChart writes the colour scale's ends with every digit (18.891638): whole seconds around the data instead
        styler.setMin(Math.floor(cells.stream().mapToDouble(c -> c[2].doubleValue()).min().orElse(0)));
        styler.setMax(Math.ceil(cells.stream().mapToDouble(c -> c[2].doubleValue()).max().orElse(1)));
        styler.setXAxisLabelRotation(names.size() > 12 ? 90 : 0);
        chart.addSeries(what + " sync time (s)", names, top, cells);
        return chart;
    }

    /** Peak inserts per second of each device (sliding and aligned 1 s windows) against the ceiling, from {@code Metrics.writeRates()}. */
    public static CategoryChart writeRates(Table writeRates, String title) {
        CategoryChart chart = ChartStyle.legendBelow(ChartStyle.apply(new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("device").yAxisTitle("inserts per second").build()));
        List<String> devices = new ArrayList<>(writeRates.stringColumn("device").asList());
        if (devices.isEmpty()) {
            devices.add("(no devices)");
        }
        chart.addSeries("peak, any 1 s", devices, numbers(writeRates, "peak_per_s", devices.size()));
        chart.addSeries("peak, aligned 1 s", devices, numbers(writeRates, "peak_aligned_per_s", devices.size()));
        chart.addSeries("ceiling", devices, numbers(writeRates, "ceiling_per_s", devices.size()))
                .setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setXAxisLabelRotation(devices.size() > 12 ? 90 : 0);
        return chart;
    }

    /**
     * Who knows whom now: devices on a circle coloured by what they hold (green everything, amber
     * partial, grey offline), a line per peer-table entry coloured by whether its ends hold the same
     * events. See {@link TopologyPicture} for the details and options.
     */
    public static java.awt.image.BufferedImage topology(org.p2psim.Simulation sim) {
        return TopologyPicture.of(sim).render();
    }

    /** As {@link #topology(org.p2psim.Simulation)}, each device labelled with its profile in {@code scenario}. */
    public static java.awt.image.BufferedImage topology(org.p2psim.Simulation sim, org.p2psim.scenario.Scenario scenario) {
        return TopologyPicture.of(sim).profiles(scenario.profilesOfDevices()).render();
    }

    /**
     * Empirical CDFs of one numeric column, a line per value of {@code groupColumn} (in order of
     * first appearance), e.g. delivery latencies grouped by device class. Values ≤ 0 are left out on
     * a log axis. The legend gives each group's count and median.
     */
    public static XYChart cdfByGroup(Table table, String valueColumn, String groupColumn, String title, boolean logX) {
        for (String c : List.of(valueColumn, groupColumn)) {
            if (!table.columnNames().contains(c)) {
                throw new IllegalArgumentException("the table has no column '" + c + "'; its columns are " + table.columnNames());
            }
        }
        String axis = org.p2psim.table.Readable.header(valueColumn); // latency_s → "latency (s)"
        if (logX) {
            axis = axis.endsWith(")") ? axis.substring(0, axis.length() - 1) + ", log scale)" : axis + " (log scale)";
        }
        XYChart chart = fractionOverTime(title, axis, "share ≤ value");
        chart.getStyler().setXAxisLogarithmic(logX);
        Set<String> groups = new LinkedHashSet<>(table.column(groupColumn).asStringColumn().asList());
        for (String group : groups) {
            Table rows = table.where(table.column(groupColumn).asStringColumn().isEqualTo(group));
            double[] values = rows.numberColumn(valueColumn).asDoubleArray();
            java.util.Arrays.sort(values);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int n = values.length;
            for (int i = 0; i < n; i++) {
                if (logX && values[i] <= 0) {
                    continue;
                }
                if (i + 1 < n && values[i + 1] == values[i]) {
                    continue; // one point per distinct value
                }
                if (x.isEmpty()) {
                    x.add(values[i]);
                    y.add(0.0);
                }
                x.add(values[i]);
                y.add((i + 1) / (double) n);
            }
            if (!x.isEmpty()) {
                double median = values[(n - 1) / 2];
                chart.addSeries(String.format(java.util.Locale.ROOT, "%s (n = %s, median %s)", group,
                        org.p2psim.table.Readable.number((long) n), org.p2psim.table.Readable.number(median)), x, y);
            }
        }
        return ChartStyle.roundTicks(chart);
    }

    private static List<Number> numbers(Table table, String column, int size) {
        List<Number> values = new ArrayList<>();
        for (Row row : table) {
            values.add(row.getInt(column));
        }
        while (values.size() < size) {
            values.add(0);
        }
        return values;
    }

    private static Set<String> devices(Table completeness) {
        Set<String> devices = new LinkedHashSet<>();
        if (completeness.columnNames().contains("device")) {
            devices.addAll(completeness.stringColumn("device").asList());
        }
        return devices;
    }
}
