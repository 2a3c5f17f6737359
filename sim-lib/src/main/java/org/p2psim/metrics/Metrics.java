package org.p2psim.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything measured in one run. The simulation reports facts as they happen; the getters turn
 * them into Tablesaw tables. Devices appear in tables in the order they were registered.
 */
public final class Metrics {
    private static final double MICROS_PER_SECOND = 1e6;

    private final Map<String, Long> created = new HashMap<>();
    private final List<long[]> truthChanges = new ArrayList<>();
    private long lastCreation = Long.MIN_VALUE;
    private final Map<String, Holdings> holdings = new LinkedHashMap<>();
    private final Map<String, Long> duplicates = new LinkedHashMap<>();
    private final Map<String, Long> rejectedEvents = new TreeMap<>();
    private final Map<String, PacketTotals> byType = new TreeMap<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private final List<PacketRow> packetLog = new ArrayList<>();
    private final TraceHash traceHash = new TraceHash();
    private long filterTests;
    private long filterNegatives;
    private long falsePositives;
    private long filtersSent;
    private double expectedFprSum;

    /** Registers a device so that it appears in tables even before it holds anything. */
    public void device(String device) {
        holdings.computeIfAbsent(device, d -> new Holdings());
        duplicates.putIfAbsent(device, 0L);
    }

    /** A real-world event happened: {@code author} created {@code eventId}, which now belongs to the ground truth. */
    public void eventCreated(String eventId, String author, long at) {
        if (created.putIfAbsent(eventId, at) == null) {
            truthChanges.add(new long[] {at, created.size()});
            lastCreation = Math.max(lastCreation, at);
        }
    }

    public void eventStored(String device, String eventId, long at) {
        holdings.computeIfAbsent(device, d -> new Holdings()).stored(eventId, at);
    }

    /** An event packet reached {@code device}, which already held the event. */
    public void duplicate(String device) {
        duplicates.merge(device, 1L, Long::sum);
    }

    /** A received event was refused after decryption or signature check. */
    public void eventRejected(String device, String reason) {
        rejectedEvents.merge(reason, 1L, Long::sum);
    }

    public void packet(PacketRow row) {
        packetLog.add(row);
        traceHash.add(row);
        byType.computeIfAbsent(row.type(), t -> new PacketTotals()).add(row);
        if (!row.reason().isEmpty()) {
            byReason.merge(row.fate() + ":" + row.reason(), 1L, Long::sum);
        }
    }

    /** A filter of {@code items} ids in {@code bits} bits with {@code hashes} hash functions was sent. */
    public void filterSent(int items, int bits, int hashes) {
        filtersSent++;
        expectedFprSum += BloomMath.expectedFpp(bits, hashes, items);
    }

    /**
     * {@code tester} tested {@code eventId} against what it knows of {@code owner}'s holdings as of
     * simulated time {@code ownerAsOf}; the simulator knows whether the owner really held it.
     */
    public void filterTested(String owner, String eventId, long ownerAsOf, boolean positive) {
        filterTests++;
        Holdings ownerHoldings = holdings.get(owner);
        if (ownerHoldings == null || !ownerHoldings.heldAt(eventId, ownerAsOf)) {
            filterNegatives++;
            if (positive) {
                falsePositives++;
            }
        }
    }

    // ---- reading ----

    public int truthSize() {
        return created.size();
    }

    public List<String> devices() {
        return List.copyOf(holdings.keySet());
    }

    public int held(String device) {
        Holdings h = holdings.get(device);
        return h == null ? 0 : h.count();
    }

    public double completeness(String device) {
        return created.isEmpty() ? 1.0 : held(device) / (double) created.size();
    }

    /** True when every registered device holds every event created so far. */
    public boolean converged() {
        return holdings.values().stream().allMatch(h -> h.count() == created.size());
    }

    /**
     * Seconds from the last creation until every device held every event, or NaN when the devices
     * have not converged.
     */
    public double convergenceSeconds() {
        if (!converged() || created.isEmpty()) {
            return Double.NaN;
        }
        long last = Long.MIN_VALUE;
        for (Holdings h : holdings.values()) {
            for (long[] change : h.changes()) {
                last = Math.max(last, change[0]);
            }
        }
        return Math.max(0, last - lastCreation) / MICROS_PER_SECOND;
    }

    public long duplicates() {
        return duplicates.values().stream().mapToLong(Long::longValue).sum();
    }

    public double measuredFalsePositiveRate() {
        return filterNegatives == 0 ? Double.NaN : falsePositives / (double) filterNegatives;
    }

    public double expectedFalsePositiveRate() {
        return filtersSent == 0 ? Double.NaN : expectedFprSum / filtersSent;
    }

    /** SHA-256 over the packet log: equal for equal runs. */
    public String traceSha256() {
        return traceHash.hex();
    }

    public List<PacketRow> packetRows() {
        return Collections.unmodifiableList(packetLog);
    }

    /**
     * Step curve of completeness from time 0 to {@code until} (µs): one row per device at 0, at
     * every instant its holdings or the truth changed, and at {@code until}. History authored
     * before the run counts from time 0.
     */
    public Table completeness(long until) {
        TreeSet<Long> times = new TreeSet<>(List.of(0L, until));
        truthChanges.forEach(c -> addIfWithin(times, c[0], until));
        holdings.values().forEach(h -> h.changes().forEach(c -> addIfWithin(times, c[0], until)));
        return completenessAt(times);
    }

    /** Completeness of each device sampled every {@code step} µs from 0 to {@code until}. */
    public Table completeness(long step, long until) {
        if (step <= 0) {
            throw new IllegalArgumentException("sampling step must be > 0 µs, was " + step);
        }
        TreeSet<Long> times = new TreeSet<>();
        for (long t = 0; t <= until; t += step) {
            times.add(t);
        }
        return completenessAt(times);
    }

    private static void addIfWithin(TreeSet<Long> times, long t, long until) {
        if (t > 0 && t < until) {
            times.add(t);
        }
    }

    private Table completenessAt(Iterable<Long> times) {
        DoubleColumn time = DoubleColumn.create("time_s");
        StringColumn device = StringColumn.create("device");
        IntColumn held = IntColumn.create("held");
        IntColumn truth = IntColumn.create("truth");
        DoubleColumn complete = DoubleColumn.create("completeness");
        for (long t : times) {
            int truthAt = StepCurve.valueAt(truthChanges, t);
            for (Map.Entry<String, Holdings> e : holdings.entrySet()) {
                int heldAt = e.getValue().countAt(t);
                time.append(t / MICROS_PER_SECOND);
                device.append(e.getKey());
                held.append(heldAt);
                truth.append(truthAt);
                complete.append(truthAt == 0 ? 1.0 : heldAt / (double) truthAt);
            }
        }
        return Table.create("completeness", time, device, held, truth, complete);
    }

    /** Per packet type: count and bytes sent, delivered, dropped and rejected. */
    public Table packets() {
        StringColumn type = StringColumn.create("type");
        LongColumn[] cols = {
            LongColumn.create("sent"), LongColumn.create("sent_bytes"),
            LongColumn.create("delivered"), LongColumn.create("delivered_bytes"),
            LongColumn.create("dropped"), LongColumn.create("dropped_bytes"),
            LongColumn.create("rejected"), LongColumn.create("rejected_bytes")};
        byType.forEach((name, t) -> {
            type.append(name);
            long[] values = {t.sentCount, t.sentBytes, t.deliveredCount, t.deliveredBytes,
                t.droppedCount, t.droppedBytes, t.rejectedCount, t.rejectedBytes};
            for (int i = 0; i < cols.length; i++) {
                cols[i].append(values[i]);
            }
        });
        Table table = Table.create("packets by type", type);
        table.addColumns(cols);
        return table;
    }

    /** Packets not delivered, by fate and reason ("dropped:loss", "rejected:replay", …). */
    public Table undelivered() {
        StringColumn reason = StringColumn.create("reason");
        LongColumn count = LongColumn.create("packets");
        byReason.forEach((r, n) -> {
            reason.append(r);
            count.append(n);
        });
        return Table.create("undelivered packets", reason, count);
    }

    /** Per device: events held, completeness and duplicate event packets received. */
    public Table devicesTable() {
        StringColumn device = StringColumn.create("device");
        IntColumn held = IntColumn.create("held");
        DoubleColumn complete = DoubleColumn.create("completeness");
        LongColumn dupes = LongColumn.create("duplicates");
        holdings.forEach((name, h) -> {
            device.append(name);
            held.append(h.count());
            complete.append(completeness(name));
            dupes.append(duplicates.getOrDefault(name, 0L));
        });
        return Table.create("devices", device, held, complete, dupes);
    }

    /** Events refused by receivers, by reason. */
    public Table rejectedEvents() {
        StringColumn reason = StringColumn.create("reason");
        LongColumn count = LongColumn.create("events");
        rejectedEvents.forEach((r, n) -> {
            reason.append(r);
            count.append(n);
        });
        return Table.create("rejected events", reason, count);
    }

    /** The packet log, one row per packet. */
    public Table packetLog() {
        DoubleColumn sent = DoubleColumn.create("sent_s");
        DoubleColumn done = DoubleColumn.create("done_s");
        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        StringColumn type = StringColumn.create("type");
        IntColumn bytes = IntColumn.create("bytes");
        StringColumn fate = StringColumn.create("fate");
        StringColumn reason = StringColumn.create("reason");
        for (PacketRow r : packetLog) {
            sent.append(r.sentAt() / MICROS_PER_SECOND);
            done.append(r.doneAt() / MICROS_PER_SECOND);
            from.append(r.from());
            to.append(r.to());
            type.append(r.type());
            bytes.append(r.bytes());
            fate.append(r.fate());
            reason.append(r.reason());
        }
        return Table.create("packet log", sent, done, from, to, type, bytes, fate, reason);
    }

    /** The headline numbers of the run as one two-column table (metric, value). */
    public Table summary() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("events_created", (double) created.size());
        values.put("converged", converged() ? 1.0 : 0.0);
        values.put("convergence_s", convergenceSeconds());
        values.put("min_completeness", holdings.keySet().stream().mapToDouble(this::completeness).min().orElse(1.0));
        values.put("packets_sent", (double) packetLog.size());
        values.put("bytes_sent", (double) byType.values().stream().mapToLong(t -> t.sentBytes).sum());
        values.put("duplicates", (double) duplicates());
        values.put("filters_sent", (double) filtersSent);
        values.put("filter_tests", (double) filterTests);
        values.put("fpr_measured", measuredFalsePositiveRate());
        values.put("fpr_expected", expectedFalsePositiveRate());
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn value = DoubleColumn.create("value");
        values.forEach((k, v) -> {
            metric.append(k);
            value.append(v);
        });
        return Table.create("summary", metric, value);
    }
}
