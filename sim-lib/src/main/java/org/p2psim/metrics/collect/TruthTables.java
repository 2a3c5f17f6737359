package org.p2psim.metrics.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/** The tables read from the {@link GroundTruth}: completeness over time and the per-device table. */
public final class TruthTables {
    private static final double MICROS_PER_SECOND = 1e6;

    private TruthTables() {}

    /** The exact step curve of completeness: a row per device at 0, at every change before {@code until}, and at it. */
    public static Table completeness(GroundTruth truth, long until) {
        TreeSet<Long> times = new TreeSet<>(List.of(0L, until));
        addChangeTimes(times, truth.truthCurve, until);
        truth.byIndex.forEach(d -> addChangeTimes(times, d.held, until));
        return completenessAt(truth, times);
    }

    /** Completeness of each device sampled every {@code step} µs from 0 to {@code until}. */
    public static Table completeness(GroundTruth truth, long step, long until) {
        if (step <= 0) {
            throw new IllegalArgumentException("sampling step must be > 0 µs, was " + step);
        }
        TreeSet<Long> times = new TreeSet<>();
        for (long t = 0; t <= until; t += step) {
            times.add(t);
        }
        return completenessAt(truth, times);
    }

    private static void addChangeTimes(TreeSet<Long> times, StepSeries series, long until) {
        for (int i = 0; i < series.size(); i++) {
            long t = series.timeAt(i);
            if (t > 0 && t < until) {
                times.add(t);
            }
        }
    }

    record CompletenessRow(double timeS, String device, int held, int truth, double completeness) {}

    private static Table completenessAt(GroundTruth truth, Iterable<Long> times) {
        List<CompletenessRow> rows = new ArrayList<>();
        for (long t : times) {
            int truthAt = truth.truthCurve.valueAt(t);
            for (DeviceState d : truth.byIndex) {
                int heldAt = d.held.valueAt(t);
                rows.add(new CompletenessRow(t / MICROS_PER_SECOND, d.name, heldAt, truthAt,
                        truthAt == 0 ? 1.0 : heldAt / (double) truthAt));
            }
        }
        return RecordTable.of("completeness", CompletenessRow.class, rows);
    }

    record DeviceRow(String device, int held, double completeness, long duplicates, boolean online, double onlineShare,
                     long reads, long messagesRead, long declined) {}

    /** Per device: held, completeness, duplicates, online, online share up to {@code now}, reads, messages read, declined. */
    public static Table devices(GroundTruth truth, long now) {
        List<DeviceRow> rows = new ArrayList<>();
        for (DeviceState d : truth.byIndex) {
            rows.add(new DeviceRow(d.name, d.heldTruth, truth.completeness(d.name), d.duplicates, d.online, d.onlineShare(now),
                    d.reads, d.messagesRead, d.declined));
        }
        return RecordTable.of("devices", DeviceRow.class, rows);
    }

    record ReasonRow(String reason, long events) {}

    /** Events refused by receivers, by reason. */
    public static Table rejectedEvents(GroundTruth truth) {
        List<ReasonRow> rows = new ArrayList<>();
        truth.rejectedEvents().forEach((r, n) -> rows.add(new ReasonRow(r, n)));
        return RecordTable.of("rejected events", ReasonRow.class, rows);
    }
}
