package org.p2psim.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Many devices as one group: at each time, the median over the group's devices, the band from the
 * 10th to the 90th percentile, and the slowest device, instead of one line per device (which, past
 * a handful of devices, is spaghetti). Used by the standard figures when a run has more than
 * {@link #MAX_LINES} devices.
 */
final class Bands {
    /** Up to this many devices a figure draws one line each; beyond, a band per group. */
    static final int MAX_LINES = 8;

    private Bands() {}

    /**
     * Adds the group's band, median and minimum to {@code chart}, from rows with a time column (in
     * seconds, drawn in {@code axis}'s unit) and a value column; a device's value is carried forward
     * between its samples. Returns the colour index used next.
     */
    static int add(XYChart chart, Table rows, String timeColumn, String valueColumn, String label, int colour,
            TimeAxis axis) {
        Map<String, Double> latest = new TreeMap<>();
        TreeMap<Double, double[]> byTime = new TreeMap<>();
        // in time order, rows at the same time in table order (Tablesaw's sort is not stable: an
        // uploader's 399 rows at t = 0 would otherwise end on any of its values)
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> rows.numberColumn(timeColumn).getDouble(i)));
        for (int i : order) {
            latest.put(rows.stringColumn("device").get(i), rows.numberColumn(valueColumn).getDouble(i));
            byTime.put(rows.numberColumn(timeColumn).getDouble(i), latest.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        int devices = latest.size();
        List<Double> t = new ArrayList<>();
        List<Double> p10 = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p90 = new ArrayList<>();
        List<Double> min = new ArrayList<>();
        for (Map.Entry<Double, double[]> e : byTime.entrySet()) {
            double[] v = Arrays.copyOf(e.getValue(), devices); // devices not yet seen count as 0
            Arrays.sort(v);
            t.add(axis.of(e.getKey()));
            min.add(v[0]);
            p10.add(quantile(v, 0.1));
            p50.add(quantile(v, 0.5));
            p90.add(quantile(v, 0.9));
        }
        if (t.isEmpty()) {
            return colour;
        }
        Color c = ChartStyle.PALETTE[colour % ChartStyle.PALETTE.length];
        // the band's edges are steps, like the lines: a value holds until the next sample
        List<Double> polyX = new ArrayList<>();
        List<Double> polyY = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (i > 0) {
                polyX.add(t.get(i));
                polyY.add(p90.get(i - 1));
            }
            polyX.add(t.get(i));
            polyY.add(p90.get(i));
        }
        for (int i = t.size() - 1; i >= 0; i--) {
            polyX.add(t.get(i));
            polyY.add(p10.get(i));
            if (i > 0) {
                polyX.add(t.get(i));
                polyY.add(p10.get(i - 1));
            }
        }
        XYSeries band = chart.addSeries(label + "10–90 % of " + devices + " devices", polyX, polyY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        XYSeries median = chart.addSeries(label + "median", t, p50);
        median.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        median.setLineColor(c);
        median.setMarker(SeriesMarkers.NONE);
        XYSeries slowest = chart.addSeries(label + "slowest device", t, min);
        slowest.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        slowest.setLineColor(c);
        slowest.setLineStyle(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 3f}, 0f));
        slowest.setMarker(SeriesMarkers.NONE);
        return colour + 1;
    }

    /** Linear interpolation between order statistics (type 7, as R and NumPy by default). */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
