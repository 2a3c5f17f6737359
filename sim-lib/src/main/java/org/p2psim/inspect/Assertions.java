package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.p2psim.Simulation;
import org.p2psim.device.Device;
import org.p2psim.inspect.source.LiveSource;
import org.p2psim.inspect.source.RunSource;
import org.p2psim.inspect.source.Source;
import org.p2psim.metrics.Metrics;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import tech.tablesaw.api.Table;

/**
 * Assertions on a simulation or a run directory (seed 004 §9, "Automated Verification"). Each call
 * returns an {@link AssertionResult} and records it; {@link #table()} and {@link #json()} give all
 * recorded so far. A failing assertion says what was expected and what was measured.
 *
 * <pre>{@code
 * Assertions check = Inspection.of(sim).assertions();
 * check.syncComplete(List.of("alice", "bob"), Duration.ofMinutes(5));   // runs the simulation on
 * check.eventOrder();
 * check.falsePositiveRateBelow(0.01);
 * check.noDuplicateRows();
 * check.bytesOnWireBelow(3.0);
 * check.table()
 * }</pre>
 */
public final class Assertions {
    private final Inspection inspection;
    private final Source source;
    private final List<AssertionResult> results = new ArrayList<>();

    Assertions(Inspection inspection) {
        this.inspection = inspection;
        this.source = inspection.source();
    }

    // ---- recording ----

    /** Records a result made elsewhere (a check of your own), and returns it. */
    public AssertionResult record(AssertionResult result) {
        results.add(result);
        return result;
    }

    /** Records a check of your own: {@code check("alice online", alice.isOnline(), "online", "offline", "")}. */
    public AssertionResult check(String name, boolean passed, String expected, String measured, String detail) {
        return record(new AssertionResult(name, passed, expected, measured, detail));
    }

    public List<AssertionResult> results() {
        return List.copyOf(results);
    }

    public boolean allPassed() {
        return results.stream().allMatch(AssertionResult::passed);
    }

    /** The recorded results: name, passed, expected, measured, detail. */
    public Table table() {
        return AssertionResult.table(results);
    }

    /** The recorded results as JSON: {@code {passed, count, failed, results: [...]}}. */
    public ObjectNode json() {
        return AssertionResult.json(results);
    }

    /** Throws an {@link AssertionError} listing every failed result, if any failed (for tests). */
    public Assertions requireAllPassed() {
        List<String> failed = results.stream().filter(r -> !r.passed()).map(AssertionResult::toString).toList();
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " of " + results.size() + " assertions failed:\n  "
                    + String.join("\n  ", failed));
        }
        return this;
    }

    // ---- sync complete ----

    /** {@link #syncComplete(List, Duration)} for every device. */
    public AssertionResult syncComplete(Duration within) {
        return syncComplete(source.devices(), within);
    }

    /**
     * Every device of {@code devices} holds every event of the run within {@code within}.
     *
     * <p>On a simulation, "every event" is every event some device holds now (the ground truth so
     * far), and the simulation is run on until those devices hold them all or {@code within} of
     * simulated time has passed, like the seed's {@code {"type": "sync_complete", "timeout": …}}.
     * On a run directory, {@code within} counts from the start of the run: it passes when from some
     * time ≤ {@code within} to the end the devices were complete, read from
     * {@code metrics/completeness.csv} (sampled, so the time is rounded up to a sample).
     */
    public AssertionResult syncComplete(List<String> devices, Duration within) {
        if (devices.isEmpty()) {
            throw new InspectException("syncComplete needs at least one device; devices are " + String.join(", ", source.devices()));
        }
        devices.forEach(inspection::requireDevice);
        if (within.isNegative()) {
            throw new InspectException("syncComplete needs a time >= 0, was " + within);
        }
        return record(source instanceof LiveSource live ? syncLive(live.simulation(), devices, within)
                : syncRun((RunSource) source, devices, within));
    }

    private static AssertionResult syncLive(Simulation sim, List<String> devices, Duration within) {
        Set<String> target = new HashSet<>();
        for (Device d : sim.devices()) {
            target.addAll(d.store().eventIdsInArrivalOrder());
        }
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (String name : devices) {
            DeviceStore store = sim.device(name).store();
            Set<String> lacks = new HashSet<>();
            target.stream().filter(id -> !store.contains(id)).forEach(lacks::add);
            missing.put(name, lacks);
        }
        BooleanSupplier done = () -> {
            boolean all = true;
            for (Map.Entry<String, Set<String>> e : missing.entrySet()) {
                Set<String> lacks = e.getValue();
                if (!lacks.isEmpty()) {
                    DeviceStore store = sim.device(e.getKey()).store();
                    lacks.removeIf(store::contains);
                    all &= lacks.isEmpty();
                }
            }
            return all;
        };
        long start = sim.scheduler().now();
        boolean met = sim.runUntil(done, within);
        long end = sim.scheduler().now();
        String expected = String.join(", ", devices) + " hold all " + target.size() + " events within " + seconds(SimTime.of(within));
        String measured;
        if (met) {
            measured = "all held after " + seconds(end - start);
        } else {
            List<String> parts = new ArrayList<>();
            missing.forEach((name, lacks) -> parts.add(name + " " + (target.size() - lacks.size()) + " of " + target.size()));
            measured = "after " + seconds(end - start) + ": " + String.join(", ", parts);
        }
        List<String> offline = devices.stream().filter(d -> !sim.device(d).isOnline()).toList();
        String detail = "events: every event some device held at t=" + seconds(start) + "; the simulation ran on to t="
                + seconds(end) + (offline.isEmpty() ? "" : "; offline at the end: " + String.join(", ", offline));
        return new AssertionResult("sync_complete", met, expected, measured, detail);
    }

    private static AssertionResult syncRun(RunSource run, List<String> devices, Duration within) {
        Table c = run.run().metrics("completeness");
        // latest sampled time at which some given device was incomplete; complete from the next sample on
        Map<String, Double> last = new HashMap<>();
        double lastIncomplete = Double.NEGATIVE_INFINITY;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < c.rowCount(); i++) {
            String device = c.column("device").getString(i);
            if (!devices.contains(device)) {
                continue;
            }
            double t = StateExport.number(c, "time_s", i);
            double value = StateExport.number(c, "completeness", i);
            if (times.isEmpty() || times.get(times.size() - 1) != t) {
                times.add(t);
            }
            last.put(device, value);
            if (value < 1.0) {
                lastIncomplete = Math.max(lastIncomplete, t);
            }
        }
        double limit = within.toNanos() / 1e9;
        Double completeFrom = null;
        for (double t : times) {
            if (t > lastIncomplete) {
                completeFrom = t;
                break;
            }
        }
        String expected = String.join(", ", devices) + " hold every event by " + String.format(Locale.ROOT, "%.3f s", limit)
                + " and from then on";
        String step = times.size() > 1 ? String.format(Locale.ROOT, "%.3f s", times.get(1) - times.get(0)) : "-";
        String measured;
        boolean passed;
        if (completeFrom == null) {
            passed = false;
            List<String> parts = new ArrayList<>();
            devices.forEach(d -> parts.add(d + " " + String.format(Locale.ROOT, "%.4f", last.getOrDefault(d, Double.NaN))));
            measured = "incomplete at the end: " + String.join(", ", parts);
        } else {
            passed = completeFrom <= limit;
            measured = "complete from " + String.format(Locale.ROOT, "%.3f s", completeFrom) + " on";
        }
        return new AssertionResult("sync_complete", passed, expected, measured,
                "from metrics/completeness.csv of the run directory, sampled every " + step);
    }

    // ---- event order ----

    /**
     * On every device, every channel's messages as the app reads them (in the order
     * {@code getMessages} pages in: by the authors' clocks, ties by event id) appear in authored order: the order in which they were
     * created in simulated time. Clock skew between authors can break it. Messages created at the
     * same instant may appear either way. A run directory takes creation times from run.sqlite
     * {@code sim_events}, matching messages by author, channel and text; history (not in sim_events)
     * is left out and counted in the detail.
     */
    public AssertionResult eventOrder() {
        Map<String, String> names = source.namesById();
        CreationTimes times = source instanceof LiveSource live ? new LiveTimes(live.simulation().metrics())
                : new RunTimes(((RunSource) source).run().timeline());
        long pairs = 0;
        long inversions = 0;
        long unknown = 0;
        long messages = 0;
        String example = null;
        int devicesOut = 0;
        for (String device : source.devices()) {
            boolean out = false;
            for (String channel : channels(device)) {
                Table shown = messagesAsShown(device, channel);
                messages += shown.rowCount();
                String prevId = null;
                long prevAt = 0;
                String prevText = null;
                for (int i = 0; i < shown.rowCount(); i++) {
                    String id = shown.stringColumn("event_id").get(i);
                    String authorId = shown.column("author").getString(i);
                    String author = names.getOrDefault(authorId, authorId);
                    String body = shown.column("body").getString(i);
                    OptionalLong at = times.of(id, author, channel, body);
                    if (at.isEmpty()) {
                        unknown++;
                        continue;
                    }
                    if (prevId != null) {
                        pairs++;
                        if (prevAt > at.getAsLong()) {
                            inversions++;
                            out = true;
                            if (example == null) {
                                example = "first on " + device + " in #" + channel + ": " + prevText + " (created "
                                        + seconds(prevAt) + ") shown before " + author + ": '" + clip(body) + "' (created "
                                        + seconds(at.getAsLong()) + ")";
                            }
                        }
                    }
                    prevId = id;
                    prevAt = at.getAsLong();
                    prevText = author + ": '" + clip(body) + "'";
                }
            }
            if (out) {
                devicesOut++;
            }
        }
        String measured = inversions + " of " + pairs + " successive pairs out of authored order"
                + (inversions == 0 ? "" : ", on " + devicesOut + " of " + source.devices().size() + " devices");
        String detail = (example == null ? "" : example + "; ") + messages + " messages checked across "
                + source.devices().size() + " devices"
                + (unknown == 0 ? "" : "; " + unknown + " without a recorded creation time (history) left out");
        return record(new AssertionResult("event_order", inversions == 0,
                "getMessages on every device in authored order (0 pairs out of order)", measured, detail));
    }

    private List<String> channels(String device) {
        Table t = source.sql(device, "SELECT DISTINCT channel_id AS channel FROM message_index ORDER BY channel_id");
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            channels.add(t.column("channel").getString(i));
        }
        return channels;
    }

    /**
     * A channel's messages in the order the app shows them: the order {@code Client.getMessages}
     * pages in (authored_ts, ties by event_id), read with one read-only query on the store.
     */
    private Table messagesAsShown(String device, String channel) {
        return source.sql(device, "SELECT event_id, author, authored_ts, body FROM message_index WHERE channel_id = '"
                + channel.replace("'", "''") + "' ORDER BY authored_ts, event_id");
    }

    private interface CreationTimes {
        OptionalLong of(String eventId, String author, String channel, String body);
    }

    private record LiveTimes(Metrics metrics) implements CreationTimes {
        @Override
        public OptionalLong of(String eventId, String author, String channel, String body) {
            return metrics.createdAt(eventId);
        }
    }

    /** Creation times of the messages sim_events records, by (author, channel, text); ambiguous keys are left out. */
    private static final class RunTimes implements CreationTimes {
        private final Map<List<String>, Long> times = new HashMap<>();
        private final Set<List<String>> ambiguous = new HashSet<>();

        RunTimes(List<SimEvent> timeline) {
            for (SimEvent e : timeline) {
                if (e instanceof SimEvent.Message m) {
                    List<String> key = List.of(m.device(), m.channel(), m.text());
                    if (times.put(key, m.time()) != null) {
                        ambiguous.add(key);
                    }
                }
            }
        }

        @Override
        public OptionalLong of(String eventId, String author, String channel, String body) {
            List<String> key = List.of(author, channel, body);
            Long t = times.get(key);
            return t == null || ambiguous.contains(key) ? OptionalLong.empty() : OptionalLong.of(t);
        }
    }

    // ---- Bloom false positives, duplicates, bytes ----

    /** The measured Bloom false-positive rate ({@code fpr_measured}) is below {@code bound}. */
    public AssertionResult falsePositiveRateBelow(double bound) {
        Map<String, Double> s = source.summary();
        double fpr = s.getOrDefault("fpr_measured", Double.NaN);
        double tests = s.getOrDefault("filter_tests", Double.NaN);
        String expected = "false-positive rate < " + number(bound);
        if (Double.isNaN(fpr)) {
            return record(new AssertionResult("fpr_below", false, expected, "no rate: no filter test of an event the peer lacked",
                    "fpr_measured is undefined (" + number(tests) + " filter tests); a strategy without Bloom filters, or nothing to send yet"));
        }
        return record(new AssertionResult("fpr_below", fpr < bound, expected, number(fpr),
                "fpr_measured: positives among tests of events the filter's owner lacked, over " + number(tests)
                        + " filter tests; the filters' analytic rate fpr_expected is " + number(s.getOrDefault("fpr_expected", Double.NaN))));
    }

    /**
     * No store holds an event twice: in {@code events} and in every table keyed by {@code event_id}
     * ({@code message_index}, and file tables where present), rows = distinct event ids.
     */
    public AssertionResult noDuplicateRows() {
        long total = 0;
        List<String> where = new ArrayList<>();
        Set<String> tablesChecked = new java.util.TreeSet<>();
        for (String device : source.devices()) {
            List<String> tables = new ArrayList<>();
            tables.add("events");
            tables.addAll(EventKinds.tables(source, device));
            for (String table : tables) {
                tablesChecked.add(table);
                Table t = source.sql(device, "SELECT COUNT(*) - COUNT(DISTINCT event_id) AS extra FROM \""
                        + table.replace("\"", "\"\"") + "\"");
                long extra = t.longColumn("extra").getLong(0);
                if (extra > 0) {
                    total += extra;
                    where.add(device + "." + table + " " + extra);
                }
            }
        }
        String measured = total + " duplicate rows" + (where.isEmpty() ? "" : ": " + String.join(", ", where));
        return record(new AssertionResult("no_duplicate_rows", total == 0, "0 duplicate rows", measured,
                "rows minus distinct event ids in " + String.join(", ", tablesChecked) + " of " + source.devices().size()
                        + " stores; the duplicate event packets devices received are counted apart (metric duplicates = "
                        + number(source.summary().getOrDefault("duplicates", Double.NaN)) + ")"));
    }

    /**
     * Bytes on the wire stay below {@code ratio} times the floor: {@code bytes_over_floor} from the
     * summary metrics when present, else {@code overhead_ratio} (bytes sent / ciphertext bytes of
     * first deliveries); the detail says which.
     */
    public AssertionResult bytesOnWireBelow(double ratio) {
        Map<String, Double> s = source.summary();
        Double overFloor = s.get("bytes_over_floor");
        boolean floor = overFloor != null && !overFloor.isNaN();
        String metric = floor ? "bytes_over_floor" : "overhead_ratio";
        double value = floor ? overFloor : s.getOrDefault("overhead_ratio", Double.NaN);
        String detail = floor ? "metric bytes_over_floor: bytes sent over the floor (summary metrics)"
                : "metric overhead_ratio = bytes sent / ciphertext bytes of first deliveries (the summary metrics have no "
                        + "bytes_over_floor); bytes sent " + number(s.getOrDefault("bytes_sent", Double.NaN))
                        + ", first deliveries " + number(s.getOrDefault("first_delivery_bytes", Double.NaN));
        String expected = metric + " < " + number(ratio);
        if (Double.isNaN(value)) {
            return record(new AssertionResult("bytes_on_wire_below", false, expected, "no ratio: nothing delivered yet", detail));
        }
        return record(new AssertionResult("bytes_on_wire_below", value < ratio, expected, number(value), detail));
    }

    // ---- formatting ----

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    @Override
    public String toString() {
        long failed = results.stream().filter(r -> !r.passed()).count();
        return "Assertions[" + results.size() + " recorded, " + failed + " failed]";
    }
}
