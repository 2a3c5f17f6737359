package org.p2psim.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything measured in one run. The simulation reports facts as they happen (plain ids, names
 * and simulated microseconds, in time order); the getters turn them into numbers and Tablesaw
 * tables. Devices appear in tables in the order they were registered. Every metric is defined in
 * {@code package-info.java} of this package.
 *
 * <p>Reporting a fact costs O(1) amortised and allocates only when an internal array grows (plus
 * one small record per created event and one row per packet for the packet log).
 */
public final class Metrics {
    /** Default mobile write ceiling: inserts per second a phone's store is assumed to sustain. */
    public static final int DEFAULT_WRITE_CEILING = 100;
    private static final double MICROS_PER_SECOND = 1e6;

    /** One event of the ground truth. */
    private static final class EventInfo {
        final int seq;
        final long createdAt;
        /** Where latencies are measured from: the creation time, or 0 for history from before the run. */
        final long origin;
        final int author;
        /** Devices that should hold the event: those with index < targets (registered before its creation). */
        final int targets;
        int targetsHolding;

        EventInfo(int seq, long createdAt, int author, int targets) {
            this.seq = seq;
            this.createdAt = createdAt;
            this.origin = Math.max(0, createdAt);
            this.author = author;
            this.targets = targets;
        }
    }

    // ground truth (the map is only looked up, never iterated)
    private final Map<String, EventInfo> events = new HashMap<>();
    /** The same events in creation order (index = seq). */
    private final List<EventInfo> bySeq = new ArrayList<>();
    private final StepSeries truthCurve = new StepSeries();
    private long lastCreation = Long.MIN_VALUE;

    // devices, in registration order
    private final Map<String, DeviceState> devices = new LinkedHashMap<>();
    private final List<DeviceState> byIndex = new ArrayList<>();
    private int onlineCount;
    private int unknownCopies;

    // convergence: online devices that lack some event, and since when none has
    private int incompleteOnline;
    private boolean convergedNow = true;
    private long convergedSince = Long.MIN_VALUE;

    // latencies and delivered bytes
    private final LatencyDistribution delivery = new LatencyDistribution();
    private final LatencyDistribution sync = new LatencyDistribution();
    private long firstDeliveryBytes;

    // packets
    private final Map<String, Long> rejectedEvents = new TreeMap<>();
    private final Map<String, PacketTotals> byType = new TreeMap<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private final List<PacketRow> packetLog = new ArrayList<>();
    private final TraceHash traceHash = new TraceHash();

    // Bloom filters
    private long filterTests;
    private long filterNegatives;
    private long falsePositives;
    private long filtersSent;
    private double expectedFprSum;
    private long filterBytesSum;
    private int filterBytesMin = Integer.MAX_VALUE;
    private int filterBytesMax = Integer.MIN_VALUE;

    private int writeCeiling = DEFAULT_WRITE_CEILING;

    // ---- configuration ----

    /** Sets the mobile write ceiling (inserts per second) the write rates are judged against. */
    public Metrics writeCeiling(int insertsPerSecond) {
        if (insertsPerSecond <= 0) {
            throw new IllegalArgumentException("the write ceiling must be > 0 inserts per second, was " + insertsPerSecond);
        }
        this.writeCeiling = insertsPerSecond;
        return this;
    }

    /** The mobile write ceiling in inserts per second (default {@value #DEFAULT_WRITE_CEILING}). */
    public int writeCeiling() {
        return writeCeiling;
    }

    // ---- facts, as they happen ----

    /**
     * Registers a device so that it appears in tables even before it holds anything. A device is
     * online when registered. Events created from now on should reach it (sync latency waits for it);
     * events created before do not wait for it.
     */
    public void device(String device) {
        device(device, 0);
    }

    /** As {@link #device(String)}, for a device that appears at {@code at} (µs): its online share counts from then. */
    public void device(String device, long at) {
        register(device, at);
    }

    private DeviceState register(String name) {
        return register(name, 0);
    }

    private DeviceState register(String name, long at) {
        DeviceState d = devices.get(name);
        if (d == null) {
            Objects.requireNonNull(name, "device name");
            d = new DeviceState(name, byIndex.size(), at);
            devices.put(name, d);
            byIndex.add(d);
            onlineCount++;
            if (!events.isEmpty()) {
                incompleteOnline++;
                convergedNow = false;
            }
        }
        return d;
    }

    /**
     * {@code device} went online or offline at {@code at} (µs). Offline devices are left out of
     * convergence. Repeating the current state changes nothing.
     */
    public void deviceOnline(String device, boolean online, long at) {
        DeviceState d = register(device);
        if (d.online == online) {
            return;
        }
        d.online = online;
        if (online) {
            d.onlineSince = at;
        } else {
            d.onlineBefore += Math.max(0, at - d.onlineSince);
        }
        int change = online ? 1 : -1;
        onlineCount += change;
        if (d.heldTruth < events.size()) {
            incompleteOnline += change;
        }
        convergenceChanged(at);
    }

    /**
     * A real-world event happened: {@code author} created {@code eventId} at {@code at} (µs; negative
     * for history authored before the run), which now belongs to the ground truth. Reporting the
     * same id again changes nothing.
     */
    public void eventCreated(String eventId, String author, long at) {
        if (events.containsKey(eventId)) {
            return;
        }
        DeviceState a = register(author);
        EventInfo e = new EventInfo(events.size(), at, a.index, byIndex.size());
        events.put(eventId, e);
        bySeq.add(e);
        truthCurve.add(at, events.size());
        lastCreation = Math.max(lastCreation, at);
        a.authored++;
        if (unknownCopies == 0) {
            incompleteOnline = onlineCount; // nobody holds the new event yet
        } else {
            adoptEarlyCopies(eventId, e);
        }
        convergenceChanged(at);
    }

    /** Rare: some devices stored {@code eventId} before its creation was reported; count them now. */
    private void adoptEarlyCopies(String eventId, EventInfo e) {
        incompleteOnline = 0;
        for (DeviceState d : byIndex) {
            long[] copy = d.unknown == null ? null : d.unknown.remove(eventId);
            if (copy != null) {
                unknownCopies--;
                recordHold(d, e, (int) copy[1], Math.max(copy[0], e.createdAt));
            }
            if (d.online && d.heldTruth < events.size()) {
                incompleteOnline++;
            }
        }
    }

    /**
     * {@code device} stored {@code eventId}, whose ciphertext (as stored and sent: nonce, sealed
     * payload and tag) is {@code ciphertextBytes} long, at {@code at} (µs). Stores at one device must
     * be reported in time order. A second store of an event already held is ignored (the store
     * reports it as a {@link #duplicate}).
     */
    public void eventStored(String device, String eventId, int ciphertextBytes, long at) {
        DeviceState d = register(device);
        if (at < d.lastStoredAt) {
            throw new IllegalArgumentException("stores at " + device + " must be reported in time order: " + at
                    + " µs after " + d.lastStoredAt + " µs");
        }
        EventInfo e = events.get(eventId);
        if (e == null) {
            storeUnknown(d, eventId, ciphertextBytes, at);
            return;
        }
        if (d.storedAt(e.seq) != DeviceState.NOT_HELD) {
            return;
        }
        d.lastStoredAt = at;
        if (!(e.author == d.index && e.createdAt < 0)) {
            d.writes.insert(at);
        }
        recordHold(d, e, ciphertextBytes, at);
        if (d.online && d.heldTruth == events.size()) {
            incompleteOnline--;
            convergenceChanged(at);
        }
    }

    /**
     * {@code device} declined {@code eventId} at {@code at}: a chunk of a file its policy does not
     * fetch, offered by a peer. The device has all it wants of that event, so from then on the event
     * counts as settled for its completeness and for convergence (and, once every device that should
     * have it has it or declined it, for sync latency), but it is no delivery: no delivery latency,
     * no bytes, no write. Without this a lurker that fetches a fifth of the photos would keep a run
     * from ever converging. Repeats, and events held already, change nothing.
     */
    public void eventDeclined(String device, String eventId, long at) {
        DeviceState d = register(device);
        EventInfo e = events.get(eventId);
        if (e == null || d.storedAt(e.seq) != DeviceState.NOT_HELD) {
            return;
        }
        d.hold(e.seq, at);
        d.heldTruth++;
        d.declined++;
        d.held.add(at, d.heldTruth);
        if (d.index < e.targets && ++e.targetsHolding == e.targets) {
            sync.record(Math.max(0, at - e.origin));
        }
        if (d.online && d.heldTruth == events.size()) {
            incompleteOnline--;
            convergenceChanged(at);
        }
    }

    private void storeUnknown(DeviceState d, String eventId, int bytes, long at) {
        if (d.unknown().putIfAbsent(eventId, new long[] {at, bytes}) == null) {
            unknownCopies++;
            d.lastStoredAt = at;
            d.writes.insert(at);
        }
    }

    private void recordHold(DeviceState d, EventInfo e, int bytes, long at) {
        d.hold(e.seq, at);
        d.heldTruth++;
        d.held.add(at, d.heldTruth);
        long latency = Math.max(0, at - e.origin);
        if (d.index != e.author) {
            d.received++;
            delivery.record(latency);
            firstDeliveryBytes += bytes;
            d.fromAuthor(e.author).add(latency);
        }
        if (d.index < e.targets && ++e.targetsHolding == e.targets) {
            sync.record(latency);
        }
    }

    private void convergenceChanged(long at) {
        boolean now = incompleteOnline == 0;
        if (now && !convergedNow) {
            convergedSince = at;
        }
        convergedNow = now;
    }

    /** An event packet reached {@code device}, which already held the event. */
    /** {@code device}'s user read back {@code messages} messages in one scroll-back session. */
    public void read(String device, int messages) {
        DeviceState d = register(device);
        d.reads++;
        d.messagesRead += messages;
    }

    /** The share of its time since it appeared that {@code device} has been online, at {@code now} (µs). */
    public double onlineShare(String device, long now) {
        DeviceState d = devices.get(device);
        if (d == null) {
            throw new IllegalArgumentException("no device named '" + device + "'; devices are " + devices.keySet());
        }
        return d.onlineShare(now);
    }

    public void duplicate(String device) {
        register(device).duplicates++;
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

    /**
     * A filter of {@code items} ids in {@code bits} bits with {@code hashes} hash functions was sent
     * in a packet of {@code packetBytes} bytes on the wire (header, body and signature).
     */
    public void filterSent(int items, int bits, int hashes, int packetBytes) {
        filtersSent++;
        expectedFprSum += BloomMath.expectedFpp(bits, hashes, items);
        filterBytesSum += packetBytes;
        filterBytesMin = Math.min(filterBytesMin, packetBytes);
        filterBytesMax = Math.max(filterBytesMax, packetBytes);
    }

    /**
     * {@code tester} tested {@code eventId} against what it knows of {@code owner}'s holdings as of
     * simulated time {@code ownerAsOf}; the simulator knows whether the owner really held it.
     */
    public void filterTested(String owner, String eventId, long ownerAsOf, boolean positive) {
        filterTests++;
        if (!heldAt(owner, eventId, ownerAsOf)) {
            filterNegatives++;
            if (positive) {
                falsePositives++;
            }
        }
    }

    private boolean heldAt(String device, String eventId, long asOf) {
        DeviceState d = devices.get(device);
        if (d == null) {
            return false;
        }
        EventInfo e = events.get(eventId);
        if (e != null) {
            return d.heldAt(e.seq, asOf);
        }
        long[] copy = d.unknown == null ? null : d.unknown.get(eventId);
        return copy != null && copy[0] <= asOf;
    }

    // ---- reading: numbers ----

    public int truthSize() {
        return events.size();
    }

    /**
     * Simulated time (µs) at which {@code eventId} was created, negative for history authored before
     * the run; empty when the event is not part of the ground truth.
     */
    public OptionalLong createdAt(String eventId) {
        EventInfo e = events.get(eventId);
        return e == null ? OptionalLong.empty() : OptionalLong.of(e.createdAt);
    }

    /**
     * Position of {@code eventId} in the order creations were reported (0 for the first), or -1 when
     * it is not part of the ground truth: with {@link #createdAt}, the tie-break of the true order.
     */
    public int creationIndex(String eventId) {
        EventInfo e = events.get(eventId);
        return e == null ? -1 : e.seq;
    }

    public List<String> devices() {
        return List.copyOf(devices.keySet());
    }

    /** Events of the ground truth that {@code device} holds. */
    public int held(String device) {
        DeviceState d = devices.get(device);
        return d == null ? 0 : d.heldTruth;
    }

    public double completeness(String device) {
        return events.isEmpty() ? 1.0 : held(device) / (double) events.size();
    }

    /** Whether {@code device} is online (devices are online until reported otherwise). */
    public boolean online(String device) {
        DeviceState d = devices.get(device);
        if (d == null) {
            throw new IllegalArgumentException("no device named '" + device + "'; devices are " + devices.keySet());
        }
        return d.online;
    }

    /** True when every online registered device holds every event created so far. */
    public boolean converged() {
        return incompleteOnline == 0;
    }

    /**
     * Seconds from the last creation (or from time 0, for history only) until the latest instant
     * from which every online device has held every event; NaN when no event was created or the
     * online devices have not converged.
     */
    public double convergenceSeconds() {
        if (!converged() || events.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, convergedSince - Math.max(0, lastCreation)) / MICROS_PER_SECOND;
    }

    /**
     * Simulated time (µs) of the last creation during the run, 0 when only history (authored before
     * the run) or nothing was created: where convergence time and "after last message" count from.
     */
    public long lastCreation() {
        return events.isEmpty() ? 0 : Math.max(0, lastCreation);
    }

    /**
     * Mean completeness over the registered devices at simulated time {@code at} (µs): as the
     * {@code mean_completeness} summary metric, but from the holdings and the truth in force then.
     */
    public double meanCompletenessAt(long at) {
        return byIndex.stream().mapToDouble(d -> completenessAt(d, at)).average().orElse(1.0);
    }

    /** Least completeness of a registered device at simulated time {@code at} (µs); see {@link #meanCompletenessAt}. */
    public double minCompletenessAt(long at) {
        return byIndex.stream().mapToDouble(d -> completenessAt(d, at)).min().orElse(1.0);
    }

    private double completenessAt(DeviceState d, long at) {
        int truthAt = truthCurve.valueAt(at);
        return truthAt == 0 ? 1.0 : d.held.valueAt(at) / (double) truthAt;
    }

    /** The names of {@link #summaryMap()}, in its order. */
    public static List<String> summaryKeys() {
        return SummaryKeys.KEYS;
    }

    private static final class SummaryKeys {
        static final List<String> KEYS = List.copyOf(new Metrics().summaryMap().keySet());
    }

    public long duplicates() {
        long sum = 0;
        for (DeviceState d : byIndex) {
            sum += d.duplicates;
        }
        return sum;
    }

    public double measuredFalsePositiveRate() {
        return filterNegatives == 0 ? Double.NaN : falsePositives / (double) filterNegatives;
    }

    public double expectedFalsePositiveRate() {
        return filtersSent == 0 ? Double.NaN : expectedFprSum / filtersSent;
    }

    /** Delivery latency at {@code percentile} (0–100) in seconds; NaN before the first delivery. */
    public double deliveryLatencySeconds(double percentile) {
        return delivery.percentileSeconds(checkPercentile(percentile));
    }

    /** Sync latency at {@code percentile} (0–100) in seconds; NaN before the first event fully synced. */
    public double syncLatencySeconds(double percentile) {
        return sync.percentileSeconds(checkPercentile(percentile));
    }

    private static double checkPercentile(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is between 0 and 100, was " + percentile);
        }
        return percentile;
    }

    /** Ciphertext bytes of first deliveries: each event counted once per device other than its author. */
    public long firstDeliveryBytes() {
        return firstDeliveryBytes;
    }

    public long bytesSent() {
        long sum = 0;
        for (PacketTotals t : byType.values()) {
            sum += t.sentBytes;
        }
        return sum;
    }

    /** Bytes sent (all packets) / ciphertext bytes of first deliveries; NaN before the first delivery. */
    public double overheadRatio() {
        return firstDeliveryBytes == 0 ? Double.NaN : bytesSent() / (double) firstDeliveryBytes;
    }

    /**
     * The identification part of the reconciliation floor: Σ over devices of log₂ C(2¹²⁸, d) / 8
     * bytes, d being the events the device received (see {@link ReconciliationFloor}).
     */
    public double floorIdBytes() {
        double bytes = 0;
        for (DeviceState d : byIndex) {
            bytes += ReconciliationFloor.idBytes(d.received);
        }
        return bytes;
    }

    /** The reconciliation floor: {@link #firstDeliveryBytes()} + {@link #floorIdBytes()}. */
    public double floorBytes() {
        return firstDeliveryBytes + floorIdBytes();
    }

    /** Bytes sent (all packets) / the reconciliation floor; NaN before the first delivery. */
    public double bytesOverFloor() {
        double floor = floorBytes();
        return floor == 0 ? Double.NaN : bytesSent() / floor;
    }

    /** SHA-256 over the packet log: equal for equal runs. */
    public String traceSha256() {
        return traceHash.hex();
    }

    public List<PacketRow> packetRows() {
        return Collections.unmodifiableList(packetLog);
    }

    // ---- reading: tables ----

    /**
     * Step curve of completeness from time 0 to {@code until} (µs): one row per device at 0, at
     * every instant its holdings or the truth changed, and at {@code until}. History authored
     * before the run counts from time 0.
     */
    public Table completeness(long until) {
        TreeSet<Long> times = new TreeSet<>(List.of(0L, until));
        addChangeTimes(times, truthCurve, until);
        byIndex.forEach(d -> addChangeTimes(times, d.held, until));
        return completenessAt(times);
    }

    /**
     * {@link #completeness(long, long)} with at most {@code samples} samples from 0 to {@code until},
     * one a second at the finest: what a figure or a run directory needs of a long run, whose exact
     * step curve has a row per device at every change.
     */
    public Table sampledCompleteness(long until, int samples) {
        return completeness(Math.max(1_000_000L, (until + samples - 1) / samples), until);
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

    private static void addChangeTimes(TreeSet<Long> times, StepSeries series, long until) {
        for (int i = 0; i < series.size(); i++) {
            long t = series.timeAt(i);
            if (t > 0 && t < until) {
                times.add(t);
            }
        }
    }

    private Table completenessAt(Iterable<Long> times) {
        DoubleColumn time = DoubleColumn.create("time_s");
        StringColumn device = StringColumn.create("device");
        IntColumn held = IntColumn.create("held");
        IntColumn truth = IntColumn.create("truth");
        DoubleColumn complete = DoubleColumn.create("completeness");
        for (long t : times) {
            int truthAt = truthCurve.valueAt(t);
            for (DeviceState d : byIndex) {
                int heldAt = d.held.valueAt(t);
                time.append(t / MICROS_PER_SECOND);
                device.append(d.name);
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
        return counts("undelivered packets", "packets", byReason);
    }

    /**
     * Per device: events held (declined file chunks included, see {@link #eventDeclined}),
     * completeness, duplicate event packets received, whether it is online, the share of its time
     * online since it appeared (up to {@code now}, µs), the scroll-back sessions its user read with
     * the messages they saw, and the file chunks it declined.
     */
    public Table devicesTable(long now) {
        StringColumn device = StringColumn.create("device");
        IntColumn held = IntColumn.create("held");
        DoubleColumn complete = DoubleColumn.create("completeness");
        LongColumn dupes = LongColumn.create("duplicates");
        BooleanColumn online = BooleanColumn.create("online");
        DoubleColumn share = DoubleColumn.create("online_share");
        LongColumn reads = LongColumn.create("reads");
        LongColumn read = LongColumn.create("messages_read");
        LongColumn declined = LongColumn.create("declined");
        for (DeviceState d : byIndex) {
            device.append(d.name);
            held.append(d.heldTruth);
            complete.append(completeness(d.name));
            dupes.append(d.duplicates);
            online.append(d.online);
            share.append(d.onlineShare(now));
            reads.append(d.reads);
            read.append(d.messagesRead);
            declined.append(d.declined);
        }
        return Table.create("devices", device, held, complete, dupes, online, share, reads, read, declined);
    }

    /** Events refused by receivers, by reason. */
    public Table rejectedEvents() {
        return counts("rejected events", "events", rejectedEvents);
    }

    /** A (reason, count) table from a sorted map of counts. */
    private static Table counts(String title, String countName, Map<String, Long> byReason) {
        StringColumn reason = StringColumn.create("reason");
        LongColumn count = LongColumn.create(countName);
        byReason.forEach((r, n) -> {
            reason.append(r);
            count.append(n);
        });
        return Table.create(title, reason, count);
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

    /** Delivery and sync latency: count, p50, p90, p99 and max in seconds, one row each. */
    public Table latencies() {
        StringColumn latency = StringColumn.create("latency");
        LongColumn count = LongColumn.create("count");
        DoubleColumn p50 = DoubleColumn.create("p50_s");
        DoubleColumn p90 = DoubleColumn.create("p90_s");
        DoubleColumn p99 = DoubleColumn.create("p99_s");
        DoubleColumn max = DoubleColumn.create("max_s");
        for (Map.Entry<String, LatencyDistribution> e : latencyKinds().entrySet()) {
            LatencyDistribution dist = e.getValue();
            latency.append(e.getKey());
            count.append(dist.count());
            p50.append(dist.percentileSeconds(50));
            p90.append(dist.percentileSeconds(90));
            p99.append(dist.percentileSeconds(99));
            max.append(dist.maxSeconds());
        }
        return Table.create("latencies", latency, count, p50, p90, p99, max);
    }

    private Map<String, LatencyDistribution> latencyKinds() {
        Map<String, LatencyDistribution> kinds = new LinkedHashMap<>();
        kinds.put("delivery", delivery);
        kinds.put("sync", sync);
        return kinds;
    }

    /** CDF of delivery latency: (value_s, fraction of deliveries ≤ value_s), one row per distinct value. */
    public Table deliveryLatencyCdf() {
        return delivery.cdf("delivery latency CDF");
    }

    /** CDF of sync latency: (value_s, fraction of fully synced events ≤ value_s), one row per distinct value. */
    public Table syncLatencyCdf() {
        return sync.cdf("sync latency CDF");
    }

    /** Both CDFs in one table: (latency = "delivery" | "sync", value_s, fraction), for {@code Plots.latencyCdf}. */
    public Table latencyCdf() {
        StringColumn latency = StringColumn.create("latency");
        DoubleColumn value = DoubleColumn.create("value_s");
        DoubleColumn fraction = DoubleColumn.create("fraction");
        for (Map.Entry<String, LatencyDistribution> e : latencyKinds().entrySet()) {
            Table cdf = e.getValue().cdf(e.getKey());
            for (int i = 0; i < cdf.rowCount(); i++) {
                latency.append(e.getKey());
                value.append(cdf.doubleColumn("value_s").getDouble(i));
                fraction.append(cdf.doubleColumn("fraction").getDouble(i));
            }
        }
        return Table.create("latency CDF", latency, value, fraction);
    }

    /**
     * Per device: inserts, peak inserts in any 1 s (sliding window), peak in an aligned second
     * [k s, (k+1) s), the aligned seconds over the ceiling, and the ceiling.
     */
    public Table writeRates() {
        StringColumn device = StringColumn.create("device");
        LongColumn inserts = LongColumn.create("inserts");
        IntColumn peak = IntColumn.create("peak_per_s");
        IntColumn peakAligned = IntColumn.create("peak_aligned_per_s");
        LongColumn over = LongColumn.create("windows_over");
        IntColumn ceiling = IntColumn.create("ceiling_per_s");
        for (DeviceState d : byIndex) {
            device.append(d.name);
            inserts.append(d.writes.inserts());
            peak.append(d.writes.peakSliding());
            peakAligned.append(d.writes.peakAligned());
            over.append(d.writes.windowsOver(writeCeiling));
            ceiling.append(writeCeiling);
        }
        return Table.create("write rates", device, inserts, peak, peakAligned, over, ceiling);
    }

    /**
     * Device × device sync time: one row per ordered pair of distinct devices (registration order),
     * with the median and p90 (nearest rank, exact) of the delivery latencies at {@code to} of the
     * events authored by {@code from}, the number of such events {@code to} stored, and the number
     * {@code from} authored. Median and p90 are NaN when {@code to} stored none.
     */
    public Table syncMatrix() {
        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        DoubleColumn median = DoubleColumn.create("median_s");
        DoubleColumn p90 = DoubleColumn.create("p90_s");
        IntColumn count = IntColumn.create("events");
        LongColumn authored = LongColumn.create("authored");
        for (DeviceState a : byIndex) {
            for (DeviceState b : byIndex) {
                if (a == b) {
                    continue;
                }
                LongList latencies = b.fromAuthorIfAny(a.index);
                from.append(a.name);
                to.append(b.name);
                authored.append(a.authored);
                if (latencies == null || latencies.isEmpty()) {
                    median.append(Double.NaN);
                    p90.append(Double.NaN);
                    count.append(0);
                } else {
                    latencies.sort();
                    median.append(latencies.nearestRank(50) / MICROS_PER_SECOND);
                    p90.append(latencies.nearestRank(90) / MICROS_PER_SECOND);
                    count.append(latencies.size());
                }
            }
        }
        return Table.create("sync time matrix", from, to, median, p90, count, authored);
    }

    /**
     * Every first delivery of an event to a device other than its author, one row each: the device
     * that stored it ({@code device}), its author ({@code from}), when it was authored
     * ({@code authored_s}; history counts from time 0, as for every latency), when the device stored
     * it ({@code stored_s}) and the delivery latency ({@code latency_s} = stored − authored). Rows are
     * grouped by device in registration order, then in creation order of the events. The raw data
     * behind {@code syncMatrix()} and the delivery CDF, for grouping by a class of devices.
     */
    public Table deliveryLatencies() {
        StringColumn device = StringColumn.create("device");
        StringColumn from = StringColumn.create("from");
        DoubleColumn authored = DoubleColumn.create("authored_s");
        DoubleColumn stored = DoubleColumn.create("stored_s");
        DoubleColumn latency = DoubleColumn.create("latency_s");
        for (DeviceState to : byIndex) {
            for (EventInfo e : bySeq) {
                long at = to.storedAt(e.seq);
                if (e.author == to.index || at == DeviceState.NOT_HELD) {
                    continue;
                }
                device.append(to.name);
                from.append(byIndex.get(e.author).name);
                authored.append(e.origin / MICROS_PER_SECOND);
                stored.append(at / MICROS_PER_SECOND);
                latency.append(Math.max(0, at - e.origin) / MICROS_PER_SECOND);
            }
        }
        return Table.create("delivery latencies", device, from, authored, stored, latency);
    }

    /** The headline numbers of the run, in a fixed order (see package-info for each definition). */
    public LinkedHashMap<String, Double> summaryMap() {
        LinkedHashMap<String, Double> v = new LinkedHashMap<>();
        v.put("events_created", (double) events.size());
        v.put("devices", (double) byIndex.size());
        v.put("devices_online", (double) onlineCount);
        v.put("converged", converged() ? 1.0 : 0.0);
        v.put("convergence_s", convergenceSeconds());
        v.put("min_completeness", byIndex.stream().mapToDouble(d -> completeness(d.name)).min().orElse(1.0));
        v.put("mean_completeness", byIndex.stream().mapToDouble(d -> completeness(d.name)).average().orElse(1.0));
        v.put("deliveries", (double) delivery.count());
        v.put("delivery_p50_s", delivery.percentileSeconds(50));
        v.put("delivery_p90_s", delivery.percentileSeconds(90));
        v.put("delivery_p99_s", delivery.percentileSeconds(99));
        v.put("delivery_max_s", delivery.maxSeconds());
        v.put("events_synced", (double) sync.count());
        v.put("sync_p50_s", sync.percentileSeconds(50));
        v.put("sync_p90_s", sync.percentileSeconds(90));
        v.put("sync_p99_s", sync.percentileSeconds(99));
        v.put("sync_max_s", sync.maxSeconds());
        long packets = 0;
        long delivered = 0;
        long dropped = 0;
        long rejected = 0;
        for (PacketTotals t : byType.values()) {
            packets += t.sentCount;
            delivered += t.deliveredBytes;
            dropped += t.droppedBytes;
            rejected += t.rejectedBytes;
        }
        v.put("packets_sent", (double) packets);
        v.put("bytes_sent", (double) bytesSent());
        v.put("bytes_delivered", (double) delivered);
        v.put("bytes_dropped", (double) dropped);
        v.put("bytes_rejected", (double) rejected);
        v.put("first_delivery_bytes", (double) firstDeliveryBytes);
        v.put("overhead_ratio", overheadRatio());
        double floorId = floorIdBytes();
        double floor = firstDeliveryBytes + floorId;
        v.put("floor_id_bytes", floorId);
        v.put("floor_bytes", floor);
        v.put("bytes_over_floor", floor == 0 ? Double.NaN : bytesSent() / floor);
        v.put("duplicates", (double) duplicates());
        v.put("events_rejected", (double) rejectedEvents.values().stream().mapToLong(Long::longValue).sum());
        v.put("filters_sent", (double) filtersSent);
        v.put("filter_bytes_min", filtersSent == 0 ? Double.NaN : filterBytesMin);
        v.put("filter_bytes_mean", filtersSent == 0 ? Double.NaN : filterBytesSum / (double) filtersSent);
        v.put("filter_bytes_max", filtersSent == 0 ? Double.NaN : filterBytesMax);
        v.put("filter_tests", (double) filterTests);
        v.put("fpr_measured", measuredFalsePositiveRate());
        v.put("fpr_expected", expectedFalsePositiveRate());
        v.put("peak_write_rate", (double) byIndex.stream().mapToInt(d -> d.writes.peakSliding()).max().orElse(0));
        v.put("peak_write_rate_aligned", (double) byIndex.stream().mapToInt(d -> d.writes.peakAligned()).max().orElse(0));
        v.put("write_ceiling", (double) writeCeiling);
        v.put("write_windows_over", (double) byIndex.stream().mapToLong(d -> d.writes.windowsOver(writeCeiling)).sum());
        v.put("devices_over_write_ceiling", (double) byIndex.stream().filter(d -> d.writes.peakSliding() > writeCeiling).count());
        return v;
    }

    /** {@link #summaryMap()} as a two-column table (metric, value). */
    public Table summary() {
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn value = DoubleColumn.create("value");
        summaryMap().forEach((k, x) -> {
            metric.append(k);
            value.append(x);
        });
        return Table.create("summary", metric, value);
    }
}
