package org.p2psim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2psim.table.Readable;

/**
 * The one look of every standard figure, made for publication: white background, light grid, no
 * boxes, a colour-blind-safe palette (Okabe–Ito), the legend outside the data, and tick steps that
 * are round in the axis's own unit. {@link #apply} is called by every figure of this package; a
 * notebook's own XChart chart gets the same look with {@code ChartStyle.apply(chart)}.
 */
public final class ChartStyle {
    /** Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in grey. */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(213, 94, 0),
        new Color(86, 180, 233), new Color(204, 121, 167), new Color(240, 228, 66), new Color(0, 0, 0)};
    static final Color GRID = new Color(225, 225, 225);
    static final Color TEXT = new Color(40, 40, 40);

    private ChartStyle() {}

    /** The lab's style on any XChart chart; returns the chart. */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setChartFontColor(TEXT);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setPlotBorderVisible(false);
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        if (s instanceof AxesChartStyler a) {
            a.setPlotGridLinesColor(GRID);
            a.setPlotGridLinesStroke(new BasicStroke(1f));
            a.setAxisTickLabelsColor(TEXT);
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setAxisTicksLineVisible(false);
            a.setPlotTicksMarksVisible(false);
            a.setAxisTickMarksColor(GRID);
        }
        if (s.getLegendPosition() != Styler.LegendPosition.OutsideS) {
            s.setLegendPosition(Styler.LegendPosition.OutsideE);
        }
        return chart;
    }

    /**
     * The y axis of a share (completeness, a CDF): the data stay fractions in [0, 1], the axis runs
     * from 0 to 1 and its ticks read as percentages ("20 %"), formatted as the tables format them
     * ({@link Readable#percent}). Returns the chart.
     */
    public static XYChart percentY(XYChart chart) {
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Readable::percent);
        return chart;
    }

    /** The x axis of a share (packet loss): fractions in the data, ticks as percentages ({@link Readable#percent}). */
    public static XYChart percentX(XYChart chart) {
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Readable::percent);
        return chart;
    }

    /** The legend below the plot in one row, for charts whose series names are long or many. */
    public static <C extends Chart<?, ?>> C legendBelow(C chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        return chart;
    }

    /**
     * Round ticks on both axes. XChart labels an axis with the data's own values when they are
     * equally spaced (samples every 108 s, fractions k/n), which gives ticks at 108, 216, 324 s or
     * 0.916666666666667. One invisible point off that grid, inside the data's range, restores the
     * usual round steps. Call it after the last series is added.
     */
    public static XYChart roundTicks(XYChart chart) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            xMin = Math.min(xMin, series.getXMin());
            xMax = Math.max(xMax, series.getXMax());
            yMin = Math.min(yMin, series.getYMin());
            yMax = Math.max(yMax, series.getYMax());
        }
        if (!Double.isFinite(xMin) || !Double.isFinite(yMin)) {
            return chart;
        }
        double x = xMin + (xMax - xMin) * 0.4995;
        double y = yMin + (yMax - yMin) * 0.4995;
        if (chart.getStyler().isXAxisLogarithmic() && x <= 0 || chart.getStyler().isYAxisLogarithmic() && y <= 0) {
            return chart;
        }
        XYSeries hidden = chart.addSeries(" ", new double[] {x}, new double[] {y});
        hidden.setShowInLegend(false);
        hidden.setLineColor(new Color(0, 0, 0, 0));
        hidden.setMarkerColor(new Color(0, 0, 0, 0));
        hidden.setMarker(SeriesMarkers.NONE);
        return chart;
    }
}
