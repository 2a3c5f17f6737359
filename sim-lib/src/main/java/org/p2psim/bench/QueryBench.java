package org.p2psim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.p2psim.client.Client;
import org.p2psim.client.Cursor;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.event.EventId;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.MessageRow;
import org.p2psim.store.StoredEvent;
import org.p2psim.table.RecordTable;
import org.p2psim.workload.Lorem;
import tech.tablesaw.api.Table;

/**
 * How fast the client answers on a device that holds many messages: {@code getMessages} (a page
 * of 50, the newest and one deep in history) and {@code searchMessages} (a common word, a rare one,
 * and a common word within one channel), on stores of 10 k, 100 k and 1 M messages.
 *
 * <p>Each store is built afresh in a temporary directory, directly through {@link DeviceStore}
 * (event row, {@code message_index} row and full-text entry per message, in the simulator's write
 * batches), not by simulating sync; nothing is cached across runs. The messages: 10 channels, 50
 * authors, lorem-ipsum texts of 20–200 characters, authored one to two seconds apart with one in
 * ten sharing its predecessor's microsecond (to exercise the tie-break), a reply every 20th
 * message, and the word "zephyr" in one message of 10 000. The ciphertext is random bytes of the
 * size the real sealed event would have (sealing does not change what the queries touch; building
 * a million real events would spend minutes in Ed25519).
 *
 * <p>Each query kind runs {@value #WARMUP} times unmeasured, then {@code queries} times measured;
 * the table reports the median and the 90th percentile of the wall time of one call, in ms.
 */
public final class QueryBench {
    public static final List<Integer> DEFAULT_SIZES = List.of(10_000, 100_000, 1_000_000);
    static final int PAGE = 50;
    static final int WARMUP = 30;
    static final int CHANNELS = 10;
    static final String RARE_WORD = "zephyr";
    /** Fixed plaintext bytes of a message event besides channel and text (header, lengths, reply flag, signature). */
    private static final int MESSAGE_OVERHEAD = 26 + 4 + 4 + 1 + 64 + CommunityKey.OVERHEAD;

    private QueryBench() {}

    public static void main(String[] args) {
        int queries = Integer.parseInt(System.getenv().getOrDefault("P2PSIM_BENCH_QUERIES", "200"));
        System.out.println(run(DEFAULT_SIZES, queries, System.err::println).print());
    }

    /** A row of the result: one query kind on a store of {@code messages} messages. */
    private record QueryRow(String query, int messages, @RecordTable.Name("build_s") double buildS,
                            @RecordTable.Name("median_ms") double medianMs, @RecordTable.Name("p90_ms") double p90Ms,
                            long rowsPerCall, int calls) {}

    /** One row per (store size, query kind). Progress lines (build times) go to {@code log}. */
    public static Table run(List<Integer> sizes, int queries, java.util.function.Consumer<String> log) {
        if (queries < 1) {
            throw new IllegalArgumentException("queries must be >= 1, was " + queries);
        }
        List<QueryRow> rows = new ArrayList<>();
        Path dir = tempDir();
        try {
            for (int n : sizes) {
                Path file = dir.resolve("bench-" + n + ".sqlite");
                long start = System.nanoTime();
                try (DeviceStore store = DeviceStore.create(file, "bench")) {
                    Corpus corpus = fill(store, n);
                    store.flush();
                    double buildSeconds = (System.nanoTime() - start) / 1e9;
                    log.accept(String.format(java.util.Locale.ROOT, "query bench: built a store of %,d messages in %.1f s (%,d bytes)", n,
                            buildSeconds, store.sizeOnDiskBytes()));
                    Client client = new Client(p -> {
                        throw new UnsupportedOperationException("the query benchmark only reads");
                    }, store);
                    for (Measured m : measure(client, corpus, queries)) {
                        rows.add(new QueryRow(m.kind, n, buildSeconds, m.percentile(0.5), m.percentile(0.9),
                                Math.round(m.meanRows()), queries));
                    }
                }
                deleteStore(file);
            }
        } finally {
            deleteQuietly(dir);
        }
        return RecordTable.of("client query speed (wall clock, one call; targets at 1 M: getMessages ≤ 1 ms, search ≤ 10 ms)",
                QueryRow.class, rows);
    }

    /** What the queries need to know about the store they run on. */
    record Corpus(String[] channels, long[] authoredTs, String[] ids, int[] channelOf) {}

    static Corpus fill(DeviceStore store, int n) {
        SplittableRandom random = new SplittableRandom(42);
        String[] channels = new String[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            channels[c] = "channel-" + c;
        }
        String[] authors = new String[50];
        for (int a = 0; a < authors.length; a++) {
            authors[a] = String.format("%032x", 0xa000 + a);
        }
        long[] ts = new long[n];
        String[] ids = new String[n];
        int[] channelOf = new int[n];
        byte[] id = new byte[EventId.BYTES];
        long t = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || random.nextInt(10) != 0) {
                t += 1_000_000 + random.nextLong(1_000_000);
            }
            random.nextBytes(id);
            String eventId = EventId.fromBytes(id).hex();
            int c = random.nextInt(CHANNELS);
            String text = Lorem.text(random, 20 + random.nextInt(181));
            if (random.nextInt(10_000) == 0) {
                text = text + " " + RARE_WORD;
            }
            String replyTo = i > 0 && i % 20 == 0 ? ids[random.nextInt(i)] : null;
            byte[] ciphertext = new byte[MESSAGE_OVERHEAD + channels[c].length() + text.length() + (replyTo == null ? 0 : 16)];
            random.nextBytes(ciphertext);
            store.insert(new StoredEvent(eventId, channels[c], t, t, ciphertext),
                    new MessageRow(eventId, channels[c], authors[random.nextInt(authors.length)], t, text, replyTo));
            ts[i] = t;
            ids[i] = eventId;
            channelOf[i] = c;
        }
        return new Corpus(channels, ts, ids, channelOf);
    }

    private static final class Measured {
        final String kind;
        final long[] nanos;
        long rows;
        int count;

        Measured(String kind, int n) {
            this.kind = kind;
            this.nanos = new long[n];
        }

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
        }

        double meanRows() {
            return count == 0 ? 0 : (double) rows / count;
        }
    }

    static List<Measured> measure(Client client, Corpus corpus, int queries) {
        SplittableRandom random = new SplittableRandom(7);
        String[] common = {"lorem", "dolor", "magna", "veniam", "culpa"};
        List<Measured> out = new ArrayList<>();
        out.add(time("getMessages newest 50", queries, random, (m, r) -> {
            m.rows += client.getMessages(corpus.channels[r.nextInt(CHANNELS)], PAGE).size();
        }));
        out.add(time("getMessages 50 before a cursor", queries, random, (m, r) -> {
            int i = r.nextInt(corpus.ids.length);
            m.rows += client.getMessages(corpus.channels[corpus.channelOf[i]], PAGE,
                    Cursor.before(corpus.authoredTs[i], corpus.ids[i])).size();
        }));
        out.add(time("searchMessages common word, 50", queries, random, (m, r) -> {
            m.rows += client.searchMessages(common[r.nextInt(common.length)], PAGE).size();
        }));
        out.add(time("searchMessages common word in a channel, 50", queries, random, (m, r) -> {
            m.rows += client.searchMessages(common[r.nextInt(common.length)], PAGE, corpus.channels[r.nextInt(CHANNELS)]).size();
        }));
        out.add(time("searchMessages rare word, 50", queries, random, (m, r) -> {
            m.rows += client.searchMessages(RARE_WORD, PAGE).size();
        }));
        out.add(time("searchMessages two words, 50", queries, random, (m, r) -> {
            m.rows += client.searchMessages(common[r.nextInt(common.length)] + " " + common[r.nextInt(common.length)], PAGE).size();
        }));
        return out;
    }

    interface Query {
        void run(Measured m, SplittableRandom random);
    }

    private static Measured time(String kind, int queries, SplittableRandom random, Query query) {
        Measured warm = new Measured(kind, WARMUP);
        for (int i = 0; i < WARMUP; i++) {
            query.run(warm, random);
        }
        Measured m = new Measured(kind, queries);
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            query.run(m, random);
            m.nanos[i] = System.nanoTime() - start;
            m.count++;
        }
        return m;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("p2psim-query-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteStore(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException ignored) {
                // a temporary file; the directory goes at the end anyway
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
