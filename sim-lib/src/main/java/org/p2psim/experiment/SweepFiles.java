package org.p2psim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A sweep directory:
 *
 * <pre>
 * sweep.csv       the table of {@link Sweep#run()}: a row per run
 * sweep.json      scenario, varied values, seeds, runs, threads, wall_s, columns, and per point (a
 *                 combination of varied values) its runs, converged_runs, the mean over its seeds of
 *                 every metric (NaN values left out; null when all are NaN), its seeds'
 *                 traceSha256 and the command that reruns each seed alone
 * scenario.yaml   the scenario before the varied values: every --set applied, every field explicit
 * </pre>
 */
final class SweepFiles {
    private SweepFiles() {}

    static void prepare(Path dir, boolean replace) {
        OutputDirectory.prepare(dir, replace, "sweep", List.of(Sweep.CSV, Sweep.JSON));
    }

    static void write(Path dir, Sweep sweep, Table table, double wallSeconds) {
        table.write().csv(dir.resolve(Sweep.CSV).toFile());
        String header = "# The scenario of this sweep before its varied values: every --set applied, every field explicit.\n"
                + "# One run of the sweep: bin/p2psim run " + dir.resolve(Sweep.SCENARIO) + " --set PATH=VALUE ... --seed N\n"
                + "# (sweep.json lists the command of every run).\n";
        try {
            Files.writeString(dir.resolve(Sweep.SCENARIO), header + sweep.scenario().toYaml());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(Sweep.SCENARIO), e);
        }
        RunDirectory.writeJson(dir.resolve(Sweep.JSON), summary(dir, sweep, table, wallSeconds));
    }

    /** The content of sweep.json. */
    static ObjectNode summary(Path dir, Sweep sweep, Table table, double wallSeconds) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scenario", sweep.scenario().name());
        ObjectNode vary = root.putObject("vary");
        Map<String, List<String>> varied = sweep.varied();
        varied.forEach((path, values) -> {
            ArrayNode list = vary.putArray(path);
            values.forEach(v -> list.add(typed(table.column(path), v)));
        });
        ArrayNode seeds = root.putArray("seeds");
        sweep.seedList().forEach(seeds::add);
        root.put("runs", table.rowCount());
        root.put("threads", Math.min(sweep.threadCount(), table.rowCount()));
        root.put("wall_s", Math.round(wallSeconds * 1000) / 1000.0);
        ArrayNode columns = root.putArray("columns");
        table.columnNames().forEach(columns::add);

        List<Sweep.Point> all = sweep.points();
        List<String> metrics = metricNames(table, varied.size());
        int perPoint = sweep.seedList().size();
        ArrayNode points = root.putArray("points");
        for (int start = 0; start < table.rowCount(); start += perPoint) {
            ObjectNode point = points.addObject();
            ObjectNode values = point.putObject("values");
            all.get(start).values().forEach((path, v) -> values.set(path, typed(table.column(path), v)));
            point.put("runs", perPoint);
            int converged = 0;
            for (int r = start; r < start + perPoint; r++) {
                converged += table.doubleColumn("converged").getDouble(r) == 1.0 ? 1 : 0;
            }
            point.put("converged_runs", converged);
            ObjectNode mean = point.putObject("mean");
            for (String metric : metrics) {
                RunDirectory.putNumber(mean, metric, mean(table, metric, start, start + perPoint));
            }
            ArrayNode runs = point.putArray("seeds");
            for (int r = start; r < start + perPoint; r++) {
                ObjectNode run = runs.addObject();
                run.put("seed", all.get(r).seed());
                run.put("traceSha256", table.stringColumn("traceSha256").get(r));
                run.put("command", command(dir, all.get(r)));
            }
        }
        return root;
    }

    /** Mean of {@code metric} over rows [from, to), NaN values left out; NaN when all are. */
    static double mean(Table table, String metric, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int r = from; r < to; r++) {
            double v = table.doubleColumn(metric).getDouble(r);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The metric columns: everything between seed and traceSha256. */
    static List<String> metricNames(Table table, int variedCount) {
        List<String> names = table.columnNames();
        return names.subList(variedCount + 1, names.size() - 1);
    }

    /** A varied value as JSON of its column's type. */
    private static JsonNode typed(Column<?> column, String yaml) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (column.type().name()) {
            case "INTEGER" -> f.numberNode(Integer.parseInt(yaml));
            case "LONG" -> f.numberNode(Long.parseLong(yaml));
            case "DOUBLE" -> f.numberNode(Double.parseDouble(yaml));
            case "BOOLEAN" -> f.booleanNode(Boolean.parseBoolean(yaml));
            default -> f.textNode(yaml);
        };
    }

    /** "p2psim run DIR/scenario.yaml --set path=value ... --seed N", shell-quoted where needed. */
    static String command(Path dir, Sweep.Point point) {
        StringBuilder s = new StringBuilder("p2psim run ").append(quote(dir.resolve(Sweep.SCENARIO).toString()));
        point.values().forEach((path, value) -> s.append(" --set ").append(quote(path + "=" + value)));
        return s.append(" --seed ").append(point.seed()).toString();
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9._/=:,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
