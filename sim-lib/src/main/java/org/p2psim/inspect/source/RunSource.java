package org.p2psim.inspect.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.p2psim.Simulation;
import org.p2psim.experiment.RunDirectory;
import org.p2psim.experiment.RunDirectoryException;
import org.p2psim.net.Network;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.ReadOnlySql;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import tech.tablesaw.api.Table;

/**
 * A finished run directory, read from its files only: summary.json, scenario.yaml,
 * metrics/devices.csv, run.sqlite and devices/*.sqlite, each opened read-only. Device ids and clocks
 * follow from the seed (and the scenario's clock spreads); peer tables are not recorded there.
 */
public final class RunSource implements Source {
    private final RunDirectory run;
    private final ObjectNode summary;
    private final long seed;
    private final Table devicesTable;
    private final List<String> devices;
    private Scenario scenario;
    private Network network;

    public RunSource(Path dir) {
        this.run = RunDirectory.open(dir);
        this.summary = run.summary();
        this.seed = run.seed();
        this.devicesTable = run.metrics("devices");
        this.devices = deviceNames();
    }

    private List<String> deviceNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < devicesTable.rowCount(); i++) {
            names.add(devicesTable.column("device").getString(i));
        }
        Path dir = run.path().resolve(RunDirectory.DEVICES);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sqlite")).sorted()
                        .map(f -> f.substring(0, f.length() - ".sqlite".length()))
                        .filter(n -> !names.contains(n)).forEach(names::add);
            } catch (IOException e) {
                throw new RunDirectoryException("cannot list " + dir + ": " + e.getMessage());
            }
        }
        return List.copyOf(names);
    }

    public RunDirectory run() {
        return run;
    }

    public Scenario scenario() {
        if (scenario == null) {
            scenario = run.scenario();
        }
        return scenario;
    }

    @Override
    public String kind() {
        return "run-directory";
    }

    @Override
    public Path directory() {
        return run.path();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public long timeMicros() {
        JsonNode d = summary.get("duration_s");
        return d == null || !d.isNumber() ? 0 : Math.round(d.asDouble() * SimTime.MICROS_PER_SECOND);
    }

    @Override
    public List<String> devices() {
        return devices;
    }

    @Override
    public ReadOnlySql.Rows sql(String device, String query, ReadOnlySql.Limits limits) {
        return DeviceStore.queryFile(storeFile(device), query, limits);
    }

    @Override
    public Path storeFile(String device) {
        return run.deviceFile(device);
    }

    @Override
    public void exportStore(String device, Path target) {
        DeviceStore.copyFile(storeFile(device), target);
    }

    @Override
    public long[] storeSizes(String device) {
        Path file = storeFile(device);
        long onDisk = size(file) + size(file.resolveSibling(file.getFileName() + "-wal"));
        Table t = DeviceStore.queryFile(file, "SELECT page_count * page_size AS bytes FROM pragma_page_count, pragma_page_size");
        return new long[] {onDisk, t.longColumn("bytes").getLong(0)};
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Map<String, String> namesById() {
        Map<String, String> names = new LinkedHashMap<>();
        devices.forEach(d -> names.put(Simulation.deviceId(seed, d).hex(), d));
        return names;
    }

    @Override
    public Table devicesTable() {
        return devicesTable;
    }

    @Override
    public LinkedHashMap<String, Double> summary() {
        LinkedHashMap<String, Double> values = new LinkedHashMap<>();
        JsonNode metrics = summary.get("metrics");
        if (metrics != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN);
            }
        }
        return values;
    }

    @Override
    public Network network() {
        if (network == null) {
            Map<String, Boolean> online = new LinkedHashMap<>();
            for (int i = 0; i < devicesTable.rowCount(); i++) {
                online.put(devicesTable.column("device").getString(i),
                        Boolean.parseBoolean(devicesTable.column("online").getString(i)));
            }
            network = RunNetwork.at(scenario(), timeMicros(), devices, online);
        }
        return network;
    }

    @Override
    public List<String> peers(String device) {
        return null;
    }

    /** The device's clock at the end of the run, known again from the seed and the scenario's clock spreads. */
    @Override
    public Long clock(String device) {
        var spec = scenario().devices();
        return Simulation.deviceClock(seed, device, spec.clockOffsetSd(), spec.clockDriftPpmSd()).at(timeMicros());
    }

    @Override
    public String strategy(String device) {
        return scenario().sync().strategy();
    }

    @Override
    public Table packetGroups() {
        Map<List<String>, long[]> groups = new LinkedHashMap<>();
        Path file = run.path().resolve(RunDirectory.DATABASE);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT from_device, to_device, type, fate, COUNT(*), SUM(bytes) FROM packet_log"
                     + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")) {
            while (rs.next()) {
                groups.put(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        new long[] {rs.getLong(5), rs.getLong(6)});
            }
        } catch (SQLException e) {
            throw new RunDirectoryException("cannot read " + file + ": " + e.getMessage());
        }
        return PacketGroups.table(groups);
    }

    @Override
    public Table natPairs() {
        return optionalMetrics("nat_pairs");
    }

    @Override
    public Table natDevices() {
        return optionalMetrics("nat_devices");
    }

    private Table optionalMetrics(String name) {
        return Files.isRegularFile(run.path().resolve(RunDirectory.METRICS).resolve(name + ".csv")) ? run.metrics(name) : null;
    }
}
