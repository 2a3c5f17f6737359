package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2psim.Simulation;
import org.p2psim.inspect.render.Json;
import org.p2psim.inspect.source.LiveSource;
import org.p2psim.inspect.source.RunSource;
import org.p2psim.inspect.source.Source;
import org.p2psim.store.ReadOnlySql;
import org.p2psim.store.StoreException;
import tech.tablesaw.api.Table;

/**
 * The automated tester's view of a simulation (seed 004 §9 "LLM Tester", §12): SQL on a device,
 * two devices compared, the whole state as JSON, the network's connection matrix, a metrics
 * snapshot, assertions, and a device's store copied out. It reads a live {@link Simulation} as it
 * is now, or a finished run directory from its files alone, with the same calls.
 *
 * <pre>{@code
 * Inspection in = Inspection.of(sim);                 // or Inspection.of(Path.of("runs/demo"))
 * in.sql("alice", "SELECT COUNT(*) FROM events");    // read-only; errors say what SQLite said
 * in.compare("alice", "bob").byKind();
 * in.stateJsonText();
 * in.network().matrix();
 * in.assertions().falsePositiveRateBelow(0.01);
 * }</pre>
 *
 * Nothing here changes the simulation, except {@link Assertions#syncComplete}, which runs it on.
 */
public final class Inspection {
    private static final Pattern SQLITE_MESSAGE = Pattern.compile("^\\[(SQLITE_\\w+)\\][^(]*\\((.*)\\)$", Pattern.DOTALL);

    private final Source source;

    private Inspection(Source source) {
        this.source = source;
    }

    /** The simulation as it is now. */
    public static Inspection of(Simulation sim) {
        return new Inspection(new LiveSource(sim));
    }

    /**
     * A finished run directory (written by {@code bin/p2psim run} or {@code ScenarioRun.run()}),
     * read from its files; a directory that is not one is refused with a
     * {@link org.p2psim.experiment.RunDirectoryException} that says why.
     */
    public static Inspection of(Path runDirectory) {
        return new Inspection(new RunSource(runDirectory));
    }

    Source source() {
        return source;
    }

    /** "simulation" or "run-directory". */
    public String kind() {
        return source.kind();
    }

    /** The run directory (a simulation's own directory of device files). */
    public Path directory() {
        return source.directory();
    }

    public long seed() {
        return source.seed();
    }

    /** Simulated time now (a run directory: its end), in seconds. */
    public double timeSeconds() {
        return source.timeMicros() / 1e6;
    }

    /** The devices, in the order they were registered. */
    public List<String> devices() {
        return source.devices();
    }

    /** Throws an {@link InspectException} listing the devices when {@code device} is not one of them. */
    public String requireDevice(String device) {
        if (!source.devices().contains(device)) {
            throw new InspectException("no device named '" + device + "'; devices are " + String.join(", ", source.devices()));
        }
        return device;
    }

    // ---- SQL ----

    /**
     * Runs one SQL statement on {@code device}'s store through a read-only connection and returns its
     * rows (integers as LongColumns, reals as DoubleColumns, blobs as hex). An SQL error, or an
     * attempt to write, comes back as an {@link InspectException} with SQLite's own message and the
     * query: {@code "SQL on alice failed: no such table: nope; query: SELECT * FROM nope"}. Only one
     * statement that reads the store is run; anything else (VACUUM INTO, ATTACH, a pragma that writes,
     * temp objects, load_extension, a second statement) is refused with the reason
     * ({@link ReadOnlySql}); a statement may run for one minute.
     */
    public Table sql(String device, String query) {
        requireDevice(device);
        try {
            return source.sql(device, query).setName(device);
        } catch (StoreException e) {
            throw sqlFailure("SQL on " + device, query, e);
        }
    }

    /**
     * As {@link #sql(String, String)}, reading the first {@code limits.maxRows()} rows (the rest is
     * never read; {@code truncated} says there was more) and stopping the statement at {@code limits.timeout()}.
     */
    public ReadOnlySql.Rows sql(String device, String query, ReadOnlySql.Limits limits) {
        requireDevice(device);
        try {
            ReadOnlySql.Rows rows = source.sql(device, query, limits);
            rows.table().setName(device);
            return rows;
        } catch (StoreException e) {
            throw sqlFailure("SQL on " + device, query, e);
        }
    }

    /**
     * As {@link #sql(String, String)}, on a device store file anywhere (e.g. {@code runs/demo/devices/bob.sqlite}),
     * without a simulation or run directory. A file that is not a p2psim device store is refused.
     */
    public static Table sql(Path storeFile, String query) {
        try {
            return org.p2psim.store.DeviceStore.queryFile(storeFile, query);
        } catch (StoreException e) {
            throw sqlFailure("SQL on " + storeFile, query, e);
        }
    }

    static InspectException sqlFailure(String what, String query, StoreException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ReadOnlySql.Refused refused) {
            return new InspectException(what + " refused: " + refused.getMessage() + "; query: "
                    + query.strip().replaceAll("\\s+", " "), e);
        }
        if (!(cause instanceof SQLException sql)) {
            return new InspectException(e.getMessage(), e);
        }
        String message = String.valueOf(sql.getMessage());
        Matcher m = SQLITE_MESSAGE.matcher(message.strip());
        String code = m.matches() ? m.group(1) : "";
        String said = m.matches() ? m.group(2) : message;
        if (code.startsWith("SQLITE_READONLY")) {
            said += " (inspection connections are read-only)";
        }
        return new InspectException(what + " failed: " + said.strip().replaceAll("\\s+", " ") + "; query: "
                + query.strip().replaceAll("\\s+", " "), e);
    }

    /**
     * Every event {@code device} holds, in arrival order: event_id, channel, authored_ts, received_ts,
     * bytes (ciphertext), kind ("message", or a file kind where the store has files), author_id and
     * body (first 80 characters) for messages.
     */
    public Table events(String device) {
        requireDevice(device);
        try {
            return EventKinds.events(source, device).setName("events of " + device);
        } catch (StoreException e) {
            throw new InspectException(e.getMessage(), e);
        }
    }

    /** Device id (hex, as in message_index.author) → device name. */
    public Map<String, String> namesById() {
        return source.namesById();
    }

    // ---- compare, state, network, metrics ----

    /** The events only {@code a} holds, only {@code b} holds, and both hold, by kind. */
    public Comparison compare(String a, String b) {
        requireDevice(a);
        requireDevice(b);
        return Comparison.of(source, a, b, source.namesById());
    }

    /** The whole state as JSON; see {@link StateExport} for its fields. */
    public ObjectNode stateJson() {
        return StateExport.state(source);
    }

    /** {@link #stateJson()} as indented text. */
    public String stateJsonText() {
        return Json.text(stateJson());
    }

    /** One device as {@link #stateJson()} lists it (with its NAT, bindings and paths when the run has NATs). */
    public ObjectNode deviceJson(String device) {
        return StateExport.device(source(), requireDevice(device));
    }

    /** The connection matrix, the devices on the network and a metrics snapshot. */
    public NetworkStatus network() {
        return NetworkStatus.of(source);
    }

    /** Every summary metric now, as (metric, value). */
    public Table metrics() {
        return NetworkStatus.metricsTable(source.summary());
    }

    /** Every summary metric now, as JSON (NaN as null). */
    public ObjectNode metricsJson() {
        return Json.numbers(source.summary());
    }

    // ---- assertions, views, files ----

    /** Assertions on this simulation or run; each call returns and records one {@link AssertionResult}. */
    public Assertions assertions() {
        return new Assertions(this);
    }

    /** The HTML view of one device. */
    public Inspector inspector(String device) {
        return new Inspector(this, requireDevice(device));
    }

    /** {@code device}'s SQLite file. */
    public Path storeFile(String device) {
        return source.storeFile(requireDevice(device));
    }

    /**
     * Copies {@code device}'s store to the new file {@code target} (its directories are created; it
     * must not exist): one consistent SQLite snapshot, pending rows included, that any SQLite tool
     * opens and {@code Simulation.builder().deviceFromStore(device, target)} starts a device from.
     */
    public Path exportStore(String device, Path target) {
        requireDevice(device);
        try {
            source.exportStore(device, target);
        } catch (StoreException e) {
            throw new InspectException(e.getMessage(), e);
        }
        return target;
    }

    @Override
    public String toString() {
        return "Inspection[" + source.kind() + " " + source.directory() + ", " + source.devices().size() + " devices, t="
                + timeSeconds() + " s]";
    }
}
