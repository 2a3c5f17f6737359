package org.p2psim.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * When devices completed something, over one or more runs: one row with the devices counted, how
 * many completed, and the median, 90th percentile and last completion time. Reads a column of
 * seconds (e.g. {@code completed_s} of {@code Simulation.fileCompletion}) where a missing value (NaN)
 * means "not completed" and 0 means "had it from the start" (an uploader), which is left out.
 */
public final class Completion {
    private Completion() {}

    /** The row labelled {@code label} (column {@code run}) over the {@code column} of every table. */
    public static Table summary(String label, String column, Table... runs) {
        List<Double> done = new ArrayList<>();
        int counted = 0;
        for (Table run : runs) {
            for (double t : run.numberColumn(column).asDoubleArray()) {
                if (t == 0) {
                    continue;
                }
                counted++;
                if (!Double.isNaN(t)) {
                    done.add(t);
                }
            }
        }
        Collections.sort(done);
        int n = done.size();
        double median = n == 0 ? Double.NaN : done.get(n / 2);
        double p90 = n == 0 ? Double.NaN : done.get(Math.min(n - 1, (int) (0.9 * n)));
        double last = n == 0 ? Double.NaN : done.get(n - 1);
        return Table.create(label, StringColumn.create("run", label), IntColumn.create("devices", new int[] {counted}),
                IntColumn.create("completed", new int[] {n}), DoubleColumn.create("median_s", median),
                DoubleColumn.create("p90_s", p90), DoubleColumn.create("last_s", last));
    }
}
