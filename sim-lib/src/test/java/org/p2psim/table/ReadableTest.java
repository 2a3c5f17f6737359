package org.p2psim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;

class ReadableTest {

    @Test
    void numbersHaveAboutFourSignificantDigitsAndThousandsSeparators() {
        assertEquals("0.9971", Readable.number(0.9971428571428571));
        assertEquals("8.371", Readable.number(8.370855200000001));
        assertEquals("0.01412", Readable.number(0.014124293785310734));
        assertEquals("174", Readable.number(174.031145 - 0.031145));
        assertEquals("174.1", Readable.number(174.0876));
        assertEquals("350,000", Readable.number(350_000.0));
        assertEquals("12,346", Readable.number(12_345.678));
        assertEquals("-2.5", Readable.number(-2.5));
        assertEquals("3.5e-06", Readable.number(3.5e-6));
        assertEquals("0", Readable.number(0.0));
        assertEquals("—", Readable.number(Double.NaN));
        assertEquals("100,000", Readable.number(100_000L));
        assertEquals("5.5 %", Readable.percent(0.055));
    }

    @Test
    void headersCarryTheUnitOfTheirSuffix() {
        assertEquals("convergence (s)", Readable.header("convergence_s"));
        assertEquals("peak (/ s)", Readable.header("peak_per_s"));
        assertEquals("sent (bytes)", Readable.header("sent_bytes"));
        assertEquals("devices", Readable.header("devices"));
        assertEquals("wait p50 (s)", Readable.header("wait_p50_s"));
        assertEquals("stale drops per switch", Readable.header("stale_drops_per_switch"));
        assertEquals("_s", Readable.header("_s"));
    }

    @Test
    void missingValuesAreWordsNotBlanks() {
        DoubleColumn convergence = DoubleColumn.create("convergence_s", new double[] {12.5, Double.NaN});
        DoubleColumn other = DoubleColumn.create("median_s", new double[] {Double.NaN});
        assertEquals("12.5", Readable.cell(convergence, 0));
        assertEquals("not converged", Readable.cell(convergence, 1));
        assertEquals("—", Readable.cell(other, 0));
        assertEquals("1,234", Readable.cell(IntColumn.create("n", new int[] {1234}), 0));
        assertEquals("alice", Readable.cell(StringColumn.create("device", "alice"), 0));
        assertEquals("not converged", Readable.cell(DoubleColumn.create("converged_after_s", new double[] {Double.NaN}), 0));
    }

    @Test
    void fractionsOfLossCompletenessAndSharesArePercentagesThatDoNotRoundUpToAll() {
        assertEquals("20 %", Readable.cell(DoubleColumn.create("loss", new double[] {0.2}), 0));
        assertEquals("99.7 %", Readable.cell(DoubleColumn.create("mean_completeness", new double[] {0.9971428571428571}), 0));
        assertEquals("< 100 %", Readable.cell(DoubleColumn.create("completeness", new double[] {0.99999}), 0));
        assertEquals("100 %", Readable.cell(DoubleColumn.create("online_share", new double[] {1.0}), 0));
        assertEquals("0.2", Readable.cell(DoubleColumn.create("lossy", new double[] {0.2}), 0));
        assertEquals("95.5 %", Readable.cell(DoubleColumn.create("completeness_at_end", new double[] {0.955}), 0));
    }

    @Test
    void aMetricsValueIsAPercentageWhenItIsAShareAndANumberOtherwise() {
        assertEquals("58.5 %", Readable.value("min_completeness", 0.585));
        assertEquals("0.585", Readable.value("fpr_measured", 0.585));
        assertEquals("1,234", Readable.value("packets_sent", 1234));
        assertEquals("14.03 s", Readable.value("delivery_p50_s", 14.03));
    }
}
