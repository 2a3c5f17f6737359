package org.p2psim.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams split from one run seed.
 *
 * <p>Each consumer (the network, the workload, each device's keys and nonces) asks for its own
 * stream by name, so adding draws to one consumer never shifts the numbers another one sees. A
 * stream's seed is a SplitMix64 mix of the run seed and a 64-bit FNV-1a hash of the name, both
 * fixed functions, so a name means the same stream on every JVM.
 */
public final class RandomStreams {

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A fresh generator for {@code name}; two calls with one name give two identical generators. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(mix(seed ^ mix(fnv1a(name))));
    }

    static long fnv1a(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A number in [0, 1) decided by {@code key} alone: the top 53 bits of {@link #mix}. */
    public static double unitDouble(long key) {
        return (mix(key) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64 finaliser: a bijection that spreads every input bit over the output. */
    public static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
