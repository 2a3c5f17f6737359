package org.p2psim.sync.bloom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.metrics.facts.FilterFacts;

/** The probe the Bloom strategies own: it reports each filter with its analytic rate, and each test as it was. */
class FilterProbeTest {
    private final List<String> facts = new ArrayList<>();
    private final FilterFacts listener = new FilterFacts() {
        @Override
        public void filterSent(double expectedFpp, int packetBytes) {
            facts.add("sent " + expectedFpp + " " + packetBytes);
        }

        @Override
        public void filterTested(String owner, String eventId, long ownerAsOf, boolean positive) {
            facts.add("tested " + owner + " " + eventId + " " + ownerAsOf + " " + positive);
        }
    };

    @Test
    void reportsTheAnalyticRateOfTheFilterSentAndEachTest() {
        FilterProbe probe = new FilterProbe(listener);
        probe.sent(new BloomFilter(3256, 7), 339, 500);
        probe.tested("bob", "e1", 42, true);
        assertEquals(List.of("sent " + BloomFilter.expectedFpp(3256, 7, 339) + " 500", "tested bob e1 42 true"), facts);
    }

    @Test
    void capacityIsTheLargestLoadWithinTheTarget() {
        long n = BloomFilter.capacity(3256, 7, 0.01);
        assertEquals(339, n);
        assertEquals(true, BloomFilter.expectedFpp(3256, 7, n) <= 0.01);
        assertEquals(true, BloomFilter.expectedFpp(3256, 7, n + 1) > 0.01);
        assertEquals(n, BloomAnalysis.capacity(3256, 7, 0.01));
    }
}
