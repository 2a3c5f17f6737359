package org.p2psim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.p2psim.bench.Benchmarks;
import org.p2psim.bench.LookaheadSpeedup;
import org.p2psim.bench.QueryBench;
import org.p2psim.bench.ScaleBench;
import org.p2psim.bench.SweepSpeedup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code p2psim bench [--only simulations|sweep|threads|queries|fuzz|scale] [--runs N] [--sizes N,...] [--queries-per-kind Q]
 * [--devices N,...] [--json]}:
 * the fixed simulation workloads next to the per-packet floor, the sweep speed-up on 1 and 2 threads,
 * the client's query speed on large stores, and (only with {@code --only scale}) how a run scales with devices.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, abbreviateSynopsis = true,
        description = {"Run the benchmarks, all but scale by default:",
            "  simulations: fixed workloads in both crypto modes, in simulated seconds and packets per wall second,",
            "    next to the per-packet floor (sign, verify, open, BLAKE3, store a message) measured in the same run;",
            "  sweep: the same small sweep on 1 and on 2 threads: wall times, speed-up (target >= 1.8x on 2 cores) and",
            "    whether the two tables are identical (exit 1 if not);",
            "  threads: one real-signature run with signature checks and event openings ahead on 1 and on 2 threads",
            "    (-Dp2psim.threads; only pure functions of bytes go ahead, consumed in event order):",
            "    packets per second, speed-up (target >= 1.6x on 2 cores) and whether the traces are identical (exit 1 if not);",
            "  queries: the client's getMessages (a page of 50) and searchMessages on stores of 10 k, 100 k and",
            "    1 M messages, built afresh (build times go to stderr), median and 90th percentile per call;",
            "  fuzz: about a million hostile packets, sealed events and scenario texts, counted by the reason each",
            "    was refused (exit 1 if any crashed);",
            "  scale (only with --only scale): twenty-devices with 100, 200, 400 and 1000 devices for 10 simulated",
            "    minutes, each in its own JVM: wall and CPU time, packets/s, peak heap and resident set per device.",
            "Takes several minutes: real mode spends most of it in Ed25519, the 1 M store in SQLite inserts."})
final class BenchCommand implements Callable<Integer> {
    private static final List<String> PARTS = List.of("simulations", "sweep", "threads", "queries", "fuzz", "scale");

    @Spec
    CommandSpec spec;

    @Option(names = "--only", paramLabel = "PART", description = "one part only: simulations, sweep, threads, queries, fuzz or scale")
    String only;

    @Option(names = "--runs", description = "measured runs per simulation workload in fast mode (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "store sizes of the query benchmark, in messages (default: 10000,100000,1000000)")
    List<Integer> sizes = new ArrayList<>(QueryBench.DEFAULT_SIZES);

    @Option(names = "--queries-per-kind", paramLabel = "Q",
            description = "measured calls per query kind and store size (default: ${DEFAULT-VALUE})")
    int queriesPerKind = 200;

    @Option(names = "--devices", split = ",", paramLabel = "N",
            description = "device counts of the scale benchmark (default: 100,200,400,1000)")
    List<Integer> devices = new ArrayList<>(ScaleBench.DEFAULT_SIZES);

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectNode root = new ObjectMapper().createObjectNode();
        if (runs("simulations")) {
            report(out, root, "simulations", Benchmarks.run(runs));
        }
        SweepSpeedup sweep = runs("sweep") ? SweepSpeedup.measure() : null;
        if (sweep != null) {
            if (json) {
                root.set("sweep", sweepJson(sweep));
            } else {
                out.println(sweep.describe());
                out.flush();
            }
        }
        LookaheadSpeedup lookahead = runs("threads") ? LookaheadSpeedup.measure() : null;
        if (lookahead != null) {
            if (json) {
                root.putPOJO("threads", lookahead);
            } else {
                out.println(lookahead.describe());
                out.flush();
            }
        }
        if (runs("queries")) {
            report(out, root, "queries", QueryBench.run(sizes, queriesPerKind, line -> {
                err.println(line);
                err.flush();
            }));
        }
        if (runs("fuzz") && fuzz(out, root) > 0) {
            err.println("p2psim bench: fuzzing found inputs that crashed (crash/… above)");
            return Main.EXIT_FAILURE;
        }
        if ("scale".equals(only)) {
            report(out, root, "scale", ScaleBench.run(devices, line -> {
                err.println(line);
                err.flush();
            }));
        }
        if (json) {
            Output.json(out, root);
        }
        if (lookahead != null && !lookahead.identical()) {
            err.println("p2psim bench: the run's traces differ between 1 and 2 signature threads");
            return Main.EXIT_FAILURE;
        }
        if (sweep != null && !sweep.identical()) {
            err.println("p2psim bench: the sweep's tables differ between 1 and 2 threads");
            return Main.EXIT_FAILURE;
        }
        return Main.EXIT_OK;
    }

    private void validate() {
        if (only != null && !PARTS.contains(only)) {
            throw new UsageException("--only must be one of " + PARTS + ", was '" + only + "'");
        }
        if (runs < 1) {
            throw new UsageException("--runs must be >= 1, was " + runs);
        }
        if (queriesPerKind < 1) {
            throw new UsageException("--queries-per-kind must be >= 1, was " + queriesPerKind);
        }
        for (int n : devices) {
            if (n < 2) {
                throw new UsageException("--devices must be device counts >= 2, was " + n);
            }
        }
        for (int n : sizes) {
            if (n < 1) {
                throw new UsageException("--sizes must be positive message counts, was " + n);
            }
        }
    }

    /** Cases of each kind per fuzz run: packets and events FUZZ_CASES each, scenarios a tenth: 1.05 million in all. */
    static final long FUZZ_CASES = 500_000;

    /** The fuzz part: counts by outcome; returns how many cases crashed. */
    private long fuzz(PrintWriter out, ObjectNode root) {
        java.util.Map<String, Long> counts = org.p2psim.bench.Fuzz.run(FUZZ_CASES, 1);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (json) {
            ObjectNode node = root.putObject("fuzz");
            node.put("cases", total);
            counts.forEach(node::put);
        } else {
            out.println("fuzz: " + total + " hostile inputs, by outcome");
            counts.forEach((k, v) -> out.printf("  %-28s %,10d%n", k, v));
            out.flush();
        }
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith("crash/")).mapToLong(java.util.Map.Entry::getValue).sum();
    }

    private boolean runs(String part) {
        return only == null || only.equals(part);
    }

    private void report(PrintWriter out, ObjectNode root, String name, Table table) {
        if (json) {
            root.set(name, toJson(table));
        } else {
            out.println(table.print());
            out.println();
            out.flush();
        }
    }

    private static ObjectNode sweepJson(SweepSpeedup sweep) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("runs", sweep.runs());
        node.put("cores", sweep.cores());
        node.put("one_thread_s", sweep.oneThreadSeconds());
        node.put("two_threads_s", sweep.twoThreadSeconds());
        node.put("speedup", sweep.ratio());
        node.put("one_thread_cores_busy", sweep.oneThreadCores());
        node.put("two_threads_cores_busy", sweep.twoThreadCores());
        node.put("target", SweepSpeedup.TARGET);
        node.put("identical", sweep.identical());
        if (!Double.isNaN(sweep.loadAverage())) {
            node.put("load_average", sweep.loadAverage());
        }
        return node;
    }

    private static ObjectNode toJson(Table table) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", table.name());
        ArrayNode rows = root.putArray("rows");
        for (Row row : table) {
            ObjectNode node = rows.addObject();
            for (String column : table.columnNames()) {
                node.putPOJO(column, table.column(column).get(row.getRowNumber()));
            }
        }
        return root;
    }
}
