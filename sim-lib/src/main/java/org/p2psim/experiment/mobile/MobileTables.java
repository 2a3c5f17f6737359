package org.p2psim.experiment.mobile;

import java.util.List;
import org.p2psim.table.Quantiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The summaries of a {@link MobileStudy}, one table each, over all its runs. */
public final class MobileTables {
    private MobileTables() {}

    /**
     * Per receiving class: deliveries, latency p50/p90/p99/max, the median wait for a window, the
     * rest's median and p90, and the mean online share and completeness at the end of its devices.
     */
    public static Table latencyByClass(MobileStudy study) {
        Table deliveries = study.deliveries();
        Table devices = study.devices();
        Table t = Table.create("delivery latency by receiving class, all seeds", StringColumn.create("class"),
                IntColumn.create("deliveries"), DoubleColumn.create("p50_s"), DoubleColumn.create("p90_s"), DoubleColumn.create("p99_s"),
                DoubleColumn.create("max_s"), DoubleColumn.create("wait_p50_s"), DoubleColumn.create("rest_p50_s"),
                DoubleColumn.create("rest_p90_s"), DoubleColumn.create("online_share"), DoubleColumn.create("completeness_at_end"));
        for (String c : study.classes()) {
            Table rows = deliveries.where(deliveries.stringColumn("class").isEqualTo(c));
            Table devs = devices.where(devices.stringColumn("class").isEqualTo(c));
            double[] latency = rows.doubleColumn("latency_s").asDoubleArray();
            double[] rest = rows.doubleColumn("rest_s").asDoubleArray();
            t.stringColumn("class").append(c);
            t.intColumn("deliveries").append(rows.rowCount());
            t.doubleColumn("p50_s").append(Quantiles.of(latency, 0.5));
            t.doubleColumn("p90_s").append(Quantiles.of(latency, 0.9));
            t.doubleColumn("p99_s").append(Quantiles.of(latency, 0.99));
            t.doubleColumn("max_s").append(Quantiles.of(latency, 1.0));
            t.doubleColumn("wait_p50_s").append(Quantiles.median(rows.doubleColumn("wait_s").asDoubleArray()));
            t.doubleColumn("rest_p50_s").append(Quantiles.median(rest));
            t.doubleColumn("rest_p90_s").append(Quantiles.of(rest, 0.9));
            t.doubleColumn("online_share").append(devs.doubleColumn("online_share").mean());
            t.doubleColumn("completeness_at_end").append(devs.doubleColumn("completeness_at_end").mean());
        }
        return t;
    }

    /** The median delivery latency (s) from each author's class (rows) to each receiver's class (columns). */
    public static Table latencyByAuthor(MobileStudy study) {
        Table deliveries = study.deliveries();
        List<String> classes = study.classes();
        Table t = Table.create("median delivery latency (s), author's class → receiver's class, all seeds",
                StringColumn.create("from_class"));
        for (String to : classes) {
            t.addColumns(DoubleColumn.create(to));
        }
        for (String from : classes) {
            t.stringColumn("from_class").append(from);
            for (String to : classes) {
                Table rows = deliveries.where(deliveries.stringColumn("from_class").isEqualTo(from)
                        .and(deliveries.stringColumn("class").isEqualTo(to)));
                t.doubleColumn(to).append(Quantiles.median(rows.doubleColumn("latency_s").asDoubleArray()));
            }
        }
        return t;
    }

    /**
     * Per class, summed over its devices and the runs: switches, stale-address drops (all, while
     * online, per switch) and drops because the device was offline.
     */
    public static Table switchCost(MobileStudy study) {
        Table devices = study.devices();
        Table t = Table.create("switches and stale-address drops per class (sums over devices and seeds)",
                StringColumn.create("class"), IntColumn.create("device_runs"), IntColumn.create("switches"), IntColumn.create("stale_drops"),
                IntColumn.create("stale_drops_while_online"), DoubleColumn.create("stale_drops_per_switch"), IntColumn.create("offline_drops"));
        for (String c : study.classes()) {
            Table devs = devices.where(devices.stringColumn("class").isEqualTo(c));
            int switches = (int) devs.intColumn("switches").sum();
            int stale = (int) devs.intColumn("stale_drops").sum();
            t.stringColumn("class").append(c);
            t.intColumn("device_runs").append(devs.rowCount());
            t.intColumn("switches").append(switches);
            t.intColumn("stale_drops").append(stale);
            t.intColumn("stale_drops_while_online").append((int) devs.intColumn("stale_drops_while_online").sum());
            t.doubleColumn("stale_drops_per_switch").append(switches == 0 ? Double.NaN : stale / (double) switches);
            t.intColumn("offline_drops").append((int) devs.intColumn("offline_drops").sum());
        }
        return t;
    }

    /**
     * Per class and whether the device switched networks while suspended: wake-ups, the median and
     * p90 time from the start of the window to the first packet a peer delivered, and the windows
     * in which none arrived. Classes without wake-ups (always online) are left out.
     */
    public static Table wakeUpSummary(MobileStudy study) {
        Table wakeUps = study.wakeUps();
        Table t = Table.create("wake-ups: time from the start of a window to the first packet a peer delivers",
                StringColumn.create("class"), StringColumn.create("switched_while_suspended"), IntColumn.create("windows"),
                DoubleColumn.create("p50_s"), DoubleColumn.create("p90_s"), IntColumn.create("windows_without_any"));
        for (String c : study.classes()) {
            for (boolean switchedAway : List.of(false, true)) {
                BooleanColumn switched = wakeUps.booleanColumn("switched_while_suspended");
                Table rows = wakeUps.where(wakeUps.stringColumn("class").isEqualTo(c)
                        .and(switchedAway ? switched.isTrue() : switched.isFalse()));
                if (rows.rowCount() == 0) {
                    continue;
                }
                double[] lag = rows.doubleColumn("first_packet_in_s").asDoubleArray();
                t.stringColumn("class").append(c);
                t.stringColumn("switched_while_suspended").append(switchedAway ? "yes" : "no");
                t.intColumn("windows").append(rows.rowCount());
                t.doubleColumn("p50_s").append(Quantiles.median(lag));
                t.doubleColumn("p90_s").append(Quantiles.of(lag, 0.9));
                t.intColumn("windows_without_any").append((int) java.util.Arrays.stream(lag).filter(Double::isNaN).count());
            }
        }
        return t;
    }
}
