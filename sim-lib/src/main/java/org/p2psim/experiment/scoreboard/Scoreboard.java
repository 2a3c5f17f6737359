package org.p2psim.experiment.scoreboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.experiment.Sweep;
import org.p2psim.experiment.engine.SweepEngine;
import org.p2psim.experiment.engine.SweepEngines;
import org.p2psim.scenario.Scenario;
import org.p2psim.sync.oracle.OracleStrategy;
import org.p2psim.sync.registry.Strategies;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Every strategy on every built-in with expected outcomes, several seeds each: one
 * {@link Sweep} per scenario varying {@code sync.strategy} (so every run is exactly {@code p2psim run}'s,
 * on every core, and the result is the same for any thread count), summarised per (strategy, scenario)
 * as a {@link ScoreRow}.
 *
 * <pre>{@code
 * Scoreboard.Result r = Scoreboard.builtins().size("small").seeds(5).run();
 * r.table();                       // one row per (strategy, scenario)
 * r.writeTo(Path.of("runs/score")); // scoreboard.csv, runs.csv, scoreboard.json, scoreboard.html
 * }</pre>
 */
public final class Scoreboard {
    /** The metrics summarised with a confidence interval, in {@link ScoreRow} order. */
    static final List<String> METRICS = List.of("mean_completeness", "min_completeness", "bytes_over_floor", "sync_p50_s",
            "sync_p99_s", "duplicates", "round_trips_p50");

    private List<String> scenarios;
    private List<String> strategies = Strategies.names();
    private int seeds = 5;
    private String size = "small";
    private int threads = Runtime.getRuntime().availableProcessors();
    private Sweep.Progress progress = Sweep.Progress.NONE;
    private SweepEngine engine = SweepEngines.configured();

    private Scoreboard(List<String> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /** The built-ins that state expected outcomes, every registered strategy, seeds 1–5, small size. */
    public static Scoreboard builtins() {
        List<String> withExpectations = new ArrayList<>();
        for (String name : Scenario.builtins()) {
            if (!Scenario.load(name).expect().isEmpty()) {
                withExpectations.add(name);
            }
        }
        return new Scoreboard(withExpectations);
    }

    public Scoreboard scenarios(List<String> names) {
        names.forEach(Scenario::load); // a bad name fails now, naming the built-ins
        this.scenarios = List.copyOf(names);
        return this;
    }

    public Scoreboard strategies(List<String> names) {
        names.forEach(Strategies::get);
        this.strategies = List.copyOf(names);
        return this;
    }

    public Scoreboard seeds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, was " + count);
        }
        this.seeds = count;
        return this;
    }

    /** "small" (the scenarios' small blocks, as CI and notebooks run them) or "full". */
    public Scoreboard size(String value) {
        if (!value.equals("small") && !value.equals("full")) {
            throw new IllegalArgumentException("size must be small or full, was '" + value + "'");
        }
        this.size = value;
        return this;
    }

    public Scoreboard threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + n);
        }
        this.threads = n;
        return this;
    }

    /** Runs each scenario's sweep on {@code value} (null: this JVM's threads); see {@link Sweep#on}. */
    public Scoreboard on(SweepEngine value) {
        this.engine = value;
        return this;
    }

    /** Told after each run of each scenario's sweep. */
    public Scoreboard progress(Sweep.Progress listener) {
        this.progress = listener == null ? Sweep.Progress.NONE : listener;
        return this;
    }

    public List<String> scenarioNames() {
        return scenarios;
    }

    public List<String> strategyNames() {
        return strategies;
    }

    public int seedCount() {
        return seeds;
    }

    public String sizeName() {
        return size;
    }

    /** Runs every sweep and summarises it. */
    public Result run() {
        long start = System.nanoTime();
        List<ScoreRow> rows = new ArrayList<>();
        Table runs = null;
        for (String name : scenarios) {
            Table sweep = Sweep.of(Scenario.load(name).atSize(size)).vary("sync.strategy", strategies).seeds(seeds)
                    .threads(threads).progress(progress).on(engine).run();
            rows.addAll(summarise(name, sweep));
            Table tagged = sweep.copy();
            tagged.insertColumn(0, StringColumn.create("scenario", java.util.Collections.nCopies(sweep.rowCount(), name)));
            runs = runs == null ? tagged : appendAligned(runs, tagged);
        }
        return new Result(this, List.copyOf(rows), runs, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Appends {@code more} to {@code runs}, first giving each table the columns only the other has
     * (empty values): scenarios differ in their columns, e.g. {@code expectations_passed} only where
     * a scenario states expectations, NAT metrics only where it has NATs.
     */
    static Table appendAligned(Table runs, Table more) {
        addMissing(runs, more);
        addMissing(more, runs);
        return runs.append(more.reorderColumns(runs.columnNames().toArray(String[]::new)));
    }

    private static void addMissing(Table to, Table from) {
        for (Column<?> column : from.columns()) {
            if (!to.columnNames().contains(column.name())) {
                Column<?> empty = column.emptyCopy(to.rowCount());
                for (int r = 0; r < to.rowCount(); r++) {
                    empty.setMissing(r);
                }
                to.addColumns(empty);
            }
        }
    }

    private List<ScoreRow> summarise(String scenario, Table sweep) {
        List<String> present = METRICS.stream().filter(sweep.columnNames()::contains).toList();
        Table ci = Sweep.confidence(sweep, 0.95, present.toArray(String[]::new));
        Map<String, int[]> checks = new LinkedHashMap<>();
        boolean expectations = sweep.columnNames().contains(Sweep.EXPECTATIONS_PASSED);
        for (int r = 0; r < sweep.rowCount(); r++) {
            int[] c = checks.computeIfAbsent(sweep.stringColumn("sync.strategy").get(r), k -> new int[3]);
            if (expectations) {
                double passed = sweep.doubleColumn(Sweep.EXPECTATIONS_PASSED).getDouble(r);
                c[0] += (int) passed;
                c[1] += (int) (passed + sweep.doubleColumn(Sweep.EXPECTATIONS_FAILED).getDouble(r));
                c[2] += (int) sweep.doubleColumn(Sweep.ATTAINABLE_PASSED).getDouble(r);
            }
        }
        int oracleRow = ci.stringColumn("sync.strategy").indexOf(OracleStrategy.NAME);
        double oracleCompleteness = oracleRow < 0 ? Double.NaN : ci.doubleColumn("mean_completeness_mean").getDouble(oracleRow);
        double oracleMet = oracleRow < 0 ? Double.NaN : checks.get(OracleStrategy.NAME)[0];
        double oracleAttainableMet = oracleRow < 0 ? Double.NaN : checks.get(OracleStrategy.NAME)[2];
        List<ScoreRow> rows = new ArrayList<>();
        for (int r = 0; r < ci.rowCount(); r++) {
            String strategy = ci.stringColumn("sync.strategy").get(r);
            int row = r;
            java.util.function.BiFunction<String, String, Double> v = (m, part) ->
                    ci.columnNames().contains(m + part) ? ci.doubleColumn(m + part).getDouble(row) : Double.NaN;
            double completeness = v.apply("mean_completeness", "_mean");
            rows.add(new ScoreRow(scenario, strategy, ci.intColumn("runs").getInt(r), checks.get(strategy)[0], checks.get(strategy)[1],
                    oracleMet, checks.get(strategy)[2], oracleAttainableMet, completeness, v.apply("mean_completeness", "_ci"), completeness / oracleCompleteness,
                    v.apply("min_completeness", "_mean"), v.apply("min_completeness", "_ci"),
                    v.apply("bytes_over_floor", "_mean"), v.apply("bytes_over_floor", "_ci"),
                    v.apply("sync_p50_s", "_mean"), v.apply("sync_p50_s", "_ci"), v.apply("sync_p99_s", "_mean"), v.apply("sync_p99_s", "_ci"),
                    v.apply("duplicates", "_mean"), v.apply("duplicates", "_ci"),
                    v.apply("round_trips_p50", "_mean"), v.apply("round_trips_p50", "_ci")));
        }
        return rows;
    }

    /**
     * A finished scoreboard: the summary {@link #table()} (one row per strategy and scenario,
     * scenario-major), every run's row ({@link #runs()}: the sweeps' tables with a scenario column)
     * and the wall time it took.
     */
    public record Result(Scoreboard definition, List<ScoreRow> rows, Table runs, double wallSeconds) {
        /** The rows as a table, columns in snake case. */
        public Table table() {
            return RecordTable.of("scoreboard", ScoreRow.class, rows);
        }

        /** Writes scoreboard.csv, runs.csv, scoreboard.json and scoreboard.html into {@code dir} (created if needed). */
        public void writeTo(Path dir) {
            ScoreboardFiles.write(dir, this);
        }

        /** The share of the oracle's completeness, strategies × scenarios (NaN without an oracle). */
        public Table heatMap() {
            Table t = Table.create("share of the oracle's completeness");
            List<String> strategies = definition.strategyNames();
            t.addColumns(StringColumn.create("strategy", strategies));
            for (String scenario : definition.scenarioNames()) {
                DoubleColumn c = DoubleColumn.create(scenario);
                for (String strategy : strategies) {
                    c.append(cell(scenario, strategy).shareOfOracle());
                }
                t.addColumns(c);
            }
            return t;
        }

        ScoreRow cell(String scenario, String strategy) {
            for (ScoreRow row : rows) {
                if (row.scenario().equals(scenario) && row.strategy().equals(strategy)) {
                    return row;
                }
            }
            throw new IllegalArgumentException("no scoreboard row for " + strategy + " on " + scenario);
        }
    }
}
