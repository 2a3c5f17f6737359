package org.p2psim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.p2psim.bench.Benchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** {@code p2psim bench [--runs N] [--json]}: the fixed benchmark workloads next to the per-packet floor. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Run the benchmarks: fixed workloads in both crypto modes, in simulated seconds and packets",
            "per wall second, next to the per-packet floor (sign, verify, open, BLAKE3, insert) measured in the same run.",
            "Takes a few minutes: real mode spends most of it in Ed25519."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", description = "measured runs per workload in fast mode (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--json", description = "print the table as JSON")
    boolean json;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new UsageException("--runs must be >= 1, was " + runs);
        }
        Table table = Benchmarks.run(runs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, toJson(table));
        } else {
            out.println(table.print());
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
