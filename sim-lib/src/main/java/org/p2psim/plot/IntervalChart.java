package org.p2psim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2psim.table.Interval;
import org.p2psim.table.Readable;
import tech.tablesaw.api.Table;

/**
 * One metric of many runs as points with intervals: the values of a column along x (a loss, shown in
 * % when it is a fraction; a device count; or names, such as attacks, numbered 1, 2, … in the table's
 * order and listed in the axis title),
 * a series per value of another column (a strategy,
 * a number of devices), the series side by side around each x value; each point the mean over the runs,
 * its bar the 95 % percentile-bootstrap interval ({@link Interval}), which stays within the values that
 * occurred (no negative times). Runs without a value (NaN: did not converge) are left out. The y axis is
 * in the metric's unit (s, min or h for a time, % for a share) and turns logarithmic when the means span
 * more than a factor of 30, so that one large value does not flatten the rest; the x-axis title says
 * what the bars are.
 *
 * <pre>{@code
 * IntervalChart.of(runs, "loss", "devices", "convergence_s").title("Convergence time")
 *     .xAxis("packet loss").series(n -> n + " devices").chart()
 * }</pre>
 */
public final class IntervalChart {
    private static final double SPREAD = 0.25; // of the smallest gap between two x values
    private static final double LOG_SPAN = 30;

    private final Table runs;
    private final String x;
    private final String series;
    private final String metric;
    private String title;
    private String xTitle;
    private Function<String, String> seriesLabel = Function.identity();

    private IntervalChart(Table runs, String x, String series, String metric) {
        this.runs = runs;
        this.x = x;
        this.series = series;
        this.metric = metric;
        this.title = Readable.header(metric);
        this.xTitle = x;
    }

    /** The chart of {@code metric} over {@code runs} (one row per run), {@code x} along x (numbers, or names), a series per {@code series}. */
    public static IntervalChart of(Table runs, String x, String series, String metric) {
        for (String c : List.of(x, series, metric)) {
            if (!runs.columnNames().contains(c)) {
                throw new IllegalArgumentException("no column '" + c + "' in " + runs.name() + "; columns: " + runs.columnNames());
            }
        }
        return new IntervalChart(runs, x, series, metric);
    }

    /** The chart's title. */
    public IntervalChart title(String text) {
        this.title = text;
        return this;
    }

    /** The x axis's title ("packet loss"); a fraction's ticks read as percentages. */
    public IntervalChart xAxis(String axisTitle) {
        this.xTitle = axisTitle;
        return this;
    }

    /** How a series' value reads in the legend ("10" → "10 devices"). */
    public IntervalChart series(Function<String, String> label) {
        this.seriesLabel = label;
        return this;
    }

    /** The chart. */
    public XYChart chart() {
        List<String> xs = distinct(runs, x);
        List<String> seriesValues = distinct(runs, series);
        List<List<Interval>> bySeries = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (String s : seriesValues) {
            List<Interval> row = new ArrayList<>();
            for (String c : xs) {
                Table group = runs.where(runs.column(x).asStringColumn().isEqualTo(c)
                        .and(runs.column(series).asStringColumn().isEqualTo(s)));
                Interval in = Interval.of(group.numberColumn(metric).asDoubleArray());
                row.add(in);
                if (in.mean() > 0) {
                    min = Math.min(min, in.mean());
                    max = Math.max(max, in.mean());
                }
            }
            bySeries.add(row);
        }
        boolean log = max > 0 && max / min > LOG_SPAN;
        // the y axis in the metric's unit: seconds, minutes or hours for a time; percent for a share
        TimeAxis time = metric.endsWith("_s") ? TimeAxis.forSpan(max) : null;
        boolean share = Readable.isFraction(metric);
        double scale = time != null ? time.of(1.0) : 1;
        String yTitle = time != null ? time.title(Readable.header(metric).replace(" (s)", "")) : Readable.header(metric);
        boolean named = !xs.stream().allMatch(IntervalChart::isNumber);
        boolean xShare = !named && Readable.isFraction(x);
        double[] at = named ? IntStream.rangeClosed(1, xs.size()).asDoubleStream().toArray()
                : xs.stream().mapToDouble(Double::parseDouble).toArray();
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < at.length; i++) {
            gap = Math.min(gap, at[i] - at[i - 1]);
        }
        gap = Double.isInfinite(gap) ? 1 : gap;
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(named ? 1100 : 720).height(420).title(title)
                .xAxisTitle(xTitle + (named ? ": " + key(xs) : "") + "   (points: mean of the runs; bars: 95 % bootstrap interval"
                        + (log ? "; log scale)" : ")"))
                .yAxisTitle(yTitle).build());
        chart.getStyler().setYAxisLogarithmic(log);
        // a log axis over less than three decades labels only one or two ticks unless it labels 2, 3, … 9 too
        chart.getStyler().setYAxisLogarithmicDecadeOnly(!(log && max / min < 1000));
        if (share && !log) {
            ChartStyle.percentY(chart);
        } else if (!log) {
            chart.getStyler().setYAxisMin(0.0);
        }
        if (xShare) {
            ChartStyle.percentX(chart);
        }
        chart.getStyler().setXAxisMin(at[0] - gap * 0.15);
        chart.getStyler().setXAxisMax(at[at.length - 1] + gap * 0.15);
        chart.getStyler().setMarkerSize(9);
        if (named) {
            chart.getStyler().setXAxisMin(0.5);
            chart.getStyler().setXAxisMax(xs.size() + 0.5);
            chart.getStyler().setXAxisTickMarkSpacingHint(120); // a tick per name, none between
        }
        int k = seriesValues.size();
        for (int si = 0; si < k; si++) {
            Color colour = ChartStyle.PALETTE[si % ChartStyle.PALETTE.length];
            double offset = k == 1 ? 0 : (si / (double) (k - 1) - 0.5) * SPREAD * gap;
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int ci = 0; ci < xs.size(); ci++) {
                Interval in = bySeries.get(si).get(ci);
                if (Double.isNaN(in.mean()) || log && in.mean() <= 0) {
                    continue;
                }
                px.add(at[ci] + offset);
                py.add(in.mean() * scale);
                if (!Double.isNaN(in.low()) && (!log || in.low() > 0)) {
                    XYSeries bar = chart.addSeries(seriesValues.get(si) + "/" + xs.get(ci),
                            new double[] {at[ci] + offset, at[ci] + offset}, new double[] {in.low() * scale, in.high() * scale});
                    bar.setShowInLegend(false);
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setLineColor(colour);
                    bar.setLineStyle(new BasicStroke(2.5f));
                }
            }
            if (!px.isEmpty()) {
                XYSeries points = chart.addSeries(seriesLabel.apply(seriesValues.get(si)), px, py);
                points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                points.setMarker(SeriesMarkers.CIRCLE);
                points.setMarkerColor(colour);
            }
        }
        return chart;
    }

    /** "1 none, 2 flooder, …": XChart 3.8 drops tick labels that do not all fit, so names are numbered along x. */
    private static String key(List<String> names) {
        return IntStream.range(0, names.size()).mapToObj(i -> (i + 1) + " " + names.get(i)).collect(Collectors.joining(", "));
    }

    private static List<String> distinct(Table runs, String column) {
        List<String> values = new ArrayList<>(new LinkedHashSet<>(runs.column(column).asStringColumn().asList()));
        if (values.stream().allMatch(IntervalChart::isNumber)) {
            values.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        return values; // names (strategies) keep the order of the table
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
