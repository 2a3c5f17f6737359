package org.p2psim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.p2psim.sync.bloom.BloomAnalysis;

/** The Bloom figures: their series, and they render headless. */
class BloomPlotsTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static void renders(XYChart chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertEquals(800, image.getWidth());
    }

    @Test
    void figures() {
        XYChart fpr = BloomPlots.fprAgainstLoad(BloomAnalysis.measuredFpr(500, new int[] {2, 7}, new int[] {100, 500, 1000}, 50, 10, 1), "fpr");
        assertTrue(fpr.getSeriesMap().containsKey("k = 7 formula") && fpr.getSeriesMap().containsKey("k = 2 measured"), fpr.getSeriesMap().keySet().toString());
        renders(fpr);
        XYChart rounds = BloomPlots.rounds(BloomAnalysis.rounds(3256, 7, 300, 50, 5, 20, 0.1, 1), "missing_mean", "ids missing", false, "r");
        assertEquals(2, rounds.getSeriesMap().size());
        renders(rounds);
        XYChart poison = BloomPlots.poisoning(BloomAnalysis.poisoning(3256, 7, 200, new int[] {0, 50}, 100, 500, 1), "p");
        assertEquals(6, poison.getSeriesMap().size());
        renders(poison);
    }
}
