package org.p2psim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.Simulation;
import org.p2psim.metrics.Metrics;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.scenario.Scenario;
import org.p2psim.world.NatTables;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimEventCodec;
import org.p2psim.sim.SimTime;
import tech.tablesaw.api.Table;

/**
 * A run directory (DESIGN.md, "The command line"):
 *
 * <pre>
 * scenario.yaml      the effective scenario: every --set applied, every field explicit, the run's seed
 * summary.json       scenario, seed, duration_s, traceSha256, every summary metric ("metrics") and the
 *                    scenario's expected outcomes checked against the run ("expectations": check, metric,
 *                    comparison, symbol, threshold, at, at_s, measured, result, pass, note; empty when none)
 * metrics/*.csv      completeness, packets, undelivered, devices, rejected_events, latencies,
 *                    latency_cdf, write_rates, sync_matrix, summary, expectations; sim_events and packet_log as in run.sqlite
 * run.sqlite         sim_events(seq, time_us, kind, device, detail) and
 *                    packet_log(seq, sent_us, done_us, from_device, to_device, type, bytes, fate, reason,
 *                               fingerprint, duplicate): times in µs; fingerprint is a 64-bit hash of the
 *                               packet's signed bytes in hex, the same in both signature modes; duplicate is 1 for an extra copy the network made
 * devices/*.sqlite   every device's own store
 * </pre>
 *
 * {@code summary.json} is written last, by an atomic rename: a directory without it holds an unfinished
 * run, which {@link #open} calls incomplete. Every SQLite file is written in WAL mode with
 * {@code synchronous=NORMAL}, so a run killed at any moment (kill -9) leaves files that open and
 * pass {@code PRAGMA integrity_check} ({@code RunDirectoryCrashTest}, {@code tools/crash_test.sh}).
 */
public final class RunDirectory {
    public static final String SUMMARY = "summary.json";
    public static final String SCENARIO = "scenario.yaml";
    public static final String DATABASE = "run.sqlite";
    public static final String METRICS = "metrics";
    public static final String DEVICES = "devices";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Samples of completeness.csv over the run (the exact step curve is in the tables of the simulation). */
    static final int COMPLETENESS_SAMPLES = 500;

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** A finished run directory, for reading. */
    public static RunDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunDirectoryException("run directory '" + dir + "' not found");
        }
        if (!Files.isRegularFile(dir.resolve(SUMMARY)) && Files.isRegularFile(dir.resolve(SCENARIO))) {
            throw new RunDirectoryException("run directory '" + dir + "' is incomplete: the run was interrupted or is still"
                    + " running (" + SUMMARY + ", written last, is missing)");
        }
        if (!Files.isRegularFile(dir.resolve(SUMMARY))) {
            throw new RunDirectoryException("'" + dir + "' is not a finished run directory (it has no " + SUMMARY + ")");
        }
        for (String file : List.of(SCENARIO, DATABASE)) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new RunDirectoryException("run directory '" + dir + "' has no " + file);
            }
        }
        return new RunDirectory(dir);
    }

    public Path path() {
        return dir;
    }

    // ---- preparing and writing ----

    /**
     * Makes {@code dir} ready for a new run: it must not exist or be empty. With {@code replace},
     * an earlier run directory (one holding summary.json, scenario.yaml, run.sqlite or devices/) is
     * deleted first; anything else is still refused.
     */
    public static void prepare(Path dir, boolean replace) {
        OutputDirectory.prepare(dir, replace, "run", List.of(SUMMARY, SCENARIO, DATABASE, DEVICES + "/"));
    }

    /** Deletes {@code dir} and everything in it. */
    public static void deleteTree(Path dir) throws IOException {
        OutputDirectory.deleteTree(dir);
    }

    /** Runs {@code run} into {@code dir} (a new temporary directory when null) and writes every file. */
    static RunResult run(ScenarioRun run, Path dir, ScenarioRun.Progress progress) {
        Path target;
        try {
            target = dir != null ? dir : Files.createTempDirectory("p2psim-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary run directory", e);
        }
        prepare(target, false);
        Scenario effective = run.effectiveScenario();
        writeScenario(target, effective);
        long wallStart = System.nanoTime();
        Simulation sim = run.withDirectory(target).build();
        try {
            ScenarioRun.runUntil(sim, SimTime.of(effective.duration()), progress);
            sim.flush();
            double wall = (System.nanoTime() - wallStart) / 1e9;
            List<ExpectationResult> expectations = Expectations.evaluate(effective, sim);
            writeMetrics(target, sim, effective, expectations);
            writeDatabase(target.resolve(DATABASE), sim);
            writeTraceCsv(new RunDirectory(target));
            ObjectNode summary = summary(effective, sim, expectations);
            writeJsonAtomically(target.resolve(SUMMARY), summary);
            return new RunResult(effective, sim.seed(), target, sim, summary, sim.metrics().summaryMap(), sim.traceSha256(), wall,
                    expectations);
        } finally {
            sim.close();
        }
    }

    static void writeScenario(Path dir, Scenario scenario) {
        String header = "# The effective scenario of this run: the scenario with every --set applied, every field\n"
                + "# explicit, and the run's seed. `bin/p2psim run " + dir.resolve(SCENARIO) + "` runs it again.\n";
        write(dir.resolve(SCENARIO), header + scenario.toYaml());
    }

    /** scenario, seed, duration_s, traceSha256, the metrics (NaN as null, whole numbers as integers) and the expectations. */
    static ObjectNode summary(Scenario scenario, Simulation sim, List<ExpectationResult> expectations) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scenario", scenario.name());
        root.put("seed", sim.seed());
        root.put("duration", Units.formatDuration(scenario.duration()));
        root.put("duration_s", SimTime.toSeconds(SimTime.of(scenario.duration())));
        root.put("sim_events", sim.timeline().size());
        root.put("traceSha256", sim.traceSha256());
        ObjectNode metrics = root.putObject("metrics");
        sim.metrics().summaryMap().forEach((k, v) -> putNumber(metrics, k, v));
        NatTables.summary(sim.network().nat()).forEach((k, v) -> putNumber(metrics, k, v));
        root.set("expectations", Expectations.json(expectations));
        return root;
    }

    static void putNumber(ObjectNode node, String key, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            node.putNull(key);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            node.put(key, v.longValue());
        } else {
            node.put(key, v);
        }
    }

    private static void writeMetrics(Path dir, Simulation sim, Scenario scenario, List<ExpectationResult> expectations) {
        Metrics m = sim.metrics();
        long end = sim.scheduler().now();
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("completeness", m.sampledCompleteness(end, COMPLETENESS_SAMPLES));
        tables.put("packets", m.packets());
        tables.put("undelivered", m.undelivered());
        tables.put("devices", m.devicesTable(end));
        tables.put("rejected_events", m.rejectedEvents());
        tables.put("latencies", m.latencies());
        tables.put("latency_cdf", m.latencyCdf());
        tables.put("write_rates", m.writeRates());
        tables.put("sync_matrix", m.syncMatrix());
        tables.put("summary", m.summary());
        tables.put("expectations", Expectations.table(expectations));
        if (sim.network().nat() != null) {
            tables.put("nat_pairs", NatTables.pairs(sim.network().nat()));
            tables.put("nat_devices", NatTables.devices(sim.network().nat(), sim.devices().stream().map(org.p2psim.device.Device::name).toList(), end));
        }
        Path metricsDir = dir.resolve(METRICS);
        try {
            Files.createDirectories(metricsDir);
            for (Map.Entry<String, Table> e : tables.entrySet()) {
                e.getValue().write().csv(metricsDir.resolve(e.getKey() + ".csv").toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + metricsDir, e);
        }
    }

    /** sim_events and packet_log of run.sqlite, also as metrics/*.csv for tools that read CSV. */
    private static void writeTraceCsv(RunDirectory run) {
        Path metricsDir = run.dir.resolve(METRICS);
        run.simEvents().write().csv(metricsDir.resolve("sim_events.csv").toFile());
        run.packetLog().write().csv(metricsDir.resolve("packet_log.csv").toFile());
    }

    private static void writeDatabase(Path file, Simulation sim) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                // Not OFF: a kill -9 in the middle of writing left a malformed file (issue 12).
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("CREATE TABLE sim_events (seq INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, kind TEXT NOT NULL,"
                        + " device TEXT NOT NULL, detail TEXT NOT NULL)");
                s.execute("CREATE TABLE packet_log (seq INTEGER PRIMARY KEY, sent_us INTEGER NOT NULL, done_us INTEGER NOT NULL,"
                        + " from_device TEXT NOT NULL, to_device TEXT NOT NULL, type TEXT NOT NULL, bytes INTEGER NOT NULL,"
                        + " fate TEXT NOT NULL, reason TEXT NOT NULL, fingerprint TEXT NOT NULL, duplicate INTEGER NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sim_events VALUES (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (SimEvent e : sim.timeline().events()) {
                    SimEventCodec.Row row = SimEventCodec.encode(e);
                    p.setInt(1, ++seq);
                    p.setLong(2, row.time());
                    p.setString(3, row.kind());
                    p.setString(4, row.device());
                    p.setString(5, row.detail());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO packet_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (PacketRow r : sim.metrics().packetRows()) {
                    p.setInt(1, ++seq);
                    p.setLong(2, r.sentAt());
                    p.setLong(3, r.doneAt());
                    p.setString(4, r.from());
                    p.setString(5, r.to());
                    p.setString(6, r.type());
                    p.setInt(7, r.bytes());
                    p.setString(8, r.fate());
                    p.setString(9, r.reason());
                    p.setString(10, String.format("%016x", r.fingerprint()));
                    p.setInt(11, r.duplicate() ? 1 : 0);
                    p.addBatch();
                    if (seq % 10_000 == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeJson(Path file, JsonNode node) {
        try {
            write(file, JSON.writeValueAsString(node) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** As {@link #writeJson}, to a temporary file renamed over {@code file}: it is whole or absent. */
    static void writeJsonAtomically(Path file, JsonNode node) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        writeJson(partial, node);
        try {
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    // ---- reading ----

    /** summary.json as a JSON tree. */
    public ObjectNode summary() {
        try {
            return (ObjectNode) JSON.readTree(dir.resolve(SUMMARY).toFile());
        } catch (IOException | ClassCastException e) {
            throw new RunDirectoryException("cannot read " + dir.resolve(SUMMARY) + ": " + e.getMessage());
        }
    }

    public long seed() {
        JsonNode seed = summary().get("seed");
        if (seed == null || !seed.canConvertToLong()) {
            throw new RunDirectoryException(dir.resolve(SUMMARY) + " has no whole-number seed");
        }
        return seed.longValue();
    }

    public String traceSha256() {
        JsonNode trace = summary().get("traceSha256");
        if (trace == null || !trace.isTextual()) {
            throw new RunDirectoryException(dir.resolve(SUMMARY) + " has no traceSha256");
        }
        return trace.asText();
    }

    /** The scenario's expected outcomes as checked after the run (from summary.json; empty when it had none). */
    public List<ExpectationResult> expectations() {
        return Expectations.fromJson(summary().get("expectations"));
    }

    /** {@link #expectations()} as the {@code expectations} table (check, measured, threshold, result, …). */
    public Table expectationsTable() {
        return Expectations.table(expectations());
    }

    /** The effective scenario the run used. */
    public Scenario scenario() {
        return Scenario.load(dir.resolve(SCENARIO));
    }

    /** The recorded real-world events, in the order they happened. */
    public List<SimEvent> timeline() {
        List<SimEvent> events = new ArrayList<>();
        query("SELECT time_us, kind, device, detail FROM sim_events ORDER BY seq", rs -> {
            while (rs.next()) {
                events.add(SimEventCodec.decode(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return null;
        });
        return events;
    }

    /** The sim_events table of run.sqlite. */
    public Table simEvents() {
        return table("sim_events");
    }

    /** The packet_log table of run.sqlite. */
    public Table packetLog() {
        return table("packet_log");
    }

    /** metrics/NAME.csv as a table ("packets", "devices", "completeness", …). */
    public Table metrics(String name) {
        Path file = dir.resolve(METRICS).resolve(name + ".csv");
        if (!Files.isRegularFile(file)) {
            throw new RunDirectoryException("run directory '" + dir + "' has no " + METRICS + "/" + name + ".csv");
        }
        return Table.read().csv(file.toFile()).setName(name);
    }

    /** The SQLite file of {@code device}. */
    public Path deviceFile(String device) {
        return dir.resolve(DEVICES).resolve(device + ".sqlite");
    }

    private Table table(String name) {
        return query("SELECT * FROM " + name + " ORDER BY seq", rs -> Table.read().db(rs, name));
    }

    private interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, ResultReader<T> reader) {
        Path file = dir.resolve(DATABASE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new RunDirectoryException("cannot read " + file + ": " + e.getMessage());
        }
    }

    // ---- replaying ----

    /**
     * Reruns the run of {@code dir} from its scenario.yaml, seed and recorded timeline in a
     * temporary directory (deleted afterwards), and compares the trace hashes.
     */
    public static ReplayResult replay(Path dir) {
        return replay(dir, ScenarioRun.Progress.NONE);
    }

    public static ReplayResult replay(Path dir, ScenarioRun.Progress progress) {
        RunDirectory run = open(dir);
        Scenario scenario = run.scenario();
        long seed = run.seed();
        String original = run.traceSha256();
        List<SimEvent> timeline = run.timeline();
        Path temp;
        try {
            temp = Files.createTempDirectory("p2psim-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the replay", e);
        }
        long wallStart = System.nanoTime();
        try (Simulation sim = ScenarioRun.of(scenario).seed(seed).directory(temp).replaying(timeline).build()) {
            ScenarioRun.runUntil(sim, SimTime.of(scenario.duration()), progress);
            String trace = sim.traceSha256();
            return new ReplayResult(dir, scenario.name(), seed, timeline.size(), trace, original, (System.nanoTime() - wallStart) / 1e9);
        } finally {
            try {
                deleteTree(temp);
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }
}
