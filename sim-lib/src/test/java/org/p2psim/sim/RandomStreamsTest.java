package org.p2psim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void aNameAlwaysMeansTheSameStream() {
        assertEquals(new RandomStreams(7).stream("network").nextLong(), new RandomStreams(7).stream("network").nextLong());
    }

    @Test
    void namesAndSeedsGiveIndependentStreams() {
        long network = new RandomStreams(7).stream("network").nextLong();
        assertNotEquals(network, new RandomStreams(7).stream("workload").nextLong());
        assertNotEquals(network, new RandomStreams(8).stream("network").nextLong());
    }

    @Test
    void streamValuesArePinnedAcrossJvms() {
        // FNV-1a and SplitMix64 are fixed functions: this value may never change, or old runs stop replaying.
        assertEquals(0xaf63dc4c8601ec8cL, RandomStreams.fnv1a("a"), "the published FNV-1a 64 of \"a\"");
        assertEquals(3644328414848590333L, new RandomStreams(7).stream("network").nextLong());
    }
}
