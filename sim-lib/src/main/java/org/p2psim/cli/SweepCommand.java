package org.p2psim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2psim.experiment.Sweep;
import org.p2psim.experiment.engine.SweepEngines;
import org.p2psim.scenario.Overrides;
import org.p2psim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code p2psim sweep SCENARIO --vary key=v1,v2 ... [--seeds N] [--threads T] [--engine local|spark [--master URL]]
 * --out DIR [--json]}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, abbreviateSynopsis = true,
        description = {"Run a scenario over every combination of --vary values and seeds.",
            "Runs in parallel (or on Spark with --engine spark) and writes",
            "  DIR/sweep.csv       a row per run: the varied values, seed, every summary metric,",
            "                      traceSha256",
            "  DIR/sweep.json      the definition, and per combination the mean of every metric",
            "                      and the command that reruns each seed",
            "  DIR/scenario.yaml   the scenario before the varied values",
            "and prints the means per combination."},
        footer = {"", "Examples:", "  p2psim sweep two-peers --vary sync.bytes=250,500,1000 \\",
            "      --vary net.loss=0,0.1,0.2 --seeds 5 --out runs/sizes",
            "  p2psim sweep twenty-devices --set duration=10m \\",
            "      --vary 'net.latency={mean: 20ms, sd: 5ms},200ms' --out runs/lat --json"})
final class SweepCommand implements Callable<Integer> {
    /** Columns of the table printed for people: the means over seeds of these metrics. */
    static final List<String> SHOWN = List.of("convergence_s", "min_completeness", "bytes_sent", "bytes_over_floor", "duplicates");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a built-in name (p2psim run --list)",
            arity = "0..1")
    String scenario;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...",
            description = "run every value of a scenario field, given by its path as for --set; repeatable (the runs are"
                + " every combination). Values are YAML, split at commas outside [], {} and quotes; an empty value is the default.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "run seeds 1..N of every combination (default: the scenario's seed only)")
    String seeds;

    @Option(names = "--threads", paramLabel = "T", description = "runs in parallel (default: the number of cores)")
    String threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario field for every run, as for p2psim run; repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the sweep directory, new or empty")
    Path outDir;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "where the runs happen: local (this JVM's threads, the default) or spark (the sim-spark module;"
                    + " also writes sweep.parquet)")
    String engine = SweepEngines.LOCAL;

    @Option(names = "--master", paramLabel = "URL",
            description = "the engine's master, e.g. local[*] (default) or spark://host:7077; only with --engine spark")
    String master;

    @Option(names = "--force", description = "replace an earlier sweep directory at --out")
    boolean force;

    @Option(names = "--json", description = "print sweep.json (with the directory) instead of the table")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        if (scenario == null) {
            throw new UsageException("missing SCENARIO: a scenario file or a built-in name (" + String.join(", ", Scenario.builtins()) + ")");
        }
        Integer seedCount = seeds == null ? null : positive("--seeds", seeds);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : positive("--threads", threads);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String set : sets) {
            String[] kv = Overrides.split(set);
            overrides.remove(kv[0]);
            overrides.put(kv[0], kv[1]);
        }
        List<String[]> varied = new ArrayList<>();
        for (String v : vary) {
            varied.add(splitVary(v));
        }
        Sweep sweep = Sweep.of(scenario, overrides).threads(threadCount);
        if (!engine.equals(SweepEngines.LOCAL)) {
            try {
                sweep.on(SweepEngines.create(engine, master));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        } else if (master != null) {
            throw new UsageException("--master is for --engine spark; the local engine has none, was '" + master + "'");
        } else {
            sweep.on(null); // the command line says local, whatever -Dp2psim.engine says
        }
        for (String[] kv : varied) {
            sweep.vary(kv[0], values(kv[0], kv[1]));
        }
        if (seedCount != null) {
            sweep.seeds(seedCount);
        }
        Sweep.prepare(outDir, force);
        PrintWriter err = spec.commandLine().getErr();
        Bar bar = quiet ? null : new Bar(err, System.console() != null);
        if (bar != null) {
            sweep.progress(bar);
        }
        long start = System.nanoTime();
        Table table = sweep.runInto(outDir);
        double wall = (System.nanoTime() - start) / 1e9;
        if (bar != null) {
            bar.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("directory", outDir.toString());
            try {
                node.setAll((ObjectNode) new ObjectMapper().readTree(outDir.resolve(Sweep.JSON).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + outDir.resolve(Sweep.JSON), e);
            }
            Output.json(out, node);
        } else {
            printTable(out, sweep, table, wall);
        }
        return Main.EXIT_OK;
    }

    private static int positive(String option, String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number >= 1, was '" + text + "'");
        }
        if (n < 1) {
            throw new UsageException(option + " must be >= 1, was " + n);
        }
        return n;
    }

    /** "key=v1,v2" into key and the value list. */
    static String[] splitVary(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0 || assignment.substring(eq + 1).isEmpty()) {
            throw new UsageException("--vary must be key=v1,v2,... (e.g. net.loss=0,0.1,0.2), was '" + assignment + "'");
        }
        return new String[] {assignment.substring(0, eq).strip(), assignment.substring(eq + 1)};
    }

    /** Splits at commas outside brackets, braces and quotes: "0,{mean: 5ms, sd: 1ms}" is two values. */
    static List<String> values(String key, String list) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : list.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                result.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (quote != 0 || depth != 0) {
            throw new UsageException("--vary " + key + ": unbalanced " + (quote != 0 ? "quote" : "brackets") + " in '" + list + "'");
        }
        result.add(current.toString().strip());
        return result;
    }

    private void printTable(PrintWriter out, Sweep sweep, Table table, double wall) {
        int points = table.rowCount() / sweep.seedList().size();
        int seedCount = sweep.seedList().size();
        out.printf("%s: %d combination%s × %d seed%s = %d runs on %d thread%s in %s -> %s%n", sweep.scenario().name(), points,
                points == 1 ? "" : "s", seedCount, seedCount == 1 ? "" : "s", table.rowCount(),
                Math.min(sweep.threadCount(), table.rowCount()), Math.min(sweep.threadCount(), table.rowCount()) == 1 ? "" : "s",
                Output.seconds(wall), outDir);
        List<String> shown = new ArrayList<>(SHOWN);
        if (table.columnNames().contains(Sweep.EXPECTATIONS_PASSED)) {
            shown.add(Sweep.EXPECTATIONS_PASSED); // a scenario with expected outcomes: the checks met, on average
        }
        Table means = Sweep.means(table, shown.toArray(String[]::new));
        List<String> header = new ArrayList<>(means.columnNames());
        int convergedAt = header.indexOf("converged_runs");
        header.set(convergedAt, "converged");
        header.remove(convergedAt - 1); // runs: shown as converged k/N
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < means.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (String column : means.columnNames()) {
                if (column.equals("runs")) {
                    continue;
                }
                if (column.equals("converged_runs")) {
                    row.add(means.intColumn("converged_runs").getInt(r) + "/" + means.intColumn("runs").getInt(r));
                } else if (shown.contains(column)) {
                    row.add(Output.number(round(means.doubleColumn(column).getDouble(r))));
                } else {
                    row.add(means.column(column).getString(r));
                }
            }
            rows.add(row);
        }
        out.println("means over seeds:");
        Output.table(out, header, rows, "  ");
    }

    /** 4 significant digits, for a compact table. */
    private static double round(double v) {
        if (Double.isNaN(v) || v == 0 || Double.isInfinite(v)) {
            return v;
        }
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    }

    /**
     * Progress on stderr: on a terminal a bar redrawn in place; otherwise a line at every tenth of
     * the runs, once the sweep has taken {@link RunCommand#PROGRESS_AFTER_SECONDS}.
     */
    static final class Bar implements Sweep.Progress {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private int lastTenth;
        private boolean drawn;

        Bar(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void runDone(int done, int total, Sweep.Point point) {
            double wall = (System.nanoTime() - start) / 1e9;
            int tenth = done * 10 / total;
            if (terminal) {
                int filled = done * WIDTH / total;
                double left = wall / done * (total - done);
                err.printf(Locale.ROOT, "\rp2psim sweep: [%s%s] %d/%d runs, %s%s", "#".repeat(filled), "-".repeat(WIDTH - filled), done,
                        total, Output.seconds(wall), done < total ? ", about " + Output.seconds(left) + " left  " : "              ");
                drawn = true;
            } else if (done < total && tenth > lastTenth && wall > RunCommand.PROGRESS_AFTER_SECONDS) {
                err.printf(Locale.ROOT, "p2psim sweep: %3d %% (%d of %d runs, %s, about %s left)%n", done * 100 / total, done, total,
                        Output.seconds(wall), Output.seconds(RunCommand.eta(wall, (double) done / total)));
            }
            lastTenth = tenth;
            err.flush();
        }

        void finish() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }
    }
}
