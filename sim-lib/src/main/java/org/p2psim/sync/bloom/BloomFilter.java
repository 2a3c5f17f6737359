package org.p2psim.sync.bloom;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.p2psim.event.EventId;

/**
 * A Bloom filter over event ids, sized in bits to fit a packet.
 *
 * <p><b>Math</b> (stated here once; {@link #expectedFpp}, {@link #optimalHashes}, {@link #capacity}
 * and {@link #currentFpp} are its code). With m bits, k hash functions and n items, a test of an absent id is positive
 * with probability p ≈ (1 − e^(−kn/m))^k. For given m and n, p is smallest at k = (m/n)·ln 2,
 * where p ≈ 0.6185^(m/n); conversely a target p needs m = −n·ln p / (ln 2)² bits. The filter of
 * the seed's 500-byte packet has 407 bytes = 3 256 bits of payload (the rest is packet header and
 * signature), so it holds about 339 ids at p = 1 % (k = 7) and 522 at p = 5 % (k = 4); loaded
 * with 10 000 ids, any k gives p above 95 %. A filter also knows its own actual false-positive
 * rate, (set bits / m)^k, which is what a random absent id meets.
 *
 * <p><b>Hashing.</b> Event ids are BLAKE3 output, already uniform, so the two 64-bit halves of an
 * id serve directly as h₁ and h₂ of Kirsch–Mitzenmacher double hashing. Probe i is h₁ + i·h₂,
 * passed through the SplitMix64 finaliser and mapped to [0, m) by multiply-shift. The finaliser
 * matters: with plain (h₁ + i·h₂) mod m, an id whose h₂ shares a factor with m (3 256 = 8·11·37)
 * probes a short cycle of bits, and the filter's measured false-positive rate at k = 7 came out
 * five times the formula's. The same id always sets the same bits: the hashing is fixed, as in
 * the seed, which is why a false positive against a peer whose filter only ever grows stays one.
 *
 * <p><b>Salt.</b> A filter may carry a 32-bit salt; a non-zero salt is mixed into h₁ and h₂ before
 * use, so filters of one set under different salts have independent false positives. Salt 0 is
 * the seed's fixed hashing. Filters with different salts cannot be OR-merged.
 *
 * <p><b>Wire form.</b> {@code u8 flags-and-k [|| i32 salt] || bit array}: the low 6 bits of the first
 * byte are k, its top bit says a salt follows; bit j of the array is bit j%8 of byte j/8, so m is
 * 8 × the array's length.
 */
public final class BloomFilter {
    private static final int SALTED = 0x80;
    private static final int HASH_MASK = 0x3f;

    private final int bits;
    private final int hashes;
    private final int salt;
    private final long[] words;

    public BloomFilter(int bits, int hashes) {
        this(bits, hashes, 0);
    }

    public BloomFilter(int bits, int hashes, int salt) {
        if (bits <= 0 || bits % 8 != 0) {
            throw new IllegalArgumentException("filter size must be a positive multiple of 8 bits, was " + bits);
        }
        if (hashes < 1 || hashes > HASH_MASK) {
            throw new IllegalArgumentException("hash count must be in [1, " + HASH_MASK + "], was " + hashes);
        }
        this.bits = bits;
        this.hashes = hashes;
        this.salt = salt;
        this.words = new long[(bits + 63) / 64];
    }

    /** Bytes of the wire form of a filter of {@code bits} bits: the flags byte, the salt if any, the bits. */
    public static int wireBytes(int bits, boolean salted) {
        return 1 + (salted ? 4 : 0) + bits / 8;
    }

    /** The k that minimises the false-positive rate of {@code bits} bits holding {@code items} ids. */
    public static int optimalHashes(int bits, long items) {
        long k = Math.round((double) bits / Math.max(1, items) * Math.log(2));
        return (int) Math.max(1, Math.min(32, k));
    }

    /**
     * The analytic false-positive rate (1 − e^(−k·n/m))^k of m = {@code bits}, k = {@code hashes}
     * and n = {@code items} (see the class comment). The one place this formula is written: the
     * strategies' filter probes, the metrics and {@link BloomAnalysis} use it.
     */
    public static double expectedFpp(int bits, int hashes, long items) {
        return Math.pow(1 - Math.exp(-(double) hashes * items / bits), hashes);
    }

    /**
     * The most ids {@code bits} bits with {@code hashes} hashes hold at an analytic rate ≤
     * {@code target}: the formula solved for n, n = −(m/k)·ln(1 − p^(1/k)), then corrected by whole
     * ids against {@link #expectedFpp} so rounding cannot put it over the target.
     */
    public static long capacity(int bits, int hashes, double target) {
        double n = -(double) bits / hashes * Math.log(1 - Math.pow(target, 1.0 / hashes));
        long floor = (long) Math.floor(n);
        while (floor > 0 && expectedFpp(bits, hashes, floor) > target) {
            floor--;
        }
        while (expectedFpp(bits, hashes, floor + 1) <= target) {
            floor++;
        }
        return floor;
    }

    public int bits() {
        return bits;
    }

    public int hashes() {
        return hashes;
    }

    public int salt() {
        return salt;
    }

    public void add(EventId id) {
        long h1 = h1(id);
        long h2 = h2(id);
        for (int i = 0; i < hashes; i++) {
            int index = index(mix(h1 + i * h2));
            words[index >>> 6] |= 1L << index;
        }
    }

    public boolean mightContain(EventId id) {
        long h1 = h1(id);
        long h2 = h2(id);
        for (int i = 0; i < hashes; i++) {
            int index = index(mix(h1 + i * h2));
            if ((words[index >>> 6] & (1L << index)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many bits adding {@code id} would newly set: its distinct probe positions not set yet
     * (0 for an id that already tests positive). For studies of chosen ids; the filter is unchanged.
     */
    public int newBits(EventId id) {
        long h1 = h1(id);
        long h2 = h2(id);
        int[] seen = new int[hashes];
        int fresh = 0;
        for (int i = 0; i < hashes; i++) {
            int index = index(mix(h1 + i * h2));
            if ((words[index >>> 6] & (1L << index)) != 0) {
                continue;
            }
            boolean repeat = false;
            for (int j = 0; j < fresh; j++) {
                repeat |= seen[j] == index;
            }
            if (!repeat) {
                seen[fresh++] = index;
            }
        }
        return fresh;
    }

    /** ORs {@code other} into this filter: afterwards it contains everything either contained. */
    public void merge(BloomFilter other) {
        if (!isCompatible(other)) {
            throw new IllegalArgumentException("cannot merge a filter of " + other.bits + " bits / " + other.hashes
                    + " hashes into one of " + bits + " bits / " + hashes + " hashes");
        }
        for (int i = 0; i < words.length; i++) {
            words[i] |= other.words[i];
        }
    }

    public boolean isCompatible(BloomFilter other) {
        return other.bits == bits && other.hashes == hashes && other.salt == salt;
    }

    public int bitCount() {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The chance that an absent random id tests positive: (set bits / m)^k. */
    public double currentFpp() {
        return Math.pow(bitCount() / (double) bits, hashes);
    }

    public byte[] toBytes() {
        boolean salted = salt != 0;
        byte[] out = new byte[wireBytes(bits, salted)];
        out[0] = (byte) (hashes | (salted ? SALTED : 0));
        int start = 1;
        if (salted) {
            ByteBuffer.wrap(out, 1, 4).putInt(salt);
            start = 5;
        }
        for (int j = 0; j < bits / 8; j++) {
            out[start + j] = (byte) (words[j >>> 3] >>> ((j & 7) * 8));
        }
        return out;
    }

    /** Reads the wire form; throws IllegalArgumentException naming what is wrong. */
    public static BloomFilter fromBytes(byte[] in) {
        boolean salted = in.length > 0 && (in[0] & SALTED) != 0;
        int start = salted ? 5 : 1;
        if (in.length < start + 1) {
            throw new IllegalArgumentException("a filter needs at least " + (start + 1) + " bytes, got " + in.length);
        }
        int salt = salted ? ByteBuffer.wrap(in, 1, 4).getInt() : 0;
        BloomFilter filter = new BloomFilter((in.length - start) * 8, in[0] & HASH_MASK, salt);
        for (int j = 0; j < in.length - start; j++) {
            filter.words[j >>> 3] |= (in[start + j] & 0xffL) << ((j & 7) * 8);
        }
        return filter;
    }

    public BloomFilter copy() {
        BloomFilter copy = new BloomFilter(bits, hashes, salt);
        System.arraycopy(words, 0, copy.words, 0, words.length);
        return copy;
    }

    private long h1(EventId id) {
        return salt == 0 ? id.high() : mix(id.high() ^ salt);
    }

    private long h2(EventId id) {
        return salt == 0 ? id.low() : mix(id.low() + salt * 0x9e3779b97f4a7c15L);
    }

    /** SplitMix64's finaliser: inputs that differ in one bit differ in about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Lemire's multiply-shift: the top 32 bits of {@code hash} scaled to [0, m), without a division. */
    private int index(long hash) {
        return (int) (((hash >>> 32) * bits) >>> 32);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BloomFilter f && isCompatible(f) && Arrays.equals(f.words, words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words) * 31 + bits * 7 + hashes + salt;
    }
}
