package org.p2psim.metrics.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.p2psim.metrics.facts.EventFacts;
import org.p2psim.metrics.facts.PresenceFacts;
import org.p2psim.metrics.facts.ReadFacts;

/**
 * The ground truth and who holds it: the events created, the devices in registration order, what
 * each holds since when, whether it is online, and convergence. First stores feed the
 * {@link Latencies} and the {@link WriteRates}; the rest of what is measured per device (duplicates,
 * reads, declined chunks) is counted here.
 */
public final class GroundTruth implements PresenceFacts, EventFacts, ReadFacts {
    /** One event of the ground truth. */
    static final class TruthEvent {
        final int seq;
        final long createdAt;
        /** Where latencies are measured from: the creation time, or 0 for history from before the run. */
        final long origin;
        final int author;
        /** Devices that should hold the event: those with index < targets (registered before its creation). */
        final int targets;
        int targetsHolding;

        TruthEvent(int seq, long createdAt, int author, int targets) {
            this.seq = seq;
            this.createdAt = createdAt;
            this.origin = Math.max(0, createdAt);
            this.author = author;
            this.targets = targets;
        }
    }

    private static final double MICROS_PER_SECOND = 1e6;

    private final Latencies latencies;
    private final WriteRates writes;

    // ground truth (the map is only looked up, never iterated)
    private final Map<String, TruthEvent> events = new HashMap<>();
    /** The same events in creation order (index = seq). */
    final List<TruthEvent> bySeq = new ArrayList<>();
    final StepSeries truthCurve = new StepSeries();
    private long lastCreation = Long.MIN_VALUE;

    // devices, in registration order
    private final Map<String, DeviceState> devices = new LinkedHashMap<>();
    final List<DeviceState> byIndex = new ArrayList<>();
    private int onlineCount;
    private int unknownCopies;
    private final Map<String, Long> rejectedEvents = new TreeMap<>();

    // convergence: online devices that lack some event, and since when none has
    private int incompleteOnline;
    private boolean convergedNow = true;
    private long convergedSince = Long.MIN_VALUE;

    public GroundTruth(Latencies latencies, WriteRates writes) {
        this.latencies = latencies;
        this.writes = writes;
    }

    // ---- facts ----

    @Override
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
            writes.register(name);
            onlineCount++;
            if (!events.isEmpty()) {
                incompleteOnline++;
                convergedNow = false;
            }
        }
        return d;
    }

    @Override
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

    @Override
    public void eventCreated(String eventId, String author, long at) {
        if (events.containsKey(eventId)) {
            return;
        }
        DeviceState a = register(author);
        TruthEvent e = new TruthEvent(events.size(), at, a.index, byIndex.size());
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
    private void adoptEarlyCopies(String eventId, TruthEvent e) {
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

    @Override
    public void eventStored(String device, String eventId, int ciphertextBytes, long at) {
        DeviceState d = register(device);
        if (at < d.lastStoredAt) {
            throw new IllegalArgumentException("stores at " + device + " must be reported in time order: " + at
                    + " µs after " + d.lastStoredAt + " µs");
        }
        TruthEvent e = events.get(eventId);
        if (e == null) {
            storeUnknown(d, eventId, ciphertextBytes, at);
            return;
        }
        if (d.storedAt(e.seq) != DeviceState.NOT_HELD) {
            return;
        }
        d.lastStoredAt = at;
        if (!(e.author == d.index && e.createdAt < 0)) {
            writes.insert(d.index, at);
        }
        recordHold(d, e, ciphertextBytes, at);
        if (d.online && d.heldTruth == events.size()) {
            incompleteOnline--;
            convergenceChanged(at);
        }
    }

    @Override
    public void eventDeclined(String device, String eventId, long at) {
        DeviceState d = register(device);
        TruthEvent e = events.get(eventId);
        if (e == null || d.storedAt(e.seq) != DeviceState.NOT_HELD) {
            return;
        }
        d.hold(e.seq, at);
        d.heldTruth++;
        d.declined++;
        d.held.add(at, d.heldTruth);
        if (d.index < e.targets && ++e.targetsHolding == e.targets) {
            latencies.synced(Math.max(0, at - e.origin));
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
            writes.insert(d.index, at);
        }
    }

    private void recordHold(DeviceState d, TruthEvent e, int bytes, long at) {
        d.hold(e.seq, at);
        d.heldTruth++;
        d.held.add(at, d.heldTruth);
        long latency = Math.max(0, at - e.origin);
        if (d.index != e.author) {
            d.received++;
            latencies.delivered(latency, bytes);
            d.fromAuthor(e.author).add(latency);
        }
        if (d.index < e.targets && ++e.targetsHolding == e.targets) {
            latencies.synced(latency);
        }
    }

    private void convergenceChanged(long at) {
        boolean now = incompleteOnline == 0;
        if (now && !convergedNow) {
            convergedSince = at;
        }
        convergedNow = now;
    }

    @Override
    public void read(String device, int messages) {
        DeviceState d = register(device);
        d.reads++;
        d.messagesRead += messages;
    }

    @Override
    public void duplicate(String device) {
        register(device).duplicates++;
    }

    @Override
    public void eventRejected(String device, String reason) {
        rejectedEvents.merge(reason, 1L, Long::sum);
    }

    // ---- reading ----

    /** Whether {@code device} held {@code eventId} at {@code asOf} (µs), copies stored before its creation included. */
    public boolean heldAt(String device, String eventId, long asOf) {
        DeviceState d = devices.get(device);
        if (d == null) {
            return false;
        }
        TruthEvent e = events.get(eventId);
        if (e != null) {
            return d.heldAt(e.seq, asOf);
        }
        long[] copy = d.unknown == null ? null : d.unknown.get(eventId);
        return copy != null && copy[0] <= asOf;
    }

    public int truthSize() {
        return events.size();
    }

    public OptionalLong createdAt(String eventId) {
        TruthEvent e = events.get(eventId);
        return e == null ? OptionalLong.empty() : OptionalLong.of(e.createdAt);
    }

    public int creationIndex(String eventId) {
        TruthEvent e = events.get(eventId);
        return e == null ? -1 : e.seq;
    }

    public List<String> devices() {
        return List.copyOf(devices.keySet());
    }

    public int deviceCount() {
        return byIndex.size();
    }

    public int onlineCount() {
        return onlineCount;
    }

    private DeviceState known(String device) {
        DeviceState d = devices.get(device);
        if (d == null) {
            throw new IllegalArgumentException("no device named '" + device + "'; devices are " + devices.keySet());
        }
        return d;
    }

    public double onlineShare(String device, long now) {
        return known(device).onlineShare(now);
    }

    public boolean online(String device) {
        return known(device).online;
    }

    public int held(String device) {
        DeviceState d = devices.get(device);
        return d == null ? 0 : d.heldTruth;
    }

    public double completeness(String device) {
        return events.isEmpty() ? 1.0 : held(device) / (double) events.size();
    }

    public double minCompleteness() {
        return byIndex.stream().mapToDouble(d -> completeness(d.name)).min().orElse(1.0);
    }

    public double meanCompleteness() {
        return byIndex.stream().mapToDouble(d -> completeness(d.name)).average().orElse(1.0);
    }

    public double meanCompletenessAt(long at) {
        return byIndex.stream().mapToDouble(d -> completenessAt(d, at)).average().orElse(1.0);
    }

    public double minCompletenessAt(long at) {
        return byIndex.stream().mapToDouble(d -> completenessAt(d, at)).min().orElse(1.0);
    }

    private double completenessAt(DeviceState d, long at) {
        int truthAt = truthCurve.valueAt(at);
        return truthAt == 0 ? 1.0 : d.held.valueAt(at) / (double) truthAt;
    }

    public boolean converged() {
        return incompleteOnline == 0;
    }

    public double convergenceSeconds() {
        if (!converged() || events.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, convergedSince - Math.max(0, lastCreation)) / MICROS_PER_SECOND;
    }

    public long lastCreation() {
        return events.isEmpty() ? 0 : Math.max(0, lastCreation);
    }

    public long duplicates() {
        long sum = 0;
        for (DeviceState d : byIndex) {
            sum += d.duplicates;
        }
        return sum;
    }

    /** Events received (first stores of events authored by another device), per device in registration order. */
    public long[] received() {
        return byIndex.stream().mapToLong(d -> d.received).toArray();
    }

    /** Refused events by reason, sorted. */
    public Map<String, Long> rejectedEvents() {
        return rejectedEvents;
    }

    public long eventsRejected() {
        return rejectedEvents.values().stream().mapToLong(Long::longValue).sum();
    }
}
