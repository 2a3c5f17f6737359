package org.p2psim.sync.bloom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.event.EventId;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** The filter studies: capacities by hand, the binomial band, and what rounds and chosen ids must show. */
class BloomAnalysisTest {

    @Test
    void capacitiesOfTheSeedPacket() {
        assertEquals(3256, BloomAnalysis.filterBits(500));
        assertEquals(339, BloomAnalysis.capacity(3256, 7, 0.01), "the Javadoc's 339 ids at 1 %");
        assertEquals(4, BloomAnalysis.bestHashes(3256, 0.05));
        assertEquals(521, BloomAnalysis.capacity(3256, 4, 0.05));
        long n = BloomAnalysis.capacity(3256, 7, 0.01);
        assertTrue(BloomAnalysis.analyticFpr(3256, 7, n) <= 0.01 && BloomAnalysis.analyticFpr(3256, 7, n + 1) > 0.01);
        Table t = BloomAnalysis.capacities(new int[] {500}, new double[] {0.01, 0.05});
        assertEquals(339L, t.longColumn("ids_best_k").get(0));
        assertEquals(490L, t.longColumn("ids_k7").get(1), "the seed's k = 7 holds fewer at 5 %");
    }

    @Test
    void band99IsTheCentralBinomialInterval() {
        // Binomial(100, 0.5): P(X <= 37) = 0.0060, P(X <= 36) = 0.0033; symmetric upper end 63
        assertArrayEquals(new double[] {0.37, 0.63}, BloomAnalysis.band99(100, 0.5), 1e-12);
        assertArrayEquals(new double[] {0, 0}, BloomAnalysis.band99(100, 0));
    }

    @Test
    void measuredRatesFallInTheBandAndRepeatExactly() {
        Table a = BloomAnalysis.measuredFpr(500, new int[] {4, 7}, new int[] {200, 339, 600}, 300, 10, 7);
        Table b = BloomAnalysis.measuredFpr(500, new int[] {4, 7}, new int[] {200, 339, 600}, 300, 10, 7);
        assertEquals(a.printAll(), b.printAll());
        assertEquals(6, a.rowCount());
        assertTrue(a.booleanColumn("inside_band").countTrue() >= 5, a.printAll());
        assertEquals(3000, a.intColumn("tests").getInt(0));
    }

    @Test
    void fixedHashingKeepsFalsePositivesWhileSaltedRoundsClearThem() {
        Table t = BloomAnalysis.rounds(3256, 7, 300, 50, 8, 200, 0.0, 3);
        Row fixed1 = t.row(0);
        Row fixed8 = t.row(7);
        Row salted8 = t.row(15);
        assertEquals("fixed", fixed1.getString("mode"));
        assertTrue(fixed1.getDouble("missing_mean") > 0, "some ids are false positives in round 1");
        assertEquals(fixed1.getDouble("missing_mean"), fixed8.getDouble("missing_mean"), "and stay so: no loss, nothing changes");
        assertEquals(1.0, fixed8.getDouble("fpr"), "only the stuck ids are still tested, positive every time");
        assertEquals("salted", salted8.getString("mode"));
        assertEquals(0.0, salted8.getDouble("missing_mean"));
    }

    @Test
    void aWholeArchiveInOnePacketSaysYesToEverything() {
        BloomAnalysis.WholeArchive w = BloomAnalysis.wholeArchive(3256, 7, 100_000, 1000, 1);
        assertEquals(1.0, w.fill());
        assertEquals(1.0, w.measured());
        Table pass = BloomAnalysis.roundRobin(new long[] {1_000_000}, new int[] {500}, new double[] {0.01}, Duration.ofSeconds(10));
        assertEquals(2950L, pass.longColumn("rounds_per_pass").get(0), "ceil(10^6 / 339)");
        assertEquals(2950 * 10 / 3600.0, pass.doubleColumn("pass_hours_every_10s").getDouble(0), 1e-12);
        assertEquals(16.0, BloomAnalysis.differenceFloor(1).doubleColumn("floor_id_bytes").getDouble(0));
    }

    @Test
    void chosenIds() {
        Table t = BloomAnalysis.poisoning(3256, 7, 200, new int[] {0, 100}, 20_000, 2000, 5);
        Row random = t.row(1);
        Row fewest = t.row(3);
        Row most = t.row(5);
        assertEquals("fewest new bits", fewest.getString("ids"));
        assertEquals(t.row(0).getDouble("fill"), fewest.getDouble("fill"), "ids that set no new bit leave the filter as it was");
        assertEquals(1.0, fewest.getDouble("chosen_positive_before_stored"), "and each seemed held before it was");
        assertEquals(7.0, most.getDouble("new_bits_per_id"), "the first 100 each find 7 fresh bits");
        assertTrue(most.getDouble("fpr_from_fill") > 2 * random.getDouble("fpr_from_fill"), t.printAll());
    }

    @Test
    void newBitsCountsDistinctUnsetProbes() {
        BloomFilter f = new BloomFilter(3256, 7);
        EventId id = BloomAnalysis.randomId(new SplittableRandom(1));
        int fresh = f.newBits(id);
        assertTrue(fresh >= 6 && fresh <= 7);
        f.add(id);
        assertEquals(fresh, f.bitCount());
        assertEquals(0, f.newBits(id));
    }
}
