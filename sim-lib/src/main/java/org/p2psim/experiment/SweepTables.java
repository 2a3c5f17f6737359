package org.p2psim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.commons.math3.distribution.TDistribution;
import org.p2psim.experiment.Sweep.Point;
import org.p2psim.table.Interval;
import org.p2psim.table.Readable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The tables of a sweep: its results, one row per run ({@link Sweep#run}), and their aggregates
 * over the seeds, one row per point ({@link Sweep#means}, {@link Sweep#confidence}).
 */
final class SweepTables {
    private SweepTables() {}

    /** The table of a sweep's runs, one row per run in point order (see {@link Sweep}), titled {@code title}. */
    static Table results(String title, Map<String, List<String>> varied, List<Point> points, List<SweepRunner.Outcome> outcomes) {
        List<Column<?>> columns = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : varied.entrySet()) {
            List<String> column = new ArrayList<>();
            for (Point p : points) {
                column.add(p.values().get(e.getKey()));
            }
            columns.add(typedColumn(e.getKey(), e.getValue(), column));
        }
        LongColumn seedColumn = LongColumn.create("seed");
        points.forEach(p -> seedColumn.append(p.seed()));
        columns.add(seedColumn);
        Map<String, DoubleColumn> metrics = new LinkedHashMap<>();
        for (String name : outcomes.get(0).metrics().keySet()) {
            metrics.put(name, DoubleColumn.create(name));
        }
        StringColumn trace = StringColumn.create("traceSha256");
        for (SweepRunner.Outcome o : outcomes) {
            metrics.forEach((name, column) -> {
                Double v = o.metrics().get(name);
                column.append(v == null ? Double.NaN : v);
            });
            trace.append(o.traceSha256());
        }
        columns.addAll(metrics.values());
        if (outcomes.stream().anyMatch(o -> o.checks() > 0)) {
            // decimal like every metric column, so that means, confidence intervals and sweep.json take them too
            DoubleColumn passed = DoubleColumn.create(Sweep.EXPECTATIONS_PASSED);
            DoubleColumn failed = DoubleColumn.create(Sweep.EXPECTATIONS_FAILED);
            DoubleColumn attainable = DoubleColumn.create(Sweep.ATTAINABLE_PASSED);
            for (SweepRunner.Outcome o : outcomes) {
                passed.append(o.passed());
                failed.append(o.checks() - o.passed());
                attainable.append(o.attainablePassed());
            }
            columns.add(passed);
            columns.add(failed);
            columns.add(attainable);
        }
        columns.add(trace);
        return Table.create(title, columns.toArray(Column<?>[]::new));
    }

    /** Integers, decimals or booleans when every value of the path reads as one; text otherwise. */
    static Column<?> typedColumn(String name, List<String> distinct, List<String> values) {
        if (distinct.stream().allMatch(v -> v.matches("-?\\d{1,9}"))) {
            return IntColumn.create(name, values.stream().mapToInt(Integer::parseInt).toArray());
        }
        if (distinct.stream().allMatch(v -> v.matches("-?\\d{1,18}"))) {
            return LongColumn.create(name, values.stream().mapToLong(Long::parseLong).toArray());
        }
        if (distinct.stream().allMatch(v -> v.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"))) {
            return DoubleColumn.create(name, values.stream().mapToDouble(Double::parseDouble).toArray());
        }
        if (distinct.stream().allMatch(v -> v.equals("true") || v.equals("false"))) {
            BooleanColumn column = BooleanColumn.create(name);
            values.forEach(v -> column.append(Boolean.parseBoolean(v)));
            return column;
        }
        return StringColumn.create(name, values);
    }

    // ---- aggregates over seeds ----

    /** The varied columns, the chosen metrics and the rows of each point, in first-appearance order. */
    private record Points(Table sweep, List<String> keys, List<String> metrics, List<List<Integer>> rows) {
        static Points of(Table sweep, String... metrics) {
            List<String> names = sweep.columnNames();
            int seedAt = names.indexOf("seed");
            if (seedAt < 0 || !names.contains("converged")) {
                throw new IllegalArgumentException("not a sweep table (it needs the columns seed and converged): " + names);
            }
            List<String> keys = names.subList(0, seedAt);
            List<String> numeric = new ArrayList<>();
            for (String name : names.subList(seedAt + 1, names.size())) {
                if (sweep.column(name) instanceof DoubleColumn) {
                    numeric.add(name);
                }
            }
            List<String> chosen = metrics.length > 0 ? List.of(metrics) : numeric;
            for (String m : chosen) {
                if (!numeric.contains(m)) {
                    throw new IllegalArgumentException("no decimal column '" + m + "' after seed in the sweep table");
                }
            }
            LinkedHashMap<List<String>, List<Integer>> groups = new LinkedHashMap<>();
            for (int r = 0; r < sweep.rowCount(); r++) {
                List<String> key = new ArrayList<>();
                for (String k : keys) {
                    key.add(sweep.column(k).getString(r));
                }
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
            }
            return new Points(sweep, keys, chosen, new ArrayList<>(groups.values()));
        }

        /** The varied values, runs and converged_runs, one row per point. */
        Table start(String title) {
            int[] firstRows = rows.stream().mapToInt(r -> r.get(0)).toArray();
            Table result = Table.create(title);
            for (String k : keys) {
                result.addColumns(sweep.column(k).subset(firstRows));
            }
            IntColumn runs = IntColumn.create("runs");
            IntColumn converged = IntColumn.create("converged_runs");
            for (List<Integer> point : rows) {
                runs.append(point.size());
                converged.append((int) point.stream().filter(r -> sweep.doubleColumn("converged").getDouble(r) == 1.0).count());
            }
            return result.addColumns(runs, converged);
        }

        /** The non-NaN values of {@code metric} at one point. */
        double[] values(String metric, List<Integer> point) {
            return point.stream().mapToDouble(r -> sweep.doubleColumn(metric).getDouble(r)).filter(v -> !Double.isNaN(v)).toArray();
        }

        void forEach(String metric, BiConsumer<String, double[]> perPoint) {
            rows.forEach(point -> perPoint.accept(metric, values(metric, point)));
        }
    }

    static Table means(Table sweep, String... metrics) {
        Points p = Points.of(sweep, metrics);
        Table result = p.start("means over seeds of " + sweep.name());
        for (String m : p.metrics()) {
            DoubleColumn column = DoubleColumn.create(m);
            p.forEach(m, (name, v) -> column.append(mean(v)));
            result.addColumns(column);
        }
        return result;
    }

    static Table confidence(Table sweep, double level, String... metrics) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must be in (0, 1), was " + level);
        }
        Points p = Points.of(sweep, metrics);
        Table result = p.start(Math.round(level * 100) + " % confidence intervals over seeds of " + sweep.name());
        for (String m : p.metrics()) {
            DoubleColumn meanColumn = DoubleColumn.create(m + "_mean");
            DoubleColumn ci = DoubleColumn.create(m + "_ci");
            IntColumn n = IntColumn.create(m + "_n");
            p.forEach(m, (name, v) -> {
                meanColumn.append(mean(v));
                ci.append(halfWidth(v, level));
                n.append(v.length);
            });
            result.addColumns(meanColumn, ci, n);
        }
        return result;
    }

    static Table intervals(Table sweep, String... metrics) {
        Points p = Points.of(sweep, metrics);
        Table result = p.start("means over seeds (95 % bootstrap interval) of " + sweep.name());
        for (String m : p.metrics()) {
            StringColumn column = StringColumn.create(m);
            p.forEach(m, (name, v) -> column.append(v.length == 0 ? Readable.missing(m) : Readable.isFraction(m) ? Interval.of(v).percentText() : Interval.of(v).text()));
            result.addColumns(column);
        }
        return result;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    /** t(1 − (1 − level)/2, n − 1) · s / √n; NaN for fewer than two values. */
    static double halfWidth(double[] v, double level) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double sd = Math.sqrt(ss / (v.length - 1));
        double t = new TDistribution(null, v.length - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return t * sd / Math.sqrt(v.length);
    }
}
