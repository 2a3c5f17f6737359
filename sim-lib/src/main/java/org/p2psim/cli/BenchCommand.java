package org.p2psim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.p2psim.bench.Benchmarks;
import org.p2psim.bench.QueryBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code p2psim bench [--runs N] [--queries | --simulations] [--sizes N,...] [--queries-per-kind Q] [--json]}:
 * the fixed simulation workloads next to the per-packet floor, and the client's query speed on
 * large stores.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Run the benchmarks, both by default:",
            "  simulations: fixed workloads in both crypto modes, in simulated seconds and packets per wall second,",
            "    next to the per-packet floor (sign, verify, open, BLAKE3, insert) measured in the same run;",
            "  queries: the client's getMessages (a page of 50) and searchMessages on stores of 10 k, 100 k and",
            "    1 M messages, built afresh (build times go to stderr), median and 90th percentile per call.",
            "Takes several minutes: real mode spends most of it in Ed25519, the 1 M store in SQLite inserts."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", description = "measured runs per workload in fast mode (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--queries", description = "run only the query benchmark")
    boolean queriesOnly;

    @Option(names = "--simulations", description = "run only the simulation benchmark")
    boolean simulationsOnly;

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "store sizes of the query benchmark, in messages (default: 10000,100000,1000000)")
    List<Integer> sizes = new ArrayList<>(QueryBench.DEFAULT_SIZES);

    @Option(names = "--queries-per-kind", paramLabel = "Q",
            description = "measured calls per query kind and store size (default: ${DEFAULT-VALUE})")
    int queriesPerKind = 200;

    @Option(names = "--json", description = "print the tables as JSON")
    boolean json;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new UsageException("--runs must be >= 1, was " + runs);
        }
        if (queriesOnly && simulationsOnly) {
            throw new UsageException("--queries and --simulations exclude each other (neither runs both)");
        }
        if (queriesPerKind < 1) {
            throw new UsageException("--queries-per-kind must be >= 1, was " + queriesPerKind);
        }
        for (int n : sizes) {
            if (n < 1) {
                throw new UsageException("--sizes must be positive message counts, was " + n);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Table simulations = queriesOnly ? null : Benchmarks.run(runs);
        if (simulations != null && !json) {
            out.println(simulations.print());
            out.flush();
        }
        Table queries = simulationsOnly ? null : QueryBench.run(sizes, queriesPerKind, line -> {
            err.println(line);
            err.flush();
        });
        if (queries != null && !json) {
            if (simulations != null) {
                out.println();
            }
            out.println(queries.print());
        }
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            if (simulations != null) {
                root.set("simulations", toJson(simulations));
            }
            if (queries != null) {
                root.set("queries", toJson(queries));
            }
            Output.json(out, root);
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
