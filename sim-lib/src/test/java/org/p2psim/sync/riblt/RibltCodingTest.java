package org.p2psim.sync.riblt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The coding alone: symbols needed per difference, exact recovery, snapshots. */
class RibltCodingTest {

    /** Streams the peer's symbols one at a time until the decoder is done; returns how many it took. */
    private static int symbolsToDecode(CodedSet local, CodedSet peer, Decoder decoder) {
        int i = 0;
        while (!decoder.done()) {
            decoder.add(i, peer.symbols(peer.size(), i, i + 1), local.symbols(local.size(), i, i + 1));
            i++;
            if (i > 100 * (peer.size() + local.size() + 10)) {
                throw new AssertionError("no decoding after " + i + " symbols");
            }
        }
        return i;
    }

    private static long[][] items(SplittableRandom random, int n) {
        long[][] items = new long[n][];
        for (int i = 0; i < n; i++) {
            items[i] = new long[] {random.nextLong(), random.nextLong()};
        }
        return items;
    }

    @Test
    void aboutOnePointThreeFiveSymbolsPerDifferenceAtLargeD() {
        // the paper's figure for large d is 1.35; 10 sets of 1000 differences each (plus 500 shared items)
        int d = 1000;
        int trials = 10;
        long total = 0;
        for (int t = 0; t < trials; t++) {
            SplittableRandom random = new SplittableRandom(1000 + t);
            CodedSet local = new CodedSet();
            CodedSet peer = new CodedSet();
            for (long[] item : items(random, 500)) {
                local.add(item[0], item[1]);
                peer.add(item[0], item[1]);
            }
            long[][] diff = items(random, d);
            for (int i = 0; i < d; i++) {
                (i % 2 == 0 ? peer : local).add(diff[i][0], diff[i][1]);
            }
            Decoder decoder = new Decoder();
            total += symbolsToDecode(local, peer, decoder);
            assertEquals(d, decoder.items().size());
        }
        double perDifference = (double) total / (trials * d);
        System.out.printf("riblt: %.3f coded symbols per difference at d = %d (%d trials)%n", perDifference, d, trials);
        assertTrue(Math.abs(perDifference - 1.35) <= 0.135, "symbols per difference " + perDifference + " not within 10 % of 1.35");
    }

    @Test
    void recoversExactlyTheDifferenceWithSides() {
        SplittableRandom random = new SplittableRandom(7);
        CodedSet local = new CodedSet();
        CodedSet peer = new CodedSet();
        Set<String> peerOnly = new LinkedHashSet<>();
        Set<String> localOnly = new LinkedHashSet<>();
        for (long[] item : items(random, 300)) {
            local.add(item[0], item[1]);
            peer.add(item[0], item[1]);
        }
        for (long[] item : items(random, 40)) {
            peer.add(item[0], item[1]);
            peerOnly.add(item[0] + ":" + item[1]);
        }
        for (long[] item : items(random, 25)) {
            local.add(item[0], item[1]);
            localOnly.add(item[0] + ":" + item[1]);
        }
        Decoder decoder = new Decoder();
        symbolsToDecode(local, peer, decoder);
        Set<String> gotPeer = new LinkedHashSet<>();
        Set<String> gotLocal = new LinkedHashSet<>();
        decoder.items().forEach(it -> (it.peerHas() ? gotPeer : gotLocal).add(it.high() + ":" + it.low()));
        assertEquals(peerOnly, gotPeer);
        assertEquals(localOnly, gotLocal);
    }

    @Test
    void snapshotIgnoresItemsAppendedLaterAndBatchesMayArriveOutOfOrder() {
        SplittableRandom random = new SplittableRandom(11);
        CodedSet local = new CodedSet();
        CodedSet peer = new CodedSet();
        for (long[] item : items(random, 200)) {
            peer.add(item[0], item[1]);
        }
        int snapshot = peer.size();
        for (long[] item : items(random, 50)) {
            peer.add(item[0], item[1]); // appended after the snapshot: not part of this exchange
        }
        Decoder decoder = new Decoder();
        int batch = 40;
        // second batch first, then the first, then on
        decoder.add(batch, peer.symbols(snapshot, batch, 2 * batch), local.symbols(0, batch, 2 * batch));
        for (int from = 0; !decoder.done(); from += batch) {
            if (from == batch) {
                continue;
            }
            decoder.add(from, peer.symbols(snapshot, from, from + batch), local.symbols(0, from, from + batch));
            assertTrue(from < 10_000, "no decoding");
        }
        assertEquals(200, decoder.items().size());
        assertTrue(decoder.items().stream().allMatch(Decoder.Item::peerHas));
    }

    @Test
    void rangesPastTheCacheEqualTheDefinitionUpToTheLastIndex() {
        SplittableRandom random = new SplittableRandom(13);
        long[][] items = items(random, 100);
        CodedSet set = new CodedSet();
        for (long[] item : items) {
            set.add(item[0], item[1]);
        }
        int snapshot = 80;
        int cached = CodedSet.CACHE_PER_ITEM * items.length;
        int[][] ranges = {{0, 64}, {cached - 10, cached + 10}, {cached + 1000, cached + 1040}, {Integer.MAX_VALUE - 5, Integer.MAX_VALUE}};
        for (int[] range : ranges) {
            Symbols expected = new Symbols(range[1] - range[0]);
            for (int i = 0; i < snapshot; i++) {
                Mapping m = Mapping.of(items[i][0], items[i][1]);
                for (long idx = m.next(); idx < range[1]; idx = m.next()) {
                    if (idx >= range[0]) {
                        expected.apply((int) (idx - range[0]), items[i][0], items[i][1], Mapping.checksum(items[i][0], items[i][1]), 1);
                    }
                }
            }
            Symbols got = set.symbols(snapshot, range[0], range[1]);
            String where = "symbols [" + range[0] + ", " + range[1] + ")";
            assertArrayEquals(expected.count, got.count, where);
            assertArrayEquals(expected.high, got.high, where);
            assertArrayEquals(expected.low, got.low, where);
            assertArrayEquals(expected.check, got.check, where);
        }
        assertTrue(set.symbols(snapshot, 0, 1).count[0] == snapshot, "every item is added to symbol 0");
    }

    @Test
    void theWalkIsDecidedByTheItemAndVisitsIndexIWithProbabilityAboutOneOverOnePlusHalfI() {
        int n = 20_000;
        int[] hits = new int[64];
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < n; k++) {
            Mapping m = Mapping.of(random.nextLong(), random.nextLong());
            for (long i = m.next(); i < hits.length; i = m.next()) {
                hits[(int) i]++;
            }
        }
        for (int i : new int[] {0, 1, 2, 10, 40, 63}) {
            double expected = 1 / (1 + i / 2.0);
            double measured = hits[i] / (double) n;
            // binomial sd at n = 20 000 is at most 0.0036; the ceil of the reference's step biases slightly
            assertEquals(expected, measured, 0.03, "index " + i);
        }
    }
}
