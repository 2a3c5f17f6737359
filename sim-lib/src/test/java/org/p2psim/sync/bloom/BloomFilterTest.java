package org.p2psim.sync.bloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.p2psim.event.EventId;

class BloomFilterTest {
    /** The seed's 500-byte packet: 500 − 92 bytes of packet overhead − 1 byte for k. */
    static final int SEED_BITS = BloomSeedParams.DEFAULTS.filterBits();

    static List<EventId> ids(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            ids.add(EventId.fromBytes(id));
        }
        return ids;
    }

    @Test
    void theSeedPacketLeaves3256FilterBits() {
        assertEquals(3256, SEED_BITS);
        assertEquals(500, org.p2psim.net.Packet.OVERHEAD + new BloomFilter(SEED_BITS, 7).toBytes().length);
    }

    @Test
    void javadocCapacityFiguresHold() {
        assertEquals(7, BloomFilter.optimalHashes(SEED_BITS, 339));
        assertEquals(0.01, BloomFilter.expectedFpp(SEED_BITS, 7, 339), 0.0005);
        assertEquals(4, BloomFilter.optimalHashes(SEED_BITS, 522));
        assertEquals(0.05, BloomFilter.expectedFpp(SEED_BITS, 4, 522), 0.003);
        for (int k = 1; k <= 12; k++) {
            assertTrue(BloomFilter.expectedFpp(SEED_BITS, k, 10_000) > 0.95, "k=" + k);
        }
    }

    @Test
    void neverAFalseNegative() {
        BloomFilter filter = new BloomFilter(SEED_BITS, 7);
        List<EventId> members = ids(1, 2_000);
        members.forEach(filter::add);
        assertTrue(members.stream().allMatch(filter::mightContain));
    }

    /**
     * Measured false-positive rate over 200 000 absent ids lies within 4 standard deviations of the
     * filter's own rate (set bits / m)^k, and the analytic rate (1 − e^(−kn/m))^k within 15 %.
     */
    @ParameterizedTest(name = "n={0}, k={1}")
    @CsvSource({"100, 7", "339, 7", "522, 4", "1000, 2"})
    void measuredFalsePositiveRateMatchesTheMath(int n, int k) {
        BloomFilter filter = new BloomFilter(SEED_BITS, k);
        ids(2, n).forEach(filter::add);
        int trials = 200_000;
        long positives = ids(3, trials).stream().filter(filter::mightContain).count();
        double measured = positives / (double) trials;
        double own = filter.currentFpp();
        double sd = Math.sqrt(own * (1 - own) / trials);
        assertEquals(own, measured, 4 * sd + 1e-6, "measured vs (set bits / m)^k");
        double analytic = BloomFilter.expectedFpp(SEED_BITS, k, n);
        assertEquals(analytic, own, 0.15 * analytic + 1e-4, "filter's own rate vs the analytic formula");
    }

    @Test
    void wireFormRoundTripsSaltedOrNot() {
        for (int salt : new int[] {0, 0x12345678, -7}) {
            BloomFilter filter = new BloomFilter(SEED_BITS, 7, salt);
            ids(4, 300).forEach(filter::add);
            BloomFilter back = BloomFilter.fromBytes(filter.toBytes());
            assertEquals(filter, back);
            assertEquals(salt, back.salt());
        }
        assertEquals(4, new BloomFilter(SEED_BITS, 7, 9).toBytes().length - new BloomFilter(SEED_BITS, 7).toBytes().length);
    }

    @Test
    void mergeIsTheUnion() {
        BloomFilter a = new BloomFilter(SEED_BITS, 7);
        BloomFilter b = new BloomFilter(SEED_BITS, 7);
        List<EventId> first = ids(5, 100);
        List<EventId> second = ids(6, 100);
        first.forEach(a::add);
        second.forEach(b::add);
        a.merge(b);
        BloomFilter both = new BloomFilter(SEED_BITS, 7);
        first.forEach(both::add);
        second.forEach(both::add);
        assertEquals(both, a);
    }

    @Test
    void mergeRefusesIncompatibleFilters() {
        BloomFilter a = new BloomFilter(SEED_BITS, 7);
        assertThrows(IllegalArgumentException.class, () -> a.merge(new BloomFilter(SEED_BITS, 6)));
        assertThrows(IllegalArgumentException.class, () -> a.merge(new BloomFilter(SEED_BITS - 8, 7)));
        assertThrows(IllegalArgumentException.class, () -> a.merge(new BloomFilter(SEED_BITS, 7, 1)));
    }

    /** Fixed hashing repeats a false positive forever; fresh salts make them independent. */
    @Test
    void saltsMakeFalsePositivesIndependent() {
        List<EventId> members = ids(7, 339);
        List<EventId> absent = ids(8, 20_000);
        BloomFilter fixed = new BloomFilter(SEED_BITS, 7);
        members.forEach(fixed::add);
        List<EventId> falsePositives = absent.stream().filter(fixed::mightContain).toList();
        assertFalse(falsePositives.isEmpty());
        BloomFilter fixedAgain = new BloomFilter(SEED_BITS, 7);
        members.forEach(fixedAgain::add);
        assertTrue(falsePositives.stream().allMatch(fixedAgain::mightContain), "same hashing, same false positives");
        BloomFilter salted = new BloomFilter(SEED_BITS, 7, 42);
        members.forEach(salted::add);
        long again = falsePositives.stream().filter(salted::mightContain).count();
        assertTrue(again <= Math.max(3, falsePositives.size() / 10),
                again + " of " + falsePositives.size() + " false positives repeat under a new salt; expected about 1 %");
        assertNotEquals(fixed, salted);
    }

    @Test
    void rejectsImpossibleShapes() {
        assertThrows(IllegalArgumentException.class, () -> new BloomFilter(12, 3));
        assertThrows(IllegalArgumentException.class, () -> new BloomFilter(64, 0));
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.fromBytes(new byte[] {7}));
    }
}
