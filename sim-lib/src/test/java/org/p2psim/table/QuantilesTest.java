package org.p2psim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void nearestRankIsAValueThatOccurred() {
        double[] v = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertEquals(5, Quantiles.median(v));
        assertEquals(9, Quantiles.of(v, 0.9));
        assertEquals(10, Quantiles.of(v, 0.99));
        assertEquals(10, Quantiles.of(v, 1.0));
        assertEquals(1, Quantiles.of(v, 0.01));
    }

    @Test
    void missingValuesAreLeftOutAndNoValuesGiveNaN() {
        assertEquals(2, Quantiles.median(new double[] {Double.NaN, 1, 2, 3, Double.NaN}));
        assertTrue(Double.isNaN(Quantiles.median(new double[] {Double.NaN})));
        assertTrue(Double.isNaN(Quantiles.of(new double[0], 0.9)));
    }

    @Test
    void aShareOutsideTheRangeIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}, 0));
        assertTrue(e.getMessage().contains("(0, 1]") && e.getMessage().contains("0.0"), e.getMessage());
    }
}
