package org.p2psim.metrics;

/**
 * The reconciliation floor of a run (see {@code package-info.java}, "Bandwidth"): what a perfect
 * reconciler would have to put on the wire for the deliveries that happened.
 *
 * <p>Every device D that received d<sub>D</sub> events (first stores of events it did not author)
 * needs their ciphertext, and needs to learn <i>which</i> d<sub>D</sub> of the 2<sup>b</sup>
 * possible ids it lacked: at least log₂ C(2<sup>b</sup>, d<sub>D</sub>) bits (Minsky, Trachtenberg
 * and Zippel, "Set reconciliation with nearly optimal communication complexity", 2003). Packets are
 * unicast, so what different devices learn travels in different packets and the bits add up over
 * devices.
 */
public final class ReconciliationFloor {
    /** Bits of an event id (16 bytes of BLAKE3). */
    public static final int ID_BITS = 128;

    private static final double LN2 = Math.log(2);

    private ReconciliationFloor() {}

    /**
     * log₂ C(2<sup>bits</sup>, d): the bits that name one d-element subset of a universe of
     * 2<sup>bits</sup> ids. Computed as Σ<sub>i&lt;d</sub> [bits + log₂(1 − i/2<sup>bits</sup>) −
     * log₂(i + 1)], a sum of small terms with no cancellation between huge ones (lgamma of 2¹²⁸
     * would lose every digit), with compensated summation. O(d) time.
     *
     * @throws IllegalArgumentException if bits is not in [1, 1023] or d is not in [0, 2<sup>bits</sup>]
     */
    public static double log2Binomial(int bits, long d) {
        if (bits < 1 || bits > 1023) {
            throw new IllegalArgumentException("id bits must be in [1, 1023], was " + bits);
        }
        double universe = Math.scalb(1.0, bits);
        if (d < 0 || d > universe) {
            throw new IllegalArgumentException("d must be in [0, 2^" + bits + "], was " + d);
        }
        double sum = 0;
        double compensation = 0;
        for (long i = 0; i < d; i++) {
            double term = bits + Math.log1p(-i / universe) / LN2 - Math.log(i + 1) / LN2;
            // Kahan summation: d can be millions of terms of ~100 bits each
            double y = term - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        return Math.max(0, sum);
    }

    /** log₂ C(2<sup>128</sup>, d) / 8: bytes that name which d event ids a device lacked. */
    public static double idBytes(long d) {
        return log2Binomial(ID_BITS, d) / 8;
    }
}
