package org.p2psim.inspect.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.net.Network;
import org.p2psim.store.ReadOnlySql;
import tech.tablesaw.api.Table;

/**
 * What an inspection reads: a live {@link org.p2psim.Simulation} ({@link LiveSource}) or a
 * finished run directory ({@link RunSource}). Each answers from what it holds; what it does not
 * hold is null (a run directory records no peer tables and no clocks).
 */
public interface Source {
    /** "simulation" or "run-directory". */
    String kind();

    /** The run directory (a live simulation's own directory of device files). */
    Path directory();

    long seed();

    /** Simulated time now (a run directory: its end), in µs. */
    long timeMicros();

    /** Device names, in the order the devices were registered. */
    List<String> devices();

    /** Runs {@code query} read-only on {@code device}'s store; SQLite's errors as {@link org.p2psim.store.StoreException}. */
    default Table sql(String device, String query) {
        return sql(device, query, ReadOnlySql.Limits.DEFAULT).table();
    }

    /** As {@link #sql(String, String)}, keeping at most {@code limits.maxRows()} rows, within its time limit. */
    ReadOnlySql.Rows sql(String device, String query, ReadOnlySql.Limits limits);

    /** {@code device}'s store file. */
    Path storeFile(String device);

    /** Copies {@code device}'s store to the new file {@code target}. */
    void exportStore(String device, Path target);

    /** Size of {@code device}'s store on disk and its logical size (page_count × page_size), in bytes. */
    long[] storeSizes(String device);

    /** Device id (hex) → device name, for every device of the run. */
    Map<String, String> namesById();

    /** Per device: device, held, completeness, duplicates, online (as {@code Metrics.devicesTable()}). */
    Table devicesTable();

    /** The summary metrics ({@code Metrics.summaryMap()}). */
    LinkedHashMap<String, Double> summary();

    /** The network as it is now (a run directory: at its end, rebuilt from the scenario). */
    Network network();

    /** Whom {@code device}'s peer table lists now, or null when the source does not record it. */
    List<String> peers(String device);

    /** {@code device}'s clock reading now (µs), or null when not recorded. */
    Long clock(String device);

    /** The sync strategy's name on {@code device}. */
    String strategy(String device);

    /** Packets grouped by (from, to, type, fate): columns from, to, type, fate, packets, bytes. */
    Table packetGroups();

    /** Per pair of devices that met behind NATs: path, reason, each side's NAT (as {@code metrics/nat_pairs.csv}); null without NATs. */
    Table natPairs();

    /** Per device: its NAT and its live bindings (as {@code metrics/nat_devices.csv}); null without NATs. */
    Table natDevices();
}
