package org.p2psim.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Figures of the Bloom studies ({@code org.p2psim.sync.bloom.BloomAnalysis}), one call each. */
public final class BloomPlots {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 420;

    private BloomPlots() {}

    /**
     * False-positive rate against ids held, log scale: the formula as a line and the measured rate
     * as markers, one colour per hash count, from {@code BloomAnalysis.measuredFpr}. Rates of 0 (no
     * positive among the tests) have no place on a log scale and are left out.
     */
    public static XYChart fprAgainstLoad(Table measured, String title) {
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("ids in the filter (n)").yAxisTitle("false-positive rate (log scale)").build());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(1e-5);
        chart.getStyler().setYAxisMax(1.0);
        java.awt.Color[] colors = chart.getStyler().getSeriesColors();
        int series = 0;
        for (int k : distinctInts(measured, "k")) {
            java.awt.Color color = colors[series++ % colors.length];
            Table rows = measured.where(measured.intColumn("k").isEqualTo(k));
            List<Double> n = new ArrayList<>();
            List<Double> analytic = new ArrayList<>();
            List<Double> mn = new ArrayList<>();
            List<Double> rate = new ArrayList<>();
            for (Row row : rows) {
                if (row.getDouble("analytic") >= 1e-5) {
                    n.add((double) row.getInt("n"));
                    analytic.add(row.getDouble("analytic"));
                }
                if (row.getDouble("measured") > 0) {
                    mn.add((double) row.getInt("n"));
                    rate.add(row.getDouble("measured"));
                }
            }
            if (!n.isEmpty()) {
                XYSeries line = chart.addSeries("k = " + k + " formula", n, analytic);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(color);
                if (!mn.isEmpty()) {
                    XYSeries points = chart.addSeries("k = " + k + " measured", mn, rate);
                    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    points.setMarker(SeriesMarkers.CIRCLE);
                    points.setMarkerColor(color);
                }
            }
        }
        return chart;
    }

    /**
     * A column of {@code BloomAnalysis.rounds} (e.g. {@code missing_mean}) against the round, one
     * line per mode; {@code log} puts the y axis on a log scale (zeros left out).
     */
    public static XYChart rounds(Table rounds, String column, String yTitle, boolean log, String title) {
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("round").yAxisTitle(yTitle + (log ? " (log scale)" : "")).build());
        chart.getStyler().setYAxisLogarithmic(log);
        for (String mode : distinctStrings(rounds, "mode")) {
            Table rows = rounds.where(rounds.stringColumn("mode").isEqualTo(mode));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Row row : rows) {
                double v = row.getDouble(column);
                if (!Double.isNaN(v) && (!log || v > 0)) {
                    x.add((double) row.getInt("round"));
                    y.add(v);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(mode, x, y);
            }
        }
        return chart;
    }

    /**
     * {@code BloomAnalysis.poisoning}: honest ids' false-positive rate against the chosen ids added,
     * one line per kind of id under the seed's fixed hashing, and dashed under a fresh salt.
     */
    public static XYChart poisoning(Table poisoning, String title) {
        XYChart chart = ChartStyle.apply(new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("chosen ids added to the peer's filter").yAxisTitle("false-positive rate of honest ids").build());
        java.awt.Color[] colors = chart.getStyler().getSeriesColors();
        int series = 0;
        for (String kind : distinctStrings(poisoning, "ids")) {
            java.awt.Color color = colors[series++ % colors.length];
            Table rows = poisoning.where(poisoning.stringColumn("ids").isEqualTo(kind));
            double[] x = rows.intColumn("chosen_ids").asDoubleArray();
            XYSeries fixed = chart.addSeries(kind + ", fixed hashing", x, rows.doubleColumn("fpr_honest").asDoubleArray());
            XYSeries salted = chart.addSeries(kind + ", fresh salt", x, rows.doubleColumn("fpr_honest_salted").asDoubleArray());
            fixed.setLineColor(color);
            fixed.setMarkerColor(color);
            salted.setLineStyle(SeriesLines.DASH_DASH);
            salted.setLineColor(color);
            salted.setMarkerColor(color);
        }
        return chart;
    }

    private static Set<Integer> distinctInts(Table t, String column) {
        return new LinkedHashSet<>(t.intColumn(column).asList());
    }

    private static Set<String> distinctStrings(Table t, String column) {
        return new LinkedHashSet<>(t.stringColumn(column).asList());
    }
}
