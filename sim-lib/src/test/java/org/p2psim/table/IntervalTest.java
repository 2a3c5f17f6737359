package org.p2psim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void aSkewedSmallSampleGetsNoNegativeBoundAndTheSameIntervalEveryTime() {
        double[] times = {2, 3, 2.5, 3.5, 60}; // one slow run: a t-interval would reach below 0
        Interval in = Interval.of(times);
        assertEquals(14.2, in.mean(), 1e-9);
        assertTrue(in.low() >= 2 && in.high() <= 60, in.toString());
        assertTrue(in.low() < in.mean() && in.mean() < in.high(), in.toString());
        assertEquals(in, Interval.of(times));
    }

    @Test
    void missingValuesAreLeftOutAndTextSaysWhatThereIs() {
        Interval in = Interval.of(new double[] {1, Double.NaN, 1});
        assertEquals(2, in.n());
        assertEquals("1 (1–1)", in.text());
        assertEquals("—", Interval.of(new double[] {Double.NaN}).text());
        assertEquals("5", Interval.of(new double[] {5}).text());
    }

    @Test
    void sharesReadAsPercentages() {
        assertEquals("50 % (50–50 %)", Interval.of(new double[] {0.5, 0.5}).percentText());
        assertEquals("< 100 %", Interval.of(new double[] {0.99999}).percentText());
    }
}
