package org.p2psim.sync.riblt;

import org.p2psim.sim.RandomStreams;

/**
 * The coded symbols one source item is added to: index 0, then a random walk whose steps make
 * index i present with probability 1/(1 + i/2) (Yang, Gilad and Alizadeh, "Practical Rateless Set
 * Reconciliation", SIGCOMM 2024, §4). The walk is decided by the item alone, so both sides of a
 * reconciliation agree on it without talking.
 */
final class Mapping {
    /** Multiplier of the walk's generator (odd, so the generator is a bijection of its state). */
    private static final long MULTIPLIER = 0xda942042e4dd58b5L;
    /** An index past this is taken as the end of the walk (a step that long is never reached). */
    static final long END = 1L << 40;

    private long state;
    private long index;
    private boolean started;

    Mapping(long seed) {
        this.state = seed == 0 ? 1 : seed;
    }

    /** The walk of the item with these 16 bytes. */
    static Mapping of(long high, long low) {
        return new Mapping(RandomStreams.mix(low ^ Long.rotateLeft(high, 17)));
    }

    /** The item's checksum: a hash of its 16 bytes independent of its walk. */
    static long checksum(long high, long low) {
        return RandomStreams.mix(high ^ RandomStreams.mix(low ^ 0x5851f42d4c957f2dL));
    }

    /** The next index the item is added to (0 first), or a value ≥ {@link #END}. */
    long next() {
        if (!started) {
            started = true;
            return 0;
        }
        state *= MULTIPLIER;
        double u = (state >>> 11) * 0x1.0p-53;
        double step = Math.ceil((index + 1.5) * (1 / Math.sqrt(1 - u) - 1));
        index = step >= END ? END : Math.min(END, index + Math.max(1, (long) step));
        return index;
    }
}
