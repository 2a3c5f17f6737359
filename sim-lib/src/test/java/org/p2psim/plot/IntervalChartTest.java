package org.p2psim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Points with bootstrap intervals: series in numeric order, bars inside the observed values, log scale when one dominates. */
class IntervalChartTest {
    private static Table runs(String[] strategy, double[] loss, double[] value) {
        return Table.create("runs", StringColumn.create("strategy", strategy), DoubleColumn.create("loss", loss),
                DoubleColumn.create("bytes", value));
    }

    @Test
    void lossInPercentAndBarsWithinTheValues() {
        Table t = runs(new String[] {"seed", "seed", "seed", "seed", "seed", "seed"}, new double[] {0.2, 0.2, 0.05, 0.05, 0, 0},
                new double[] {10, 30, 5, 7, 1, 2});
        XYChart chart = IntervalChart.of(t, "loss", "strategy", "bytes").chart();
        List<String> legend = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
        assertEquals(List.of("seed"), legend);
        assertEquals(-0.0075, chart.getStyler().getXAxisMin(), 1e-12, "loss 0, 0.05, 0.2, with room for the side-by-side series");
        assertEquals("5 %", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.05), "loss ticks read in percent");
        XYSeries bar = chart.getSeriesMap().get("seed/0.2");
        assertTrue(bar.getYMin() >= 10 && bar.getYMax() <= 30, bar.getYMin() + " – " + bar.getYMax());
        assertFalse(chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void aShareReadsInPercentOnAnAxisFrom0To100Percent() {
        Table t = Table.create("runs", StringColumn.create("strategy", "seed", "seed"), DoubleColumn.create("loss", 0.0, 0.0),
                DoubleColumn.create("min_completeness", 0.58, 0.6));
        XYChart chart = IntervalChart.of(t, "loss", "strategy", "min_completeness").chart();
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals(1.0, chart.getStyler().getYAxisMax());
        assertEquals("60 %", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.6));
        assertEquals(0.59, chart.getSeriesMap().get("seed").getYMax(), 1e-9, "the data stay fractions");
    }

    @Test
    void numericSeriesInNumericOrder() {
        Table t = Table.create("runs", DoubleColumn.create("loss", new double[] {0, 0, 0}),
                tech.tablesaw.api.IntColumn.create("devices", new int[] {20, 2, 10}), DoubleColumn.create("time_s", new double[] {3, 1, 2}));
        XYChart chart = IntervalChart.of(t, "loss", "devices", "time_s").series(n -> n + " devices").chart();
        List<String> legend = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
        assertEquals(List.of("2 devices", "10 devices", "20 devices"), legend);
    }

    @Test
    void logScaleWhenOneMeanDominates() {
        Table t = runs(new String[] {"naive", "naive", "seed", "seed"}, new double[] {0, 0, 0, 0}, new double[] {190_000, 210_000, 100, 120});
        XYChart chart = IntervalChart.of(t, "loss", "strategy", "bytes").chart();
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertTrue(chart.getXAxisTitle().contains("bootstrap") && chart.getXAxisTitle().contains("log scale"), chart.getXAxisTitle());
        assertTrue(chart.getStyler().isYAxisLogarithmicDecadeOnly(), "three decades and more: a label per decade");
        Table narrow = runs(new String[] {"naive", "naive", "range", "range"}, new double[] {0, 0, 0, 0}, new double[] {74, 75, 1.7, 1.8});
        XYChart twoDecades = IntervalChart.of(narrow, "loss", "strategy", "bytes").chart();
        assertTrue(twoDecades.getStyler().isYAxisLogarithmic());
        assertFalse(twoDecades.getStyler().isYAxisLogarithmicDecadeOnly(), "under three decades: 2, 3, … 9 labelled too");
    }

    @Test
    void anUnknownColumnIsNamed() {
        Table t = runs(new String[] {"seed"}, new double[] {0}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntervalChart.of(t, "loss", "strategy", "time"));
        assertTrue(e.getMessage().startsWith("no column 'time'"), e.getMessage());
    }

    @Test
    void namesAlongXNumberedInTheTablesOrderAndListedInTheAxisTitle() {
        Table t = runs(new String[] {"a", "a", "b", "b", "a", "a"}, new double[] {0, 0, 0, 0, 0, 0}, new double[] {1, 2, 3, 4, 5, 6});
        t.addColumns(StringColumn.create("attack", new String[] {"none", "none", "none", "none", "flooder", "flooder"}));
        XYChart chart = IntervalChart.of(t, "attack", "strategy", "bytes").chart();
        assertEquals(0.5, chart.getStyler().getXAxisMin(), 1e-9);
        assertEquals(2.5, chart.getStyler().getXAxisMax(), 1e-9);
        assertTrue(chart.getXAxisTitle().startsWith("attack: 1 none, 2 flooder   (points"), chart.getXAxisTitle());
        XYSeries flood = chart.getSeriesMap().get("a/flooder");
        assertTrue(flood.getXMin() > 1.5 && flood.getXMin() < 2.5, "flooder, second in the table, sits at 2: " + flood.getXMin());
        assertTrue(flood.getYMin() >= 5 && flood.getYMax() <= 6);
    }
}
