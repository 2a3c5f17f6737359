package org.p2psim.metrics;

import java.util.List;
import org.p2psim.metrics.collect.Collectors;

/**
 * The registry of summary metrics: each declared once, in the order of {@code summaryMap()},
 * {@code summary()}, {@code summary.json} and the sweep columns. To add a metric, add a line here
 * and its definition to {@code package-info.java} (a test checks that every name is documented).
 */
public final class SummaryMetrics {
    private SummaryMetrics() {}

    private static SummaryMetric m(String name, String unit, String description, java.util.function.ToDoubleFunction<Collectors> value) {
        return new SummaryMetric(name, unit, description, value);
    }

    /** Every summary metric, in order. */
    public static final List<SummaryMetric> ALL = List.of(
            m("events_created", "events", "size of the ground truth", c -> c.truth().truthSize()),
            m("devices", "devices", "registered devices", c -> c.truth().deviceCount()),
            m("devices_online", "devices", "devices online now", c -> c.truth().onlineCount()),
            m("converged", "0/1", "every online device holds every event", c -> c.truth().converged() ? 1.0 : 0.0),
            m("convergence_s", "s", "last creation to the latest instant of convergence", c -> c.truth().convergenceSeconds()),
            m("min_completeness", "share", "least completeness over devices", c -> c.truth().minCompleteness()),
            m("mean_completeness", "share", "mean completeness over devices", c -> c.truth().meanCompleteness()),
            m("deliveries", "count", "first stores at devices other than the author", c -> c.latencies().deliveries()),
            m("delivery_p50_s", "s", "median delivery latency", c -> c.latencies().deliverySeconds(50)),
            m("delivery_p90_s", "s", "90th percentile of delivery latency", c -> c.latencies().deliverySeconds(90)),
            m("delivery_p99_s", "s", "99th percentile of delivery latency", c -> c.latencies().deliverySeconds(99)),
            m("delivery_max_s", "s", "largest delivery latency", c -> c.latencies().deliveryMaxSeconds()),
            m("events_synced", "events", "events held by every device that should have them", c -> c.latencies().eventsSynced()),
            m("sync_p50_s", "s", "median sync latency", c -> c.latencies().syncSeconds(50)),
            m("sync_p90_s", "s", "90th percentile of sync latency", c -> c.latencies().syncSeconds(90)),
            m("sync_p99_s", "s", "99th percentile of sync latency", c -> c.latencies().syncSeconds(99)),
            m("sync_max_s", "s", "largest sync latency", c -> c.latencies().syncMaxSeconds()),
            m("packets_sent", "packets", "packets sent, all types", c -> c.packets().packetsSent()),
            m("bytes_sent", "bytes", "bytes on the wire, all packets", c -> c.packets().bytesSent()),
            m("bytes_delivered", "bytes", "bytes of delivered packets", c -> c.packets().bytesDelivered()),
            m("bytes_dropped", "bytes", "bytes of dropped packets", c -> c.packets().bytesDropped()),
            m("bytes_rejected", "bytes", "bytes of rejected packets", c -> c.packets().bytesRejected()),
            m("first_delivery_bytes", "bytes", "ciphertext of first deliveries", c -> c.latencies().firstDeliveryBytes()),
            m("overhead_ratio", "ratio", "bytes_sent / first_delivery_bytes", Bandwidth::overheadRatio),
            m("floor_id_bytes", "bytes", "Σ log₂ C(2¹²⁸, d) / 8 over devices", Bandwidth::floorIdBytes),
            m("floor_bytes", "bytes", "the reconciliation floor", Bandwidth::floorBytes),
            m("bytes_over_floor", "ratio", "bytes_sent / floor_bytes", Bandwidth::bytesOverFloor),
            m("duplicates", "packets", "event packets that reached a device already holding the event", c -> c.truth().duplicates()),
            m("events_rejected", "events", "received events refused", c -> c.truth().eventsRejected()),
            m("filters_sent", "filters", "filter packets sent", c -> c.filters().sent()),
            m("filter_bytes_min", "bytes", "smallest filter packet", c -> c.filters().bytesMin()),
            m("filter_bytes_mean", "bytes", "mean filter packet", c -> c.filters().bytesMean()),
            m("filter_bytes_max", "bytes", "largest filter packet", c -> c.filters().bytesMax()),
            m("filter_tests", "tests", "ids tested against a peer's filters", c -> c.filters().tests()),
            m("fpr_measured", "share", "measured Bloom false-positive rate", c -> c.filters().measuredFalsePositiveRate()),
            m("fpr_expected", "share", "mean analytic false-positive rate of the filters sent", c -> c.filters().expectedFalsePositiveRate()),
            m("peak_write_rate", "inserts/s", "largest sliding 1 s insert peak over devices", c -> c.writes().peakSliding()),
            m("peak_write_rate_aligned", "inserts/s", "largest aligned-second insert peak over devices", c -> c.writes().peakAligned()),
            m("write_ceiling", "inserts/s", "the mobile write ceiling", c -> c.writes().ceiling()),
            m("write_windows_over", "seconds", "aligned seconds over the ceiling, summed over devices", c -> c.writes().windowsOver()),
            m("devices_over_write_ceiling", "devices", "devices whose sliding peak exceeds the ceiling", c -> c.writes().devicesOverCeiling()),
            m("round_trips_p50", "exchanges", "median request → answer exchanges between creation and first delivery", c -> c.roundTrips().percentile(50)),
            m("round_trips_p99", "exchanges", "99th percentile of the round trips of first deliveries", c -> c.roundTrips().percentile(99)),
            m("round_trips_mean", "exchanges", "mean round trips of first deliveries", c -> c.roundTrips().mean()));

    /** The names, in order. */
    public static final List<String> NAMES = ALL.stream().map(SummaryMetric::name).toList();

    /** Whether the metric {@code name} is a share (unit "share", or a name {@code Readable} reads as one), shown in percent. */
    public static boolean isShare(String name) {
        return ALL.stream().anyMatch(m -> m.name().equals(name) && m.unit().equals("share"))
                || org.p2psim.table.Readable.isFraction(name);
    }
}
