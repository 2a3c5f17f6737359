package org.p2psim.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.p2psim.metrics.Metrics;
import org.p2psim.metrics.facts.PacketRow;
import tech.tablesaw.api.Table;

/** Each standard figure: the expected series, and it renders headless to an image. */
class PlotsTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static long s(double seconds) {
        return Math.round(seconds * 1e6);
    }

    /** a authors e1 (history) and e2; b gets both, c gets e1 only; b authors e3, which a gets. */
    static Metrics run() {
        Metrics m = new Metrics();
        for (String d : List.of("a", "b", "c")) {
            m.device(d);
        }
        m.eventCreated("e1", "a", -s(1));
        m.eventStored("a", "e1", 100, 0);
        m.eventCreated("e2", "a", 0);
        m.eventStored("a", "e2", 100, 0);
        m.eventStored("b", "e1", 100, s(1));
        m.eventStored("b", "e2", 100, s(2));
        m.eventStored("c", "e1", 100, s(3));
        m.eventCreated("e3", "b", s(4));
        m.eventStored("b", "e3", 100, s(4));
        m.eventStored("a", "e3", 100, s(4.5));
        m.packet(new PacketRow(0, 10, "a", "b", "filter", 300, "delivered", "", 1));
        m.packet(new PacketRow(0, 10, "a", "b", "event", 500, "delivered", "", 2));
        m.packet(new PacketRow(0, 10, "a", "c", "event", 200, "dropped", "loss", 3));
        return m;
    }

    static void assertRenders(Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertEquals(chart.getWidth(), image.getWidth());
        assertEquals(chart.getHeight(), image.getHeight());
    }

    @Test
    void latencyCdfHasOneStepLinePerLatency() {
        Metrics m = run();
        Table cdf = m.latencyCdf();
        XYChart chart = Plots.latencyCdf(cdf, "Latency");
        assertEquals(List.of("delivery", "sync"), shown(chart));
        XYSeries delivery = chart.getSeriesMap().get("delivery");
        // deliveries 0.5, 1, 2, 3 s: four values plus the step up from 0 at the first
        assertArrayEquals(new double[] {0.5, 0.5, 1, 2, 3}, delivery.getXData(), 0.005);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, delivery.getYData(), 1e-12);
        assertEquals(XYSeries.XYSeriesRenderStyle.Step, chart.getStyler().getDefaultSeriesRenderStyle());
        // sync: only e1 is everywhere (3 s); e2 and e3 still wait for c
        assertArrayEquals(new double[] {3, 3}, chart.getSeriesMap().get("sync").getXData(), 1e-12);
        assertEquals("Latency", chart.getTitle());
        assertEquals("latency (s)", chart.getXAxisTitle());
        assertRenders(chart);
    }

    @Test
    void logScaleCdfLeavesZeroOutAndComparesRuns() {
        Metrics m = new Metrics();
        m.device("a");
        m.device("b");
        m.eventCreated("e1", "a", s(1));
        m.eventStored("a", "e1", 10, s(1));
        m.eventStored("b", "e1", 10, s(1));   // 0 s: cannot be drawn on a log axis
        m.eventCreated("e2", "a", s(2));
        m.eventStored("a", "e2", 10, s(2));
        m.eventStored("b", "e2", 10, s(2.25));
        XYChart one = Plots.latencyCdf(m.deliveryLatencyCdf(), "log", true);
        assertTrue(one.getStyler().isXAxisLogarithmic());
        XYSeries series = one.getSeriesMap().get("delivery latency CDF");
        assertArrayEquals(new double[] {0.25, 0.25}, series.getXData(), 1e-3);
        assertArrayEquals(new double[] {0, 1}, series.getYData(), 1e-12);
        assertRenders(one);

        XYChart two = Plots.latencyCdf("two runs", false, m.latencyCdf().setName("x"), run().latencyCdf().setName("y"));
        assertEquals(List.of("x: delivery", "x: sync", "y: delivery", "y: sync"), shown(two));
        assertRenders(two);
    }

    @Test
    void emptyCdfGivesAnEmptyChartThatStillRenders() {
        XYChart chart = Plots.latencyCdf(new Metrics().latencyCdf(), "nothing yet");
        assertTrue(chart.getSeriesMap().isEmpty());
        assertRenders(chart);
    }

    @Test
    void heatmapHasAuthorsAsRowsAndReceiversAsColumns() {
        HeatMapChart chart = Plots.syncTimeHeatmap(run().syncMatrix(), "Sync time");
        HeatMapSeries series = chart.getHeatMapSeries();
        assertEquals("median sync time (s)", series.getName());
        assertEquals(List.of("a", "b", "c"), series.getXData());
        assertEquals(List.of("c", "b", "a"), series.getYData(), "first device at the top");
        // a→b median of {1, 2} = 1 s (nearest rank), a→c 3 s, b→a 0.5 s; the other pairs are blank
        List<String> cells = new ArrayList<>();
        for (Number[] cell : series.getHeatData()) {
            cells.add(cell[0] + "," + cell[1] + "=" + cell[2]);
        }
        assertEquals(List.of("1,2=1.0", "2,2=3.0", "0,1=0.5"), cells);
        assertEquals("stored by (to)", chart.getXAxisTitle());
        assertEquals("authored by (from)", chart.getYAxisTitle());
        assertEquals(0.0, chart.getStyler().getMin(), "the colour scale ends on whole seconds around 0.5 …");
        assertEquals(3.0, chart.getStyler().getMax(), "… and 3 s");
        assertRenders(chart);

        HeatMapChart p90 = Plots.syncTimeHeatmap(run().syncMatrix(), "p90", "p90_s");
        assertEquals("p90 sync time (s)", p90.getHeatMapSeries().getName());
        Number[] first = p90.getHeatMapSeries().getHeatData().get(0);
        assertEquals(2.0, first[2].doubleValue());
        assertThrows(IllegalArgumentException.class, () -> Plots.syncTimeHeatmap(run().syncMatrix(), "x", "mean_s"));
    }

    @Test
    void heatmapOfNoDevicesStillRenders() {
        HeatMapChart chart = Plots.syncTimeHeatmap(new Metrics().syncMatrix(), "empty");
        assertEquals(List.of("(no devices)"), chart.getHeatMapSeries().getXData());
        assertRenders(chart);
    }

    @Test
    void bytesByTypeAndWriteRates() {
        Metrics m = run();
        CategoryChart bytes = Plots.bytesByType(m.packets(), "Bytes");
        assertEquals(List.of("sent", "delivered", "dropped"), shown(bytes));
        assertEquals(List.of("event", "filter"), new ArrayList<>(bytes.getSeriesMap().get("sent").getXData()));
        assertEquals(List.of(700.0, 300.0), new ArrayList<>(bytes.getSeriesMap().get("sent").getYData())); // below 10 kB: bytes
        assertRenders(bytes);

        CategoryChart writes = Plots.writeRates(m.writeRates(), "Writes");
        assertEquals(List.of("peak, any 1 s", "peak, aligned 1 s", "ceiling"), shown(writes));
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(writes.getSeriesMap().get("ceiling").getXData()));
        assertEquals(List.of(100, 100, 100), new ArrayList<>(writes.getSeriesMap().get("ceiling").getYData()));
        assertRenders(writes);
    }

    @Test
    void convergenceAndMissingEventsStillWork() {
        Metrics m = run();
        Table curve = m.completeness(s(6));
        XYChart convergence = Plots.convergence(curve, "Completeness");
        assertEquals(List.of("a", "b", "c"), shown(convergence));
        assertEquals(1.0, convergence.getStyler().getYAxisMax(), "completeness stays a fraction in the data");
        assertEquals("80 %", convergence.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.8), "and reads in percent");
        assertRenders(convergence);
        XYChart missing = Plots.missingEvents("Missing", curve.setName("run"));
        // a never lacks anything, so it has no line
        assertEquals(List.of("run: b", "run: c"), shown(missing));
        assertRenders(missing);
    }

    @Test
    void fileProgressStepsFromZeroPerDevice() {
        Table progress = Table.create("p",
                tech.tablesaw.api.StringColumn.create("device", "a", "b", "b"),
                tech.tablesaw.api.DoubleColumn.create("time_s", 0.0, 2.0, 5.0),
                tech.tablesaw.api.DoubleColumn.create("fraction", 1.0, 0.5, 1.0));
        XYChart chart = Plots.fileProgress(progress, "progress");
        assertEquals(List.of("a", "b"), shown(chart));
        assertFalse(chart.getSeriesMap().get(" ").isShowInLegend(), "the point that keeps the ticks round is hidden");
        XYSeries b = chart.getSeriesMap().get("b");
        assertArrayEquals(new double[] {0, 2, 5}, b.getXData());
        assertArrayEquals(new double[] {0, 0.5, 1}, b.getYData());
        assertRenders(chart);
    }

    @Test
    void completionCdfLeavesOutTheUploaderAndCountsDevicesThatNeverFinished() {
        Table done = Table.create("run",
                tech.tablesaw.api.DoubleColumn.create("completed_s", 0.0, 30.0, 10.0, Double.NaN));
        XYChart chart = Plots.completionCdf("completion", done);
        XYSeries run = chart.getSeriesMap().get("run");
        assertArrayEquals(new double[] {0, 10, 30}, run.getXData());
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0}, run.getYData(), 1e-12);
        assertRenders(chart);
    }

    /** The series a reader sees: without ChartStyle.roundTicks' invisible point (named " "). */
    private static List<String> shown(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        List<String> names = new ArrayList<>();
        for (Object name : chart.getSeriesMap().keySet()) {
            if (!name.toString().isBlank()) {
                names.add(name.toString());
            }
        }
        return names;
    }
}
