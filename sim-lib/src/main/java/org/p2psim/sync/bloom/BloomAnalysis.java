package org.p2psim.sync.bloom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.p2psim.event.EventId;
import org.p2psim.metrics.ReconciliationFloor;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Studies of the filters themselves, without a network (notebook 02): the analytic false-positive
 * rate against measured, capacities, OR-accumulated against salted rounds, the archive case and
 * chosen ("mined") ids. Everything is deterministic: ids are drawn from a {@link SplittableRandom}
 * seeded by the caller, as BLAKE3 ids are uniform.
 *
 * <p>Filters are those of the seed's packets: {@link #filterBits(int)} is the unsalted filter that
 * fits a packet of that many bytes on the wire, header and signature included (3 256 bits for 500).
 */
public final class BloomAnalysis {
    /** Probability outside the analytic band on each side: 0.5 % + 0.5 % = a 99 % band. */
    static final double TAIL = 0.005;

    private BloomAnalysis() {}

    // ---- sizes and the formula ----

    /** Bits of the unsalted filter in a seed packet of {@code packetBytes} on the wire. */
    public static int filterBits(int packetBytes) {
        return BloomSeedParams.DEFAULTS.withPacketBytes(packetBytes).filterBits();
    }

    /** {@link BloomFilter#expectedFpp}: the analytic rate, stated once in {@link BloomFilter}. */
    public static double analyticFpr(int bits, int hashes, long items) {
        return BloomFilter.expectedFpp(bits, hashes, items);
    }

    /** {@link BloomFilter#capacity}: the most ids held at an analytic rate ≤ {@code target}. */
    public static long capacity(int bits, int hashes, double target) {
        return BloomFilter.capacity(bits, hashes, target);
    }

    /** The hash count (1 … 32) with the largest {@link #capacity} at {@code target}; the smaller k on a tie. */
    public static int bestHashes(int bits, double target) {
        int best = 1;
        for (int k = 2; k <= 32; k++) {
            if (capacity(bits, k, target) > capacity(bits, best, target)) {
                best = k;
            }
        }
        return best;
    }

    /** A uniformly random event id. */
    public static EventId randomId(SplittableRandom random) {
        byte[] bytes = new byte[EventId.BYTES];
        random.nextBytes(bytes);
        return EventId.fromBytes(bytes);
    }

    /**
     * The central 99 % of the positives among {@code tests} tests at rate {@code p}, as rates:
     * [q(0.005), q(0.995)] / tests of Binomial(tests, p).
     */
    public static double[] band99(int tests, double p) {
        if (p <= 0) {
            return new double[] {0, 0};
        }
        if (p >= 1) {
            return new double[] {1, 1};
        }
        BinomialDistribution b = new BinomialDistribution(null, tests, p);
        return new double[] {b.inverseCumulativeProbability(TAIL) / (double) tests,
            b.inverseCumulativeProbability(1 - TAIL) / (double) tests};
    }

    // ---- analytic against measured ----

    /**
     * Measured false-positive rates against the formula, for a filter of {@code packetBytes}, each
     * hash count of {@code hashes} and each load of {@code items} (ascending). For every (k, n),
     * {@code filters} independent filters are filled with random ids and each is tested with
     * {@code testsPerFilter} fresh random ids at every load (one filter serves every n as it fills),
     * so a point pools filters × testsPerFilter tests of ids the filter does not hold. Testing many
     * filters a few times each keeps the spread between filters out of the comparison with the
     * binomial band.
     *
     * <p>Columns: packet_bytes, bits, k, n, analytic, measured, tests, band99_lo, band99_hi (the
     * central 99 % of Binomial(tests, analytic), as rates), inside_band.
     */
    record FprRow(int packetBytes, int bits, int k, int n, double analytic, double measured, int tests,
                  double band99Lo, double band99Hi, boolean insideBand) {}

    public static Table measuredFpr(int packetBytes, int[] hashes, int[] items, int filters, int testsPerFilter, long seed) {
        int bits = filterBits(packetBytes);
        for (int i = 1; i < items.length; i++) {
            if (items[i] <= items[i - 1]) {
                throw new IllegalArgumentException("items must be ascending, were " + java.util.Arrays.toString(items));
            }
        }
        List<FprRow> rows = new ArrayList<>();
        SplittableRandom master = new SplittableRandom(seed);
        for (int k : hashes) {
            long[] positives = new long[items.length];
            SplittableRandom random = master.split();
            for (int f = 0; f < filters; f++) {
                BloomFilter filter = new BloomFilter(bits, k);
                int held = 0;
                for (int i = 0; i < items.length; i++) {
                    for (; held < items[i]; held++) {
                        filter.add(randomId(random));
                    }
                    for (int t = 0; t < testsPerFilter; t++) {
                        if (filter.mightContain(randomId(random))) {
                            positives[i]++;
                        }
                    }
                }
            }
            int tests = filters * testsPerFilter;
            for (int i = 0; i < items.length; i++) {
                double p = analyticFpr(bits, k, items[i]);
                double rate = positives[i] / (double) tests;
                double[] band = band99(tests, p);
                rows.add(new FprRow(packetBytes, bits, k, items[i], p, rate, tests, band[0], band[1],
                        rate >= band[0] && rate <= band[1]));
            }
        }
        return RecordTable.of("false-positive rate of a " + packetBytes + "-byte filter (" + bits + " bits): measured against analytic",
                FprRow.class, rows);
    }

    /**
     * What filters of the seed's packet sizes hold: per packet size and target rate, the best k and
     * the ids it holds, the ids with the seed's k = 7, and bits per id.
     */
    record CapacityRow(int packetBytes, int filterBits, double targetFpr, int bestK, long idsBestK, long idsK7, double bitsPerId) {}

    public static Table capacities(int[] packetBytes, double[] targets) {
        List<CapacityRow> rows = new ArrayList<>();
        for (int bytes : packetBytes) {
            int bits = filterBits(bytes);
            for (double p : targets) {
                int k = bestHashes(bits, p);
                long n = capacity(bits, k, p);
                rows.add(new CapacityRow(bytes, bits, p, k, n, capacity(bits, 7, p), bits / (double) n));
            }
        }
        return RecordTable.of("ids a filter holds at a target false-positive rate", CapacityRow.class, rows);
    }

    // ---- rounds: OR-accumulated against salted ----

    /**
     * Round after round, a peer B holding {@code held} random ids sends its filter to A, which holds
     * {@code missing} more that B lacks. A tests each id B still lacks against what it knows of B and
     * sends those that test negative; each send is lost with probability {@code loss}, and B stores
     * the rest. "fixed" is the seed: one hashing, and what A knows of B is the OR of B's filters,
     * which (B's set only grows) is B's current filter. "salted": each round's filter is hashed under
     * a fresh salt and A keeps only the newest. A sends every negative (no per-round cap), so what
     * remains is due to false positives and loss only.
     *
     * <p>One row per mode and round (1 … {@code rounds}): fpr (positives / tests of ids B lacked,
     * pooled over trials), missing_mean (ids B still lacks after the round, mean over trials),
     * trials_incomplete (share of trials in which B still lacks some).
     */
    record RoundRow(String mode, int round, double fpr, double missingMean, double trialsIncomplete) {}

    public static Table rounds(int bits, int hashes, int held, int missing, int rounds, int trials, double loss, long seed) {
        List<RoundRow> rows = new ArrayList<>();
        for (boolean salted : new boolean[] {false, true}) {
            long[] positives = new long[rounds];
            long[] tests = new long[rounds];
            long[] left = new long[rounds];
            int[] incompleteTrials = new int[rounds];
            SplittableRandom master = new SplittableRandom(seed);
            for (int trial = 0; trial < trials; trial++) {
                SplittableRandom random = master.split();
                List<EventId> atB = new ArrayList<>();
                BloomFilter fixed = new BloomFilter(bits, hashes);
                for (int i = 0; i < held; i++) {
                    EventId id = randomId(random);
                    atB.add(id);
                    fixed.add(id);
                }
                List<EventId> lacking = new ArrayList<>();
                for (int i = 0; i < missing; i++) {
                    lacking.add(randomId(random));
                }
                for (int r = 0; r < rounds; r++) {
                    BloomFilter knowledge = salted ? saltedFilter(bits, hashes, atB, random) : fixed;
                    List<EventId> still = new ArrayList<>();
                    for (EventId id : lacking) {
                        tests[r]++;
                        if (knowledge.mightContain(id)) {
                            positives[r]++;
                            still.add(id);
                        } else if (random.nextDouble() < loss) {
                            still.add(id);
                        } else {
                            atB.add(id);
                            fixed.add(id);
                        }
                    }
                    lacking = still;
                    left[r] += lacking.size();
                    incompleteTrials[r] += lacking.isEmpty() ? 0 : 1;
                }
            }
            for (int r = 0; r < rounds; r++) {
                rows.add(new RoundRow(salted ? "salted" : "fixed", r + 1, tests[r] == 0 ? Double.NaN : positives[r] / (double) tests[r],
                        left[r] / (double) trials, incompleteTrials[r] / (double) trials));
            }
        }
        return RecordTable.of("rounds of a " + bits + "-bit filter, k = " + hashes + ": B holds " + held + " ids and lacks " + missing
                + ", " + Math.round(loss * 100) + " % loss, " + trials + " trials", RoundRow.class, rows);
    }

    private static BloomFilter saltedFilter(int bits, int hashes, List<EventId> ids, SplittableRandom random) {
        int salt = 0;
        while (salt == 0) {
            salt = random.nextInt();
        }
        BloomFilter filter = new BloomFilter(bits, hashes, salt);
        ids.forEach(filter::add);
        return filter;
    }

    // ---- the archive ----

    /**
     * One filter of {@code bits} bits and {@code hashes} hashes holding {@code items} random ids:
     * the share of bits set, the analytic rate and the measured one over {@code tests} absent ids.
     */
    public record WholeArchive(int bits, int hashes, int items, double fill, double analytic, double measured, int tests) {}

    public static WholeArchive wholeArchive(int bits, int hashes, int items, int tests, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BloomFilter filter = new BloomFilter(bits, hashes);
        for (int i = 0; i < items; i++) {
            filter.add(randomId(random));
        }
        int positives = 0;
        for (int t = 0; t < tests; t++) {
            positives += filter.mightContain(randomId(random)) ? 1 : 0;
        }
        return new WholeArchive(bits, hashes, items, filter.bitCount() / (double) bits, analyticFpr(bits, hashes, items),
                positives / (double) tests, tests);
    }

    /**
     * Covering an archive of ids with filters that each keep a target rate: per archive size,
     * packet size and target, the ids one filter holds (best k), the filters (rounds) one pass over
     * the archive takes, as a round-robin over slices of the id space, and how long that pass lasts
     * with one round per {@code intervals} entry (e.g. the seed's 10 s recent and 10 min full levels).
     */
    record PassRow(long archiveIds, int packetBytes, double targetFpr, long idsPerFilter, long roundsPerPass) {}

    public static Table roundRobin(long[] archiveIds, int[] packetBytes, double[] targets, Duration... intervals) {
        List<PassRow> rows = new ArrayList<>();
        List<DoubleColumn> hours = new ArrayList<>();
        for (Duration d : intervals) {
            hours.add(DoubleColumn.create("pass_hours_every_" + label(d)));
        }
        for (long n : archiveIds) {
            for (int bytes : packetBytes) {
                int bits = filterBits(bytes);
                for (double p : targets) {
                    long capacity = capacity(bits, bestHashes(bits, p), p);
                    long rounds = (n + capacity - 1) / capacity;
                    rows.add(new PassRow(n, bytes, p, capacity, rounds));
                    for (int i = 0; i < intervals.length; i++) {
                        hours.get(i).append(rounds * intervals[i].toMillis() / 3.6e6);
                    }
                }
            }
        }
        Table t = RecordTable.of("one pass over an archive, a filter per round", PassRow.class, rows);
        hours.forEach(t::addColumns);
        return t;
    }

    /** "10s", "10min", "1h", "1.5s". */
    private static String label(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s";
    }

    /**
     * The reconciliation floor for {@code d} missing ids out of 2¹²⁸ (Minsky–Trachtenberg–Zippel),
     * per d: bytes, and 1 400-byte packets it would fill.
     */
    record FloorRow(long d, double floorIdBytes, double bitsPerId) {}

    public static Table differenceFloor(long... differences) {
        List<FloorRow> rows = new ArrayList<>();
        for (long x : differences) {
            double b = ReconciliationFloor.idBytes(x);
            rows.add(new FloorRow(x, b, x == 0 ? Double.NaN : b * 8 / x));
        }
        return RecordTable.of("bytes that name d missing ids (log2 C(2^128, d) / 8)", FloorRow.class, rows);
    }

    // ---- chosen ids ----

    /**
     * Ids chosen by brute force against a peer's accumulated (unsalted) filter, which holds
     * {@code honest} random ids; the attacker adds {@code poison} chosen ids (the peer stores them),
     * each the best of {@code candidatesPerId} random ids by its {@link BloomFilter#newBits}:
     * "fewest new bits" (ids the filter already seems to hold; here they change nothing) or "most new
     * bits" (ids that fill the filter as fast as possible), against "random" ids as the control. At
     * each count of {@code checkpoints} (ascending): the share of bits set, the rate at which
     * {@code tests} fresh honest ids the peer lacks test positive (measured, and (fill)^k), the mean
     * new bits per chosen id, the share of chosen ids that tested positive before the peer stored
     * them, and "salted": the same ids under a fresh salt, which the attacker could not know.
     */
    record PoisonRow(String ids, int chosenIds, double fill, double fprHonest, double fprFromFill, double newBitsPerId,
                     double chosenPositiveBeforeStored, double fprHonestSalted) {}

    public static Table poisoning(int bits, int hashes, int honest, int[] checkpoints, int candidatesPerId, int tests, long seed) {
        List<PoisonRow> rows = new ArrayList<>();
        String[] kinds = {"random", "fewest new bits", "most new bits"};
        for (int kind = 0; kind < kinds.length; kind++) {
            SplittableRandom random = new SplittableRandom(seed);
            BloomFilter filter = new BloomFilter(bits, hashes);
            List<EventId> all = new ArrayList<>();
            for (int i = 0; i < honest; i++) {
                EventId id = randomId(random);
                filter.add(id);
                all.add(id);
            }
            long newBitsSum = 0;
            int positives = 0;
            int added = 0;
            for (int checkpoint : checkpoints) {
                for (; added < checkpoint; added++) {
                    EventId chosen = choose(filter, kind, kind == 0 ? 1 : candidatesPerId, random);
                    int fresh = filter.newBits(chosen);
                    positives += fresh == 0 ? 1 : 0;
                    newBitsSum += fresh;
                    filter.add(chosen);
                    all.add(chosen);
                }
                SplittableRandom probe = new SplittableRandom(seed ^ 0x5eed_0000L ^ checkpoint);
                // arguments are evaluated left to right: the honest rate draws from probe before the salted one
                rows.add(new PoisonRow(kinds[kind], checkpoint, filter.bitCount() / (double) bits, rate(filter, tests, probe),
                        filter.currentFpp(), added == 0 ? Double.NaN : newBitsSum / (double) added,
                        added == 0 ? Double.NaN : positives / (double) added, rate(saltedFilter(bits, hashes, all, probe), tests, probe)));
            }
        }
        return RecordTable.of("chosen ids against a " + bits + "-bit filter (k = " + hashes + ") holding " + honest + " honest ids, best of "
                + candidatesPerId + " random ids each", PoisonRow.class, rows);
    }

    private static EventId choose(BloomFilter filter, int kind, int candidates, SplittableRandom random) {
        EventId best = null;
        int bestScore = 0;
        for (int c = 0; c < candidates; c++) {
            EventId id = randomId(random);
            int score = kind == 2 ? filter.newBits(id) : -filter.newBits(id);
            if (best == null || score > bestScore) {
                best = id;
                bestScore = score;
                if (kind == 2 ? score == filter.hashes() : score == 0) {
                    break; // cannot do better
                }
            }
        }
        return best;
    }

    /** Share of {@code tests} random ids that test positive. */
    private static double rate(BloomFilter filter, int tests, SplittableRandom random) {
        int positives = 0;
        for (int t = 0; t < tests; t++) {
            positives += filter.mightContain(randomId(random)) ? 1 : 0;
        }
        return positives / (double) tests;
    }
}
