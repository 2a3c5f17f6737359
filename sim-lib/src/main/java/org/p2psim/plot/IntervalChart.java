package org.p2psim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2psim.table.Interval;
import org.p2psim.table.Readable;
import tech.tablesaw.api.Table;

/**
 * One metric of many runs as points with intervals: a category per value of one column along x (a
 * strategy, a loss), a series per value of another side by side (both in numeric order when they
 * are numbers); each point the mean over the runs, its bar the 95 % percentile-bootstrap interval
 * ({@link Interval}), which stays within the values that occurred (no negative times). Runs without a
 * value (NaN: did not converge) are left out. The y axis turns logarithmic when the means span more
 * than a factor of 30, so that one large value does not flatten the rest; the x-axis title says
 * what the bars are.
 *
 * <pre>{@code
 * IntervalChart.of(runs, "loss", "devices", "convergence_s").title("Convergence time")
 *     .categories(IntervalChart::percent).series(n -> n + " devices").chart()
 * }</pre>
 */
public final class IntervalChart {
    private static final double SPREAD = 0.5; // of the distance between two categories
    private static final double LOG_SPAN = 30;

    private final Table runs;
    private final String category;
    private final String series;
    private final String metric;
    private String title;
    private String categoryTitle;
    private Function<String, String> categoryLabel = Function.identity();
    private Function<String, String> seriesLabel = Function.identity();

    private IntervalChart(Table runs, String category, String series, String metric) {
        this.runs = runs;
        this.category = category;
        this.series = series;
        this.metric = metric;
        this.title = Readable.header(metric);
        this.categoryTitle = category;
    }

    /** The chart of {@code metric} over {@code runs} (one row per run), {@code category} along x, a series per {@code series}. */
    public static IntervalChart of(Table runs, String category, String series, String metric) {
        for (String c : List.of(category, series, metric)) {
            if (!runs.columnNames().contains(c)) {
                throw new IllegalArgumentException("no column '" + c + "' in " + runs.name() + "; columns: " + runs.columnNames());
            }
        }
        return new IntervalChart(runs, category, series, metric);
    }

    /** The chart's title. */
    public IntervalChart title(String text) {
        this.title = text;
        return this;
    }

    /** How a category's value reads on the x axis, and the axis's title ("packet loss"). */
    public IntervalChart categories(String axisTitle, Function<String, String> label) {
        this.categoryTitle = axisTitle;
        this.categoryLabel = label;
        return this;
    }

    /** How a series' value reads in the legend ("10" → "10 devices"). */
    public IntervalChart series(Function<String, String> label) {
        this.seriesLabel = label;
        return this;
    }

    /** A fraction as a percentage: "0.25" → "25 %". */
    public static String percent(String fraction) {
        return Readable.percent(Double.parseDouble(fraction));
    }

    /** The chart. */
    public XYChart chart() {
        List<String> categories = distinct(category);
        List<String> seriesValues = distinct(series);
        List<List<Interval>> bySeries = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (String s : seriesValues) {
            List<Interval> row = new ArrayList<>();
            for (String c : categories) {
                Table group = runs.where(runs.column(category).asStringColumn().isEqualTo(c)
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
        double scale = time != null ? time.of(1.0) : share ? 100 : 1;
        String yTitle = time != null ? time.title(Readable.header(metric).replace(" (s)", ""))
                : Readable.header(metric) + (share ? " (%)" : "");
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(Math.max(560, 200 + 120 * categories.size())).height(420)
                .title(title).xAxisTitle(categoryTitle + "   (points: mean of the runs; bars: 95 % bootstrap interval"
                        + (log ? "; log scale)" : ")"))
                .yAxisTitle(yTitle).build());
        chart.getStyler().setYAxisLogarithmic(log);
        if (!log) {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(categories.size() - 0.5);
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long i = Math.round(x);
            return Math.abs(x - i) < 1e-6 && i >= 0 && i < categories.size() ? categoryLabel.apply(categories.get((int) i)) : "";
        });
        chart.getStyler().setMarkerSize(9);
        int k = seriesValues.size();
        for (int si = 0; si < k; si++) {
            Color colour = ChartStyle.PALETTE[si % ChartStyle.PALETTE.length];
            double offset = k == 1 ? 0 : (si / (double) (k - 1) - 0.5) * SPREAD;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int ci = 0; ci < categories.size(); ci++) {
                Interval in = bySeries.get(si).get(ci);
                if (Double.isNaN(in.mean()) || log && in.mean() <= 0) {
                    continue;
                }
                xs.add(ci + offset);
                ys.add(in.mean() * scale);
                if (!Double.isNaN(in.low()) && (!log || in.low() > 0)) {
                    XYSeries bar = chart.addSeries(seriesValues.get(si) + "/" + categories.get(ci),
                            new double[] {ci + offset, ci + offset}, new double[] {in.low() * scale, in.high() * scale});
                    bar.setShowInLegend(false);
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setLineColor(colour);
                    bar.setLineStyle(new BasicStroke(2.5f));
                }
            }
            if (!xs.isEmpty()) {
                XYSeries points = chart.addSeries(seriesLabel.apply(seriesValues.get(si)), xs, ys);
                points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                points.setMarker(SeriesMarkers.CIRCLE);
                points.setMarkerColor(colour);
            }
        }
        return chart;
    }

    private List<String> distinct(String column) {
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
