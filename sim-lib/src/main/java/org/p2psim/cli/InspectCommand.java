package org.p2psim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.p2psim.inspect.Inspection;
import org.p2psim.inspect.InspectException;
import org.p2psim.inspect.Tables;
import org.p2psim.store.ReadOnlySql;
import org.p2psim.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code p2psim inspect DIR (--state | --sql QUERY --device D | --compare A B | --network | --device D)}: looks into
 * a finished run directory and prints JSON (seed 004 §9 and §12, for automated testers). Bad input
 * (not a run directory, an unknown device, an SQL error) is one line on stderr with exit 2.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Look into a run directory written by p2psim run, and print JSON:",
            "  --state              the whole state: devices, network, metrics",
            "  --sql QUERY --device D   a read-only SQL query on device D's store (rows as objects)",
            "  --compare A B        events only A holds, only B holds, and how many both hold, by kind",
            "  --network            the connection matrix (who reaches whom at the end, and why not; with NATs each",
            "                       pair's path: direct, punched, relayed or none, and each side's NAT) and a metrics snapshot",
            "  --device D           one device: held events, traffic, and with NATs its NAT, bindings and paths"})
final class InspectCommand implements Callable<Integer> {
    /** How long one --sql statement may run, rows streamed included. */
    static final java.time.Duration SQL_TIME_LIMIT = java.time.Duration.ofSeconds(30);

    /** Rows printed for --sql unless --limit says otherwise. */
    static final int DEFAULT_ROWS = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a run directory written by p2psim run")
    Path dir;

    @Option(names = "--state", description = "the whole state as JSON")
    boolean state;

    @Option(names = "--sql", paramLabel = "QUERY", description = "a read-only SQL query (with --device)")
    String sql;

    @Option(names = "--compare", arity = "2", paramLabel = "DEVICE", description = "two devices to compare")
    String[] compare;

    @Option(names = "--network", description = "the connection matrix and a metrics snapshot")
    boolean network;

    @Option(names = "--device", paramLabel = "D", description = "the device whose store --sql queries; alone: that device's view")
    String device;

    @Option(names = "--limit", paramLabel = "N", description = "rows (--sql) or events per side (--compare) listed; default 1000")
    Integer limit;

    @Option(names = "--json", description = "JSON output (always on; accepted for symmetry with the other commands)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (limit != null && limit < 0) {
            throw new UsageException("--limit must be >= 0, was " + limit);
        }
        int max = limit == null ? DEFAULT_ROWS : limit;
        int forms = (state ? 1 : 0) + (sql != null ? 1 : 0) + (compare != null ? 1 : 0) + (network ? 1 : 0);
        boolean deviceView = forms == 0 && device != null;
        if (forms != 1 && !deviceView) {
            throw new UsageException((forms == 0 ? "say what to inspect: " : "one form at a time: ")
                    + "--state, --sql QUERY --device D, --compare A B or --network");
        }
        if (device != null && sql == null && !deviceView) {
            throw new UsageException("--device goes with --sql only");
        }
        Inspection in = Inspection.of(dir);
        try {
            if (sql != null) {
                if (device == null) {
                    throw new UsageException("--sql needs --device D (devices: " + String.join(", ", in.devices()) + ")");
                }
                Output.json(out, sql(in, max));
            } else if (compare != null) {
                Output.json(out, in.compare(compare[0], compare[1]).json(max));
            } else if (deviceView) {
                Output.json(out, in.deviceJson(device));
            } else if (network) {
                Output.json(out, in.network().json());
            } else {
                Output.json(out, in.stateJson());
            }
        } catch (InspectException | StoreException e) {
            throw new UsageException(e.getMessage());
        }
        return Main.EXIT_OK;
    }

    private ObjectNode sql(Inspection in, int max) {
        ReadOnlySql.Rows result = in.sql(device, sql, new ReadOnlySql.Limits(max, SQL_TIME_LIMIT));
        Table t = result.table();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("device", device);
        node.put("query", sql);
        ArrayNode columns = node.putArray("columns");
        t.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type().name().toLowerCase()));
        if (result.truncated()) {
            node.putNull("row_count"); // the rest is not read: --limit limits the work, not only the output
        } else {
            node.put("row_count", t.rowCount());
        }
        node.put("truncated", result.truncated());
        ArrayNode rows = Tables.rowsJson(t);
        node.put("listed", rows.size());
        node.set("rows", rows);
        return node;
    }
}
