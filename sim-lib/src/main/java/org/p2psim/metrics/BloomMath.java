package org.p2psim.metrics;

/** The analytic false-positive rate of a Bloom filter, kept here so metrics need no other package. */
public final class BloomMath {
    private BloomMath() {}

    /** (1 − e^(−k·n/m))^k for m bits, k hash functions and n items. */
    public static double expectedFpp(int bits, int hashes, long items) {
        return Math.pow(1 - Math.exp(-(double) hashes * items / bits), hashes);
    }
}
