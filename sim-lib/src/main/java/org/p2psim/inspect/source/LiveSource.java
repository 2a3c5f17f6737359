package org.p2psim.inspect.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2psim.Simulation;
import org.p2psim.device.Device;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.net.Network;
import org.p2psim.store.ReadOnlySql;
import org.p2psim.world.NatTables;
import tech.tablesaw.api.Table;

/** A running (or paused) simulation, read as it is now. */
public final class LiveSource implements Source {
    private final Simulation sim;

    public LiveSource(Simulation sim) {
        this.sim = sim;
    }

    public Simulation simulation() {
        return sim;
    }

    public Device device(String name) {
        return sim.device(name);
    }

    @Override
    public String kind() {
        return "simulation";
    }

    @Override
    public Path directory() {
        return sim.directory();
    }

    @Override
    public long seed() {
        return sim.seed();
    }

    @Override
    public long timeMicros() {
        return sim.scheduler().now();
    }

    @Override
    public List<String> devices() {
        return sim.devices().stream().map(Device::name).toList();
    }

    @Override
    public ReadOnlySql.Rows sql(String device, String query, ReadOnlySql.Limits limits) {
        return sim.device(device).store().query(query, limits);
    }

    @Override
    public Path storeFile(String device) {
        return sim.device(device).store().file();
    }

    @Override
    public void exportStore(String device, Path target) {
        sim.device(device).store().exportTo(target);
    }

    @Override
    public long[] storeSizes(String device) {
        var store = sim.device(device).store();
        return new long[] {store.sizeOnDiskBytes(), store.databaseBytes()};
    }

    @Override
    public Map<String, String> namesById() {
        Map<String, String> names = new LinkedHashMap<>();
        sim.devices().forEach(d -> names.put(d.id().hex(), d.name()));
        return names;
    }

    @Override
    public Table devicesTable() {
        return sim.devicesTable();
    }

    @Override
    public LinkedHashMap<String, Double> summary() {
        return sim.metrics().summaryMap();
    }

    @Override
    public Network network() {
        return sim.network();
    }

    @Override
    public List<String> peers(String device) {
        return sim.device(device).peers();
    }

    @Override
    public Long clock(String device) {
        return sim.device(device).clock();
    }

    @Override
    public String strategy(String device) {
        return sim.device(device).strategy().name();
    }

    @Override
    public Table packetGroups() {
        Map<List<String>, long[]> groups = new TreeMap<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (PacketRow r : sim.metrics().packetRows()) {
            long[] g = groups.computeIfAbsent(List.of(r.from(), r.to(), r.type(), r.fate()), k -> new long[2]);
            g[0]++;
            g[1] += r.bytes();
        }
        return PacketGroups.table(groups);
    }

    @Override
    public Table natPairs() {
        return sim.network().nat() == null ? null : NatTables.pairs(sim.network().nat());
    }

    @Override
    public Table natDevices() {
        return sim.network().nat() == null ? null : NatTables.devices(sim.network().nat(), devices(), sim.scheduler().now());
    }
}
