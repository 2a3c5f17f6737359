package org.p2psim.experiment;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.p2psim.experiment.engine.SweepEngine;
import org.p2psim.experiment.engine.SweepEngines;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.ScenarioFiles;
import org.p2psim.notebook.ProgressBar;
import org.p2psim.scenario.spec.Units;
import tech.tablesaw.api.Table;

/**
 * A parameter sweep: one scenario, some of its fields varied, each combination run with several
 * seeds, all results in one Tablesaw table.
 *
 * <pre>{@code
 * Table t = Sweep.of(Scenario.load("two-peers"))
 *         .vary("sync.bytes", 250, 500, 1000)
 *         .vary("net.loss", 0.0, 0.1, 0.2)
 *         .seeds(5)
 *         .run();                              // 3 × 3 × 5 = 45 runs on every core
 * }</pre>
 *
 * <p><b>Points.</b> The runs are the cartesian product of the varied values (the first
 * {@code vary} outermost) × the seeds (innermost). A varied path and each of its values are set
 * exactly as {@code --set path=value} or {@link Scenario#with(String, String)} would set them, and
 * are checked when given (together with the first value of each path varied before, so that
 * {@code vary("sync.strategy", "gossip-push").vary("sync.fanout", 2, 4)} is checked against
 * gossip-push): a bad path or value throws the scenario's own
 * {@link org.p2psim.scenario.ScenarioException}. A combination that is invalid only as a whole
 * fails when {@link #run} starts, before any run. Values are written as YAML text: numbers as
 * themselves ({@code 0.1}), durations as {@code 10s}, strings as they are.
 *
 * <p><b>The table.</b> One row per run, in point order: a column per varied path (named by the
 * path; integers, decimals, booleans or text, by what every value looks like), {@code seed}, every
 * metric of {@link org.p2psim.metrics.Metrics#summaryMap()} in its order, when the scenario has
 * expected outcomes ({@code expect:}) {@code expectations_passed} and {@code expectations_failed}
 * (checks met and missed by the run), and {@code traceSha256}.
 * Each run is its own {@link org.p2psim.Simulation}, built and run exactly as {@code p2psim run} builds and
 * runs it, so a row equals the summary of running that point alone.
 *
 * <p><b>Threads.</b> Runs go to a fixed pool of {@link #threads} threads (default: every core).
 * Runs share nothing, and results are put in point order whatever order they finish in, so the
 * table is the same for any thread count. Device files live in a temporary directory per run
 * (under {@link #scratch}, default the system's temporary directory), deleted when the run ends;
 * a sweep leaves no files behind unless written with {@link #runInto}.
 */
public final class Sweep {
    /** Files of a sweep directory ({@link #runInto}). */
    public static final String CSV = "sweep.csv";
    public static final String JSON = "sweep.json";
    public static final String SCENARIO = "scenario.yaml";
    /** Columns of a sweep of a scenario with expected outcomes: how many of its checks each run met and missed. */
    public static final String EXPECTATIONS_PASSED = "expectations_passed";
    public static final String EXPECTATIONS_FAILED = "expectations_failed";
    /** With them: how many of its checks each run met against the attainable thresholds (the seed's where none is stated). */
    public static final String ATTAINABLE_PASSED = "attainable_passed";

    private final Scenario base;
    private final Function<Map<String, String>, Scenario> loader;
    private final LinkedHashMap<String, List<String>> varied = new LinkedHashMap<>();
    private List<Long> seeds;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress = Progress.NONE;
    private Path scratch;
    private SweepEngine engine = SweepEngines.configured();

    private Sweep(Scenario base, Function<Map<String, String>, Scenario> loader) {
        this.base = base;
        this.loader = loader;
    }

    /** A sweep over {@code scenario}; its values are varied with {@link Scenario#with(Map)}. */
    public static Sweep of(Scenario scenario) {
        return new Sweep(scenario, overrides -> overrides.isEmpty() ? scenario : scenario.with(overrides));
    }

    /**
     * A sweep over a scenario file or built-in, with {@code sets} applied first: the same as
     * {@code p2psim sweep SCENARIO --set ...}; errors name the file as {@code p2psim run} does.
     */
    public static Sweep of(String nameOrPath, Map<String, String> sets) {
        ScenarioFiles.Raw raw = ScenarioFiles.read(nameOrPath).with(sets);
        return new Sweep(raw.bind(), overrides -> raw.with(overrides).bind());
    }

    public static Sweep of(String nameOrPath) {
        return of(nameOrPath, Map.of());
    }

    // ---- defining ----

    /**
     * Runs every one of {@code values} for the field at {@code path} ({@code "net.loss"},
     * {@code "sync.bytes"}, {@code "schedule[0].at"}). Numbers, booleans, strings (YAML text) and
     * {@link Duration}s are accepted, also as one array or list. Each value is checked at once.
     *
     * @throws org.p2psim.scenario.ScenarioException for a bad path or value, as {@code --set} says it
     * @throws SweepException when the path is varied twice, a value repeats, or no value is given
     */
    public Sweep vary(String path, Object... values) {
        List<Object> list = new ArrayList<>();
        if (values.length == 1 && values[0] != null && values[0].getClass().isArray()) {
            for (int i = 0; i < Array.getLength(values[0]); i++) {
                list.add(Array.get(values[0], i));
            }
        } else {
            Collections.addAll(list, values);
        }
        return vary(path, list);
    }

    /** As {@link #vary(String, Object...)}, with the values in a list. */
    public Sweep vary(String path, List<?> values) {
        if (path == null || path.isBlank()) {
            throw new SweepException("a varied field needs a path such as net.loss");
        }
        String key = path.strip();
        if (key.equals("seed")) {
            throw new SweepException("vary the seed with seeds(...) (--seeds N), not as the field 'seed'");
        }
        if (varied.containsKey(key)) {
            throw new SweepException(key + " is varied twice; give all its values in one vary");
        }
        if (values.isEmpty()) {
            throw new SweepException(key + " needs at least one value to vary over");
        }
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (Object value : values) {
            String text = yaml(value);
            if (!texts.add(text)) {
                throw new SweepException(key + " has the value '" + text + "' twice");
            }
            Map<String, String> one = firstValues();
            one.put(key, text);
            loader.apply(one); // checks path and value exactly as --set does, after the first values varied so far
        }
        varied.put(key, List.copyOf(texts));
        return this;
    }

    /** The first value of every path varied so far: the context a new path's values are checked in. */
    private Map<String, String> firstValues() {
        Map<String, String> first = new LinkedHashMap<>();
        varied.forEach((k, v) -> first.put(k, v.get(0)));
        return first;
    }

    /** Seeds 1 … {@code count} for every point (default: only the scenario's own seed). */
    public Sweep seeds(int count) {
        if (count < 1) {
            throw new SweepException("seeds must be >= 1, was " + count);
        }
        List<Long> list = new ArrayList<>();
        for (long s = 1; s <= count; s++) {
            list.add(s);
        }
        this.seeds = List.copyOf(list);
        return this;
    }

    /** These seeds, in this order, for every point. */
    public Sweep seeds(List<Long> values) {
        if (values.isEmpty()) {
            throw new SweepException("seeds needs at least one seed");
        }
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new SweepException("seeds " + values + " repeat a seed");
        }
        this.seeds = List.copyOf(values);
        return this;
    }

    /** Runs in parallel on {@code n} threads (default: {@code Runtime.availableProcessors()}). */
    public Sweep threads(int n) {
        if (n < 1) {
            throw new SweepException("threads must be >= 1, was " + n);
        }
        this.threads = n;
        return this;
    }

    /** Told after each run (on the thread that called {@link #run}); default: nothing. */
    public Sweep progress(Progress listener) {
        this.progress = listener == null ? Progress.NONE : listener;
        return this;
    }

    /** Where runs keep their device files while they run (a directory per run, deleted after it). */
    public Sweep scratch(Path dir) {
        this.scratch = dir;
        return this;
    }

    /**
     * Runs the points on {@code engine} instead of this JVM's threads ({@code null}: back to them;
     * the default is {@link SweepEngines#configured()}, so a JVM started with {@code -Dp2psim.engine=spark} uses Spark),
     * e.g. {@code Sweep.of(...).on(SparkEngine.local())} with the {@code sim-spark} module on the
     * classpath. The table is the same, row for row; {@link #runInto} also lets the engine save it.
     */
    public Sweep on(SweepEngine value) {
        this.engine = value;
        return this;
    }

    // ---- reading the definition ----

    /** The scenario before any varied value (with the {@code sets} of {@link #of(String, Map)}). */
    public Scenario scenario() {
        return base;
    }

    /** The varied paths and their values as YAML text, in {@code vary} order. */
    public Map<String, List<String>> varied() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        varied.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    public List<Long> seedList() {
        return seeds != null ? seeds : List.of(base.seedOrDefault());
    }

    public int threadCount() {
        return threads;
    }

    /** Every run of the sweep, in table order. */
    public List<Point> points() {
        List<Map<String, String>> combinations = combinations();
        List<Point> points = new ArrayList<>();
        for (Map<String, String> values : combinations) {
            for (long seed : seedList()) {
                points.add(new Point(points.size(), values, seed));
            }
        }
        return points;
    }

    /** How many runs: the product of the numbers of values × the number of seeds. */
    public int size() {
        int n = seedList().size();
        for (List<String> values : varied.values()) {
            n *= values.size();
        }
        return n;
    }

    private List<Map<String, String>> combinations() {
        List<Map<String, String>> result = new ArrayList<>();
        result.add(Map.of());
        for (Map.Entry<String, List<String>> e : varied.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> prefix : result) {
                for (String value : e.getValue()) {
                    LinkedHashMap<String, String> m = new LinkedHashMap<>(prefix);
                    m.put(e.getKey(), value);
                    next.add(Collections.unmodifiableMap(m));
                }
            }
            result = next;
        }
        return result;
    }

    // ---- running ----

    /** Runs every point and returns the table (see the class comment). */
    public Table run() {
        List<Point> points = points();
        // every combination's scenario first: a combination that is invalid only as a whole fails before any run
        Map<Map<String, String>, Scenario> scenarios = new LinkedHashMap<>();
        for (Point p : points) {
            scenarios.computeIfAbsent(p.values(), loader);
        }
        List<SweepRunner.Outcome> outcomes = engine == null ? SweepRunner.execute(points, scenarios, threads, shownProgress(), scratch)
                : SweepRunner.execute(points, scenarios, engine, shownProgress());
        return SweepTables.results(title(), varied, points, outcomes);
    }

    /**
     * Runs the sweep and writes {@code dir} ({@link #prepare} it first): {@value #CSV} (the table),
     * {@value #JSON} (the definition, wall time and the mean of every metric per point) and
     * {@value #SCENARIO} (the scenario before the varied values). Returns the table.
     */
    public Table runInto(Path dir) {
        prepare(dir, false);
        long start = System.nanoTime();
        Table table = run();
        double wall = (System.nanoTime() - start) / 1e9;
        SweepFiles.write(dir, this, table, wall);
        if (engine != null) {
            engine.save(table, dir);
        }
        return table;
    }

    /**
     * Makes {@code dir} ready for a sweep: it must not exist or be empty; with {@code replace}, an
     * earlier sweep directory (one holding {@value #CSV} or {@value #JSON}) is deleted first.
     */
    public static void prepare(Path dir, boolean replace) {
        SweepFiles.prepare(dir, replace);
    }

    private String title() {
        StringBuilder t = new StringBuilder("sweep of " + base.name() + ": ");
        varied.forEach((k, v) -> t.append(k).append(" (").append(v.size()).append(") × "));
        int n = seedList().size();
        return t.append(n).append(n == 1 ? " seed" : " seeds").toString();
    }

    /**
     * One row per point of a sweep table (rows with equal varied values, which are the columns
     * before {@code seed}), in first-appearance order: the varied values, {@code runs},
     * {@code converged_runs}, and the mean over the point's seeds of each of {@code metrics} (every
     * decimal column after {@code seed} when none is named, also columns added to the table),
     * NaN values left out (NaN when all are).
     */
    public static Table means(Table sweep, String... metrics) {
        return SweepTables.means(sweep, metrics);
    }

    /**
     * As {@link #means}, with the spread: per point and metric, {@code METRIC_mean}, {@code METRIC_ci}
     * (half-width of the two-sided {@code level} confidence interval of the mean, Student t with
     * n − 1 degrees of freedom; NaN for n < 2) and {@code METRIC_n} (the runs with a value: NaN
     * values, e.g. the convergence time of a run that did not converge, are left out).
     * {@code confidence(t, 0.95, "convergence_s", "bytes_over_floor")}.
     */
    public static Table confidence(Table sweep, double level, String... metrics) {
        return SweepTables.confidence(sweep, level, metrics);
    }

    /**
     * The table to show a reader: per point the varied values, {@code runs}, {@code converged_runs}
     * and, per metric, one column "mean (low–high)" with a 95 % percentile-bootstrap interval of
     * the mean (it stays within the values that occurred: no negative times); "not converged" when
     * no run of the point has a value. Text, for display: {@link #confidence} has the numbers.
     */
    public static Table intervals(Table sweep, String... metrics) {
        return SweepTables.intervals(sweep, metrics);
    }

    /** A value as the YAML text --set would be given. */
    static String yaml(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new SweepException("a varied value must be a finite number, was " + d);
            }
            String s = Double.toString(d);
            if (s.contains("E")) {
                s = new BigDecimal(s).toPlainString();
                s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", ".0") : s + ".0";
            }
            return s;
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Duration d) {
            return Units.formatDuration(d);
        }
        return value.toString().strip();
    }

    // ---- types ----

    /**
     * One run of the sweep: its row {@code index} in the table, the varied paths with their values
     * (YAML text), and the seed.
     */
    public record Point(int index, Map<String, String> values, long seed) {
        /** "sync.bytes=250, net.loss=0.1, seed 3". */
        public String label() {
            StringBuilder s = new StringBuilder();
            values.forEach((k, v) -> s.append(k).append('=').append(v).append(", "));
            return s.append("seed ").append(seed).toString();
        }
    }

    /** The listener set, or else in a notebook a progress bar under the cell ({@link ProgressBar}). */
    private Progress shownProgress() {
        if (progress != Progress.NONE) {
            return progress;
        }
        ProgressBar bar = ProgressBar.start(title());
        return (done, total, point) -> bar.update((double) done / total, done + " of " + total + " runs");
    }

    /** Told after each finished run, in the order runs finish. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, point) -> {};

        /** {@code done} of {@code total} runs have finished, the last one {@code point}. */
        void runDone(int done, int total, Point point);
    }
}
