package org.p2psim.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.p2psim.metrics.collect.Collectors;
import org.p2psim.metrics.collect.GroundTruth;
import org.p2psim.metrics.collect.Latencies;
import org.p2psim.metrics.collect.TruthTables;
import org.p2psim.metrics.collect.WriteRates;
import org.p2psim.metrics.facts.Facts;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.table.Readable;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * Everything measured in one run: the façade notebooks, run directories and sweeps read. The
 * system reports {@link Facts} as they happen (plain ids, names and simulated microseconds, in time
 * order); this class hands each to its collector ({@code metrics.collect}) and reads numbers and
 * Tablesaw tables back from them. The summary metrics are declared once, in {@link SummaryMetrics};
 * every metric is defined in {@code package-info.java} of this package. Devices appear in tables
 * in the order they were registered.
 */
public final class Metrics implements Facts {
    /** Default mobile write ceiling: inserts per second a phone's store is assumed to sustain. */
    public static final int DEFAULT_WRITE_CEILING = WriteRates.DEFAULT_CEILING;

    private final Collectors c = Collectors.create();
    private final GroundTruth truth = c.truth();
    private final Latencies latencies = c.latencies();

    // ---- configuration ----

    /** Sets the mobile write ceiling (inserts per second) the write rates are judged against. */
    public Metrics writeCeiling(int insertsPerSecond) {
        c.writes().ceiling(insertsPerSecond);
        return this;
    }

    /** The mobile write ceiling in inserts per second (default {@value #DEFAULT_WRITE_CEILING}). */
    public int writeCeiling() {
        return c.writes().ceiling();
    }

    // ---- facts, as they happen (see the interfaces in metrics.facts) ----

    /** Registers a device at time 0, online; see {@link #device(String, long)}. */
    public void device(String device) {
        device(device, 0);
    }

    @Override
    public void device(String device, long at) {
        truth.device(device, at);
    }

    @Override
    public void deviceOnline(String device, boolean online, long at) {
        truth.deviceOnline(device, online, at);
    }

    @Override
    public void eventCreated(String eventId, String author, long at) {
        truth.eventCreated(eventId, author, at);
        c.roundTrips().created(eventId, author, at);
    }

    @Override
    public void eventStored(String device, String eventId, int ciphertextBytes, long at) {
        truth.eventStored(device, eventId, ciphertextBytes, at);
        c.roundTrips().stored(device, eventId, at);
    }

    @Override
    public void eventDeclined(String device, String eventId, long at) {
        truth.eventDeclined(device, eventId, at);
    }

    @Override
    public void read(String device, int messages) {
        truth.read(device, messages);
    }

    @Override
    public void duplicate(String device) {
        truth.duplicate(device);
    }

    @Override
    public void eventRejected(String device, String reason) {
        truth.eventRejected(device, reason);
    }

    @Override
    public void packet(PacketRow row) {
        c.packets().packet(row);
        c.roundTrips().packet(row);
    }

    @Override
    public void filterSent(double expectedFpp, int packetBytes) {
        c.filters().filterSent(expectedFpp, packetBytes);
    }

    @Override
    public void filterTested(String owner, String eventId, long ownerAsOf, boolean positive) {
        c.filters().filterTested(owner, eventId, ownerAsOf, positive);
    }

    // ---- reading: numbers ----

    /** The share of its time since it appeared that {@code device} has been online, at {@code now} (µs). */
    public double onlineShare(String device, long now) {
        return truth.onlineShare(device, now);
    }

    public int truthSize() {
        return truth.truthSize();
    }

    /** Simulated time (µs) {@code eventId} was created (negative for history); empty when not in the ground truth. */
    public OptionalLong createdAt(String eventId) {
        return truth.createdAt(eventId);
    }

    /** Position of {@code eventId} in creation order (0 first), or -1: with {@link #createdAt}, the true order's tie-break. */
    public int creationIndex(String eventId) {
        return truth.creationIndex(eventId);
    }

    public List<String> devices() {
        return truth.devices();
    }

    /** Events of the ground truth that {@code device} holds. */
    public int held(String device) {
        return truth.held(device);
    }

    public double completeness(String device) {
        return truth.completeness(device);
    }

    /** Whether {@code device} is online (devices are online until reported otherwise). */
    public boolean online(String device) {
        return truth.online(device);
    }

    /** True when every online registered device holds every event created so far. */
    public boolean converged() {
        return truth.converged();
    }

    /** Seconds from the last creation (0 for history only) until convergence; NaN when none was created or not converged. */
    public double convergenceSeconds() {
        return truth.convergenceSeconds();
    }

    /** Simulated time (µs) of the last creation during the run, 0 for history only or nothing. */
    public long lastCreation() {
        return truth.lastCreation();
    }

    /** Mean completeness over the registered devices at simulated time {@code at} (µs). */
    public double meanCompletenessAt(long at) {
        return truth.meanCompletenessAt(at);
    }

    /** Least completeness of a registered device at simulated time {@code at} (µs). */
    public double minCompletenessAt(long at) {
        return truth.minCompletenessAt(at);
    }

    /** The names of {@link #summaryMap()}, in its order. */
    public static List<String> summaryKeys() {
        return SummaryMetrics.NAMES;
    }

    public long duplicates() {
        return truth.duplicates();
    }

    public double measuredFalsePositiveRate() {
        return c.filters().measuredFalsePositiveRate();
    }

    public double expectedFalsePositiveRate() {
        return c.filters().expectedFalsePositiveRate();
    }

    /** Delivery latency at {@code percentile} (0–100) in seconds; NaN before the first delivery. */
    public double deliveryLatencySeconds(double percentile) {
        return latencies.deliverySeconds(checkPercentile(percentile));
    }

    /** Sync latency at {@code percentile} (0–100) in seconds; NaN before the first event fully synced. */
    public double syncLatencySeconds(double percentile) {
        return latencies.syncSeconds(checkPercentile(percentile));
    }

    private static double checkPercentile(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is between 0 and 100, was " + percentile);
        }
        return percentile;
    }

    /** Ciphertext bytes of first deliveries: each event counted once per device other than its author. */
    public long firstDeliveryBytes() {
        return latencies.firstDeliveryBytes();
    }

    public long bytesSent() {
        return c.packets().bytesSent();
    }

    /** Bytes sent (all packets) / ciphertext bytes of first deliveries; NaN before the first delivery. */
    public double overheadRatio() {
        return Bandwidth.overheadRatio(c);
    }

    /** The identification part of the reconciliation floor (see {@link ReconciliationFloor}). */
    public double floorIdBytes() {
        return Bandwidth.floorIdBytes(c);
    }

    /** The reconciliation floor: {@link #firstDeliveryBytes()} + {@link #floorIdBytes()}. */
    public double floorBytes() {
        return Bandwidth.floorBytes(c);
    }

    /** Bytes sent (all packets) / the reconciliation floor; NaN before the first delivery. */
    public double bytesOverFloor() {
        return Bandwidth.bytesOverFloor(c);
    }

    /** SHA-256 over the packet log: equal for equal runs. */
    public String traceSha256() {
        return c.packets().traceSha256();
    }

    public List<PacketRow> packetRows() {
        return c.packets().rows();
    }

    // ---- reading: tables ----

    /** Step curve of completeness from 0 to {@code until} (µs): a row per device at 0, at every change and at {@code until}. */
    public Table completeness(long until) {
        return TruthTables.completeness(truth, until);
    }

    /** {@link #completeness(long, long)} with at most {@code samples} samples from 0 to {@code until}, one a second at the finest. */
    public Table sampledCompleteness(long until, int samples) {
        return completeness(Math.max(1_000_000L, (until + samples - 1) / samples), until);
    }

    /** Completeness of each device sampled every {@code step} µs from 0 to {@code until}. */
    public Table completeness(long step, long until) {
        return TruthTables.completeness(truth, step, until);
    }

    /** Per packet type: count and bytes sent, delivered, dropped and rejected. */
    public Table packets() {
        return c.packets().byType();
    }

    /** Packets not delivered, by fate and reason ("dropped:loss", "rejected:replay", …). */
    public Table undelivered() {
        return c.packets().undelivered();
    }

    /** Per device: held, completeness, duplicates, online, online share (up to {@code now}, µs), reads, messages read, declined. */
    public Table devicesTable(long now) {
        return TruthTables.devices(truth, now);
    }

    /** Events refused by receivers, by reason. */
    public Table rejectedEvents() {
        return TruthTables.rejectedEvents(truth);
    }

    /** The packet log, one row per packet. */
    public Table packetLog() {
        return c.packets().log();
    }

    /** Delivery and sync latency: count, p50, p90, p99 and max in seconds, one row each. */
    public Table latencies() {
        return latencies.table();
    }

    /** CDF of delivery latency: (value_s, fraction of deliveries ≤ value_s), one row per distinct value. */
    public Table deliveryLatencyCdf() {
        return latencies.deliveryCdf();
    }

    /** CDF of sync latency: (value_s, fraction of fully synced events ≤ value_s), one row per distinct value. */
    public Table syncLatencyCdf() {
        return latencies.syncCdf();
    }

    /** Both CDFs in one table: (latency = "delivery" | "sync", value_s, fraction), for {@code Plots.latencyCdf}. */
    public Table latencyCdf() {
        return latencies.cdf();
    }

    /** Per device: inserts, peak per 1 s (sliding), peak per aligned second, aligned seconds over the ceiling, the ceiling. */
    public Table writeRates() {
        return c.writes().table();
    }

    /** Device × device sync time: median and p90 of the delivery latencies at {@code to} of events by {@code from}. */
    public Table syncMatrix() {
        return Latencies.syncMatrix(truth);
    }

    /** Every first delivery of an event to a device other than its author, one row each. */
    public Table deliveryLatencies() {
        return Latencies.deliveryLatencies(truth);
    }

    /** The headline numbers of the run, in the order of {@link SummaryMetrics#ALL}. */
    public LinkedHashMap<String, Double> summaryMap() {
        LinkedHashMap<String, Double> v = new LinkedHashMap<>();
        for (SummaryMetric m : SummaryMetrics.ALL) {
            v.put(m.name(), m.of(c));
        }
        return v;
    }

    record SummaryRow(String metric, double value) {}

    /** {@link #summaryMap()} as a two-column table (metric, value). */
    public Table summary() {
        return RecordTable.of("summary", SummaryRow.class,
                summaryMap().entrySet().stream().map(e -> new SummaryRow(e.getKey(), e.getValue())).toList());
    }

    record ChosenRow(String metric, String value, String description) {}

    /**
     * The summary metrics named, in that order, each with its value and description: the few a text
     * discusses rather than all of {@link #summary()}, the value as text for people (shares as percentages,
     * 0/1 as yes/no; {@link #summaryMap()} keeps the full values). An unknown name is an IllegalArgumentException.
     */
    public Table summary(String... metrics) {
        Map<String, Double> values = summaryMap();
        List<ChosenRow> rows = new ArrayList<>();
        for (String name : metrics) {
            SummaryMetric m = SummaryMetrics.ALL.stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no summary metric named '" + name + "'; known: "
                            + SummaryMetrics.ALL.stream().map(SummaryMetric::name).toList()));
            rows.add(new ChosenRow(name, readable(m, values.get(name)), m.description()));
        }
        return RecordTable.of("summary", ChosenRow.class, rows);
    }

    private static String readable(SummaryMetric m, double v) {
        if (Double.isNaN(v)) {
            return Readable.missing(m.name());
        }
        return switch (m.unit()) {
            case "share" -> Readable.share(v);
            case "0/1" -> v == 1 ? "yes" : "no";
            case "" -> Readable.number(v);
            case "ratio" -> Readable.number(v) + "×";
            default -> Readable.number(v) + " " + m.unit();
        };
    }

    record MetricDoc(String metric, String unit, String description) {}

    /** The summary metrics with their units and one-line descriptions (metric, unit, description). */
    public static Table metricDocs() {
        return RecordTable.of("summary metrics", MetricDoc.class,
                SummaryMetrics.ALL.stream().map(m -> new MetricDoc(m.name(), m.unit(), m.description())).toList());
    }
}
