package org.p2psim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The group's band: rows at the same time count in table order, so a device ends on its last value. */
class BandsTest {
    @Test
    void rowsAtOneTimeKeepTheirOrder() {
        int n = 400; // an uploader's rows, all at t = 0, then one receiver completing at t = 1
        String[] device = new String[n + 1];
        double[] time = new double[n + 1];
        double[] value = new double[n + 1];
        for (int i = 0; i < n; i++) {
            device[i] = "d00";
            value[i] = (i + 1) / (double) n;
        }
        device[n] = "d01";
        time[n] = 1;
        value[n] = 1;
        Table rows = Table.create("progress", StringColumn.create("device", device), DoubleColumn.create("time_s", time),
                DoubleColumn.create("fraction", value));
        XYChart chart = new XYChartBuilder().build();
        Bands.add(chart, rows, "time_s", "fraction", "", 0, TimeAxis.SECONDS);
        XYSeries slowest = chart.getSeriesMap().get("slowest device");
        assertEquals(1.0, slowest.getYData()[slowest.getYData().length - 1], "both devices hold everything at the end");
        assertEquals(0.0, slowest.getYData()[0], "at t = 0 the receiver holds nothing yet");
    }
}
