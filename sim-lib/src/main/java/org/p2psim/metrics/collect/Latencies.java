package org.p2psim.metrics.collect;

import java.util.ArrayList;
import java.util.List;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * Delivery and sync latencies (see the package documentation of {@code metrics}) and the ciphertext
 * bytes of first deliveries, fed by {@link GroundTruth}; with the per-pair and per-delivery tables
 * read back from the ground truth's holdings.
 */
public final class Latencies {
    private static final double MICROS_PER_SECOND = 1e6;

    private final LatencyDistribution delivery = new LatencyDistribution();
    private final LatencyDistribution sync = new LatencyDistribution();
    private long firstDeliveryBytes;

    /** A first store at a device other than the author, {@code micros} after the event's origin. */
    void delivered(long micros, int ciphertextBytes) {
        delivery.record(micros);
        firstDeliveryBytes += ciphertextBytes;
    }

    /** The last device that should hold an event now does, {@code micros} after its origin. */
    void synced(long micros) {
        sync.record(micros);
    }

    public long deliveries() {
        return delivery.count();
    }

    public long eventsSynced() {
        return sync.count();
    }

    public double deliverySeconds(double percentile) {
        return delivery.percentileSeconds(percentile);
    }

    public double syncSeconds(double percentile) {
        return sync.percentileSeconds(percentile);
    }

    public double deliveryMaxSeconds() {
        return delivery.maxSeconds();
    }

    public double syncMaxSeconds() {
        return sync.maxSeconds();
    }

    public long firstDeliveryBytes() {
        return firstDeliveryBytes;
    }

    // ---- tables ----

    record LatencyRow(String latency, long count, double p50S, double p90S, double p99S, double maxS) {
        static LatencyRow of(String name, LatencyDistribution d) {
            return new LatencyRow(name, d.count(), d.percentileSeconds(50), d.percentileSeconds(90),
                    d.percentileSeconds(99), d.maxSeconds());
        }
    }

    public Table table() {
        return RecordTable.of("latencies", LatencyRow.class,
                List.of(LatencyRow.of("delivery", delivery), LatencyRow.of("sync", sync)));
    }

    public Table deliveryCdf() {
        return delivery.cdf("delivery latency CDF");
    }

    public Table syncCdf() {
        return sync.cdf("sync latency CDF");
    }

    record CdfRow(String latency, double valueS, double fraction) {}

    public Table cdf() {
        List<CdfRow> rows = new ArrayList<>();
        addCdf(rows, "delivery", delivery);
        addCdf(rows, "sync", sync);
        return RecordTable.of("latency CDF", CdfRow.class, rows);
    }

    private static void addCdf(List<CdfRow> rows, String name, LatencyDistribution d) {
        for (LatencyDistribution.CdfPoint p : d.cdfPoints()) {
            rows.add(new CdfRow(name, p.valueS(), p.fraction()));
        }
    }

    record MatrixRow(String from, String to, double medianS, double p90S, int events, long authored) {}

    /** Device × device sync time, one row per ordered pair of distinct devices (registration order). */
    public static Table syncMatrix(GroundTruth truth) {
        List<MatrixRow> rows = new ArrayList<>();
        for (DeviceState a : truth.byIndex) {
            for (DeviceState b : truth.byIndex) {
                if (a == b) {
                    continue;
                }
                LongList latencies = b.fromAuthorIfAny(a.index);
                if (latencies == null || latencies.isEmpty()) {
                    rows.add(new MatrixRow(a.name, b.name, Double.NaN, Double.NaN, 0, a.authored));
                } else {
                    latencies.sort();
                    rows.add(new MatrixRow(a.name, b.name, latencies.nearestRank(50) / MICROS_PER_SECOND,
                            latencies.nearestRank(90) / MICROS_PER_SECOND, latencies.size(), a.authored));
                }
            }
        }
        return RecordTable.of("sync time matrix", MatrixRow.class, rows);
    }

    record DeliveryRow(String device, String from, double authoredS, double storedS, double latencyS) {}

    /** Every first delivery to a device other than the author, by device (registration order), then creation order. */
    public static Table deliveryLatencies(GroundTruth truth) {
        List<DeliveryRow> rows = new ArrayList<>();
        for (DeviceState to : truth.byIndex) {
            for (GroundTruth.TruthEvent e : truth.bySeq) {
                long at = to.storedAt(e.seq);
                if (e.author == to.index || at == DeviceState.NOT_HELD) {
                    continue;
                }
                rows.add(new DeliveryRow(to.name, truth.byIndex.get(e.author).name, e.origin / MICROS_PER_SECOND,
                        at / MICROS_PER_SECOND, Math.max(0, at - e.origin) / MICROS_PER_SECOND));
            }
        }
        return RecordTable.of("delivery latencies", DeliveryRow.class, rows);
    }
}
