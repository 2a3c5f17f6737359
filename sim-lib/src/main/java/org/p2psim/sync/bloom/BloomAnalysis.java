package org.p2psim.sync.bloom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.p2psim.event.EventId;
import org.p2psim.metrics.ReconciliationFloor;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
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

    /** (1 − e^(−kn/m))^k. */
    public static double analyticFpr(int bits, int hashes, long items) {
        return BloomFilter.expectedFpp(bits, hashes, items);
    }

    /** The most ids {@code bits} bits with {@code hashes} hashes hold with an analytic rate ≤ {@code target}. */
    public static long capacity(int bits, int hashes, double target) {
        double n = -(double) bits / hashes * Math.log(1 - Math.pow(target, 1.0 / hashes));
        long floor = (long) Math.floor(n);
        while (floor > 0 && analyticFpr(bits, hashes, floor) > target) {
            floor--;
        }
        while (analyticFpr(bits, hashes, floor + 1) <= target) {
            floor++;
        }
        return floor;
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
    public static Table measuredFpr(int packetBytes, int[] hashes, int[] items, int filters, int testsPerFilter, long seed) {
        int bits = filterBits(packetBytes);
        for (int i = 1; i < items.length; i++) {
            if (items[i] <= items[i - 1]) {
                throw new IllegalArgumentException("items must be ascending, were " + java.util.Arrays.toString(items));
            }
        }
        IntColumn bytesColumn = IntColumn.create("packet_bytes");
        IntColumn bitsColumn = IntColumn.create("bits");
        IntColumn kColumn = IntColumn.create("k");
        IntColumn nColumn = IntColumn.create("n");
        DoubleColumn analytic = DoubleColumn.create("analytic");
        DoubleColumn measured = DoubleColumn.create("measured");
        IntColumn testsColumn = IntColumn.create("tests");
        DoubleColumn lo = DoubleColumn.create("band99_lo");
        DoubleColumn hi = DoubleColumn.create("band99_hi");
        BooleanColumn inside = BooleanColumn.create("inside_band");
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
                bytesColumn.append(packetBytes);
                bitsColumn.append(bits);
                kColumn.append(k);
                nColumn.append(items[i]);
                analytic.append(p);
                measured.append(rate);
                testsColumn.append(tests);
                lo.append(band[0]);
                hi.append(band[1]);
                inside.append(rate >= band[0] && rate <= band[1]);
            }
        }
        return Table.create("false-positive rate of a " + packetBytes + "-byte filter (" + bits + " bits): measured against analytic",
                bytesColumn, bitsColumn, kColumn, nColumn, analytic, measured, testsColumn, lo, hi, inside);
    }

    /**
     * What filters of the seed's packet sizes hold: per packet size and target rate, the best k and
     * the ids it holds, the ids with the seed's k = 7, and bits per id.
     */
    public static Table capacities(int[] packetBytes, double[] targets) {
        IntColumn bytesColumn = IntColumn.create("packet_bytes");
        IntColumn bitsColumn = IntColumn.create("filter_bits");
        DoubleColumn target = DoubleColumn.create("target_fpr");
        IntColumn bestK = IntColumn.create("best_k");
        LongColumn capacity = LongColumn.create("ids_best_k");
        LongColumn capacity7 = LongColumn.create("ids_k7");
        DoubleColumn bitsPerId = DoubleColumn.create("bits_per_id");
        for (int bytes : packetBytes) {
            int bits = filterBits(bytes);
            for (double p : targets) {
                int k = bestHashes(bits, p);
                long n = capacity(bits, k, p);
                bytesColumn.append(bytes);
                bitsColumn.append(bits);
                target.append(p);
                bestK.append(k);
                capacity.append(n);
                capacity7.append(capacity(bits, 7, p));
                bitsPerId.append(bits / (double) n);
            }
        }
        return Table.create("ids a filter holds at a target false-positive rate", bytesColumn, bitsColumn, target, bestK, capacity,
                capacity7, bitsPerId);
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
    public static Table rounds(int bits, int hashes, int held, int missing, int rounds, int trials, double loss, long seed) {
        StringColumn mode = StringColumn.create("mode");
        IntColumn round = IntColumn.create("round");
        DoubleColumn fpr = DoubleColumn.create("fpr");
        DoubleColumn missingMean = DoubleColumn.create("missing_mean");
        DoubleColumn incomplete = DoubleColumn.create("trials_incomplete");
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
                mode.append(salted ? "salted" : "fixed");
                round.append(r + 1);
                fpr.append(tests[r] == 0 ? Double.NaN : positives[r] / (double) tests[r]);
                missingMean.append(left[r] / (double) trials);
                incomplete.append(incompleteTrials[r] / (double) trials);
            }
        }
        return Table.create("rounds of a " + bits + "-bit filter, k = " + hashes + ": B holds " + held + " ids and lacks " + missing
                + ", " + Math.round(loss * 100) + " % loss, " + trials + " trials", mode, round, fpr, missingMean, incomplete);
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
    public static Table roundRobin(long[] archiveIds, int[] packetBytes, double[] targets, Duration... intervals) {
        LongColumn archive = LongColumn.create("archive_ids");
        IntColumn bytesColumn = IntColumn.create("packet_bytes");
        DoubleColumn target = DoubleColumn.create("target_fpr");
        LongColumn perFilter = LongColumn.create("ids_per_filter");
        LongColumn roundsColumn = LongColumn.create("rounds_per_pass");
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
                    archive.append(n);
                    bytesColumn.append(bytes);
                    target.append(p);
                    perFilter.append(capacity);
                    roundsColumn.append(rounds);
                    for (int i = 0; i < intervals.length; i++) {
                        hours.get(i).append(rounds * intervals[i].toMillis() / 3.6e6);
                    }
                }
            }
        }
        Table t = Table.create("one pass over an archive, a filter per round", archive, bytesColumn, target, perFilter, roundsColumn);
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
    public static Table differenceFloor(long... differences) {
        LongColumn d = LongColumn.create("d");
        DoubleColumn bytes = DoubleColumn.create("floor_id_bytes");
        DoubleColumn bitsPerId = DoubleColumn.create("bits_per_id");
        for (long x : differences) {
            double b = ReconciliationFloor.idBytes(x);
            d.append(x);
            bytes.append(b);
            bitsPerId.append(x == 0 ? Double.NaN : b * 8 / x);
        }
        return Table.create("bytes that name d missing ids (log2 C(2^128, d) / 8)", d, bytes, bitsPerId);
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
    public static Table poisoning(int bits, int hashes, int honest, int[] checkpoints, int candidatesPerId, int tests, long seed) {
        StringColumn attack = StringColumn.create("ids");
        IntColumn count = IntColumn.create("chosen_ids");
        DoubleColumn fill = DoubleColumn.create("fill");
        DoubleColumn measured = DoubleColumn.create("fpr_honest");
        DoubleColumn fromFill = DoubleColumn.create("fpr_from_fill");
        DoubleColumn newBits = DoubleColumn.create("new_bits_per_id");
        DoubleColumn positiveBefore = DoubleColumn.create("chosen_positive_before_stored");
        DoubleColumn salted = DoubleColumn.create("fpr_honest_salted");
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
                attack.append(kinds[kind]);
                count.append(checkpoint);
                fill.append(filter.bitCount() / (double) bits);
                measured.append(rate(filter, tests, probe));
                fromFill.append(filter.currentFpp());
                newBits.append(added == 0 ? Double.NaN : newBitsSum / (double) added);
                positiveBefore.append(added == 0 ? Double.NaN : positives / (double) added);
                salted.append(rate(saltedFilter(bits, hashes, all, probe), tests, probe));
            }
        }
        return Table.create("chosen ids against a " + bits + "-bit filter (k = " + hashes + ") holding " + honest + " honest ids, best of "
                + candidatesPerId + " random ids each", attack, count, fill, measured, fromFill, newBits, positiveBefore, salted);
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
