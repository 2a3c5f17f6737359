package org.p2psim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.p2psim.bench.Benchmarks;
import org.p2psim.bench.SweepSpeedup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code p2psim bench [--runs N] [--only workloads|sweep] [--json]}: the fixed benchmark workloads next
 * to the per-packet floor, then the sweep speed-up on 1 and 2 threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run the benchmarks: fixed workloads in both crypto modes, in simulated seconds and packets"
                + " per wall second, next to the per-packet floor (sign, verify, open, BLAKE3, insert) measured in the same run;"
                + " then the same small sweep on 1 and on 2 threads: wall times, speed-up (target >= 1.8x on 2 cores) and whether"
                + " the two tables are identical (exit 1 if not). Takes a few minutes: real mode spends most of it in Ed25519.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", description = "measured runs per workload in fast mode (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--only", paramLabel = "PART", description = "only the workloads, or only the sweep speed-up (about half a minute)")
    String only;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new UsageException("--runs must be >= 1, was " + runs);
        }
        if (only != null && !only.equals("workloads") && !only.equals("sweep")) {
            throw new UsageException("--only must be workloads or sweep, was '" + only + "'");
        }
        Table table = "sweep".equals(only) ? null : Benchmarks.run(runs);
        SweepSpeedup sweep = "workloads".equals(only) ? null : SweepSpeedup.measure();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = table != null ? toJson(table) : new ObjectMapper().createObjectNode();
            if (sweep != null) {
                ObjectNode node = root.putObject("sweep");
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
            }
            Output.json(out, root);
        } else {
            if (table != null) {
                out.println(table.print());
            }
            if (sweep != null) {
                out.println(sweep.describe());
            }
        }
        if (sweep != null && !sweep.identical()) {
            spec.commandLine().getErr().println("p2psim bench: the sweep's tables differ between 1 and 2 threads");
            return Main.EXIT_FAILURE;
        }
        return Main.EXIT_OK;
    }

    private static ObjectNode toJson(Table table) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", table.name());
        ArrayNode rows = root.putArray("rows");
        for (Row row : table) {
            ObjectNode node = rows.addObject();
            for (String column : table.columnNames()) {
                Object value = table.column(column).get(row.getRowNumber());
                node.putPOJO(column, value);
            }
        }
        return root;
    }
}
