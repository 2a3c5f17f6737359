package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.inspect.render.Json;
import org.p2psim.inspect.source.PacketGroups;
import org.p2psim.inspect.source.Source;
import org.p2psim.net.Network;
import org.p2psim.net.Partition;
import org.p2psim.net.PartitionHandle;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.sim.SimTime;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;

/**
 * The whole state as JSON (seed 004 §12, {@code /api/simulation/state}):
 *
 * <pre>
 * source, directory, seed, time_us, time_s, truth_events
 * devices[]   name, id, online, clock_us, clock_offset_us, peers[], events_held, truth_held,
 *             completeness, duplicates, strategy, store {file, size_on_disk_bytes, database_bytes},
 *             traffic {packets_sent, bytes_sent, packets_received, bytes_received}
 * network     mtu, defaults {latency, loss, loss_rate, duplicate}, links[] (directed links whose
 *             conditions differ from the defaults), partitions[] (in force), online {name: bool},
 *             bandwidth {name: {uplink, downlink}}, matrix {from: {to: "ok" | why not}}
 * metrics     every summary metric (NaN as null)
 * </pre>
 *
 * A run directory gives the same from its files, at the end of the run (device ids and clocks follow
 * from the seed); what it does not record (peer tables) is null and listed under {@code not_recorded}.
 */
final class StateExport {
    private StateExport() {}

    static ObjectNode state(Source source) {
        ObjectNode root = Json.object();
        long now = source.timeMicros();
        root.put("source", source.kind());
        root.put("directory", source.directory().toString());
        root.put("seed", source.seed());
        root.put("time_us", now);
        Json.number(root, "time_s", SimTime.toSeconds(now));
        Map<String, Double> summary = source.summary();
        Json.number(root, "truth_events", summary.getOrDefault("events_created", Double.NaN));
        Network net = source.network();
        Table groups = source.packetGroups();
        Table devicesTable = source.devicesTable();
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < devicesTable.rowCount(); i++) {
            rows.put(devicesTable.column("device").getString(i), i);
        }
        Map<String, String> ids = new HashMap<>();
        source.namesById().forEach((id, name) -> ids.put(name, id));
        ArrayNode devices = root.putArray("devices");
        for (String name : source.devices()) {
            devices.add(device(source, name, ids.get(name), devicesTable, rows.get(name), net, groups, now));
        }
        root.set("network", network(source, net, true));
        root.set("metrics", Json.numbers(summary));
        if (source.kind().equals("run-directory")) {
            ArrayNode missing = root.putArray("not_recorded");
            missing.add("devices[].peers");
        }
        return root;
    }

    private static ObjectNode device(Source source, String name, String id, Table devicesTable, Integer row, Network net,
                                     Table groups, long now) {
        ObjectNode d = Json.object();
        d.put("name", name);
        d.put("id", id);
        d.put("online", net.isOnline(name));
        Long clock = source.clock(name);
        if (clock == null) {
            d.putNull("clock_us");
            d.putNull("clock_offset_us");
        } else {
            d.put("clock_us", clock);
            d.put("clock_offset_us", clock - now);
        }
        List<String> peers = source.peers(name);
        if (peers == null) {
            d.putNull("peers");
        } else {
            ArrayNode p = d.putArray("peers");
            peers.forEach(p::add);
        }
        Table count = source.sql(name, "SELECT COUNT(*) AS n FROM events");
        d.put("events_held", count.longColumn("n").getLong(0));
        if (row == null) {
            d.putNull("truth_held");
            d.putNull("completeness");
            d.putNull("duplicates");
        } else {
            d.put("truth_held", (long) number(devicesTable, "held", row));
            Json.number(d, "completeness", number(devicesTable, "completeness", row));
            d.put("duplicates", (long) number(devicesTable, "duplicates", row));
        }
        d.put("strategy", source.strategy(name));
        ObjectNode store = d.putObject("store");
        store.put("file", source.storeFile(name).toString());
        long[] sizes = source.storeSizes(name);
        store.put("size_on_disk_bytes", sizes[0]);
        store.put("database_bytes", sizes[1]);
        PacketGroups.Traffic t = PacketGroups.traffic(groups, name);
        ObjectNode traffic = d.putObject("traffic");
        traffic.put("packets_sent", t.packetsSent());
        traffic.put("bytes_sent", t.bytesSent());
        traffic.put("packets_received", t.packetsReceived());
        traffic.put("bytes_received", t.bytesReceived());
        ObjectNode nat = NatView.json(source, name);
        if (nat != null) {
            d.set("nat", nat);
        }
        return d;
    }

    /** One device as in {@link #state}'s devices (the device view of {@code inspect DIR --device D}). */
    static ObjectNode device(Source source, String name) {
        Table devicesTable = source.devicesTable();
        Integer row = null;
        for (int i = 0; i < devicesTable.rowCount(); i++) {
            if (devicesTable.column("device").getString(i).equals(name)) {
                row = i;
            }
        }
        String id = null;
        for (Map.Entry<String, String> e : source.namesById().entrySet()) {
            if (e.getValue().equals(name)) {
                id = e.getKey();
            }
        }
        ObjectNode d = device(source, name, id, devicesTable, row, source.network(), source.packetGroups(), source.timeMicros());
        d.put("source", source.kind());
        Json.number(d, "time_s", SimTime.toSeconds(source.timeMicros()));
        return d;
    }

    /** A numeric cell, whatever the column's type (tables read back from CSV type their columns themselves). */
    static double number(Table table, String column, int row) {
        if (table.column(column) instanceof NumberColumn<?, ?> n) {
            return n.getDouble(row);
        }
        return Double.parseDouble(table.column(column).getString(row));
    }

    static ObjectNode conditions(LinkConditions c) {
        ObjectNode o = Json.object();
        o.put("latency", c.latency().toString());
        o.put("loss", c.loss().toString());
        Json.number(o, "loss_rate", c.loss().averageLoss());
        Json.number(o, "duplicate", c.duplicate());
        return o;
    }

    /** The network section of the state; {@code withMatrix} adds the from → to → "ok" / why-not map. */
    static ObjectNode network(Source source, Network net, boolean withMatrix) {
        List<String> names = source.devices();
        ObjectNode n = Json.object();
        n.put("mtu", net.mtu());
        LinkConditions defaults = net.defaultConditions();
        n.set("defaults", conditions(defaults));
        ArrayNode links = n.putArray("links");
        for (String a : names) {
            for (String b : names) {
                if (!a.equals(b)) {
                    LinkConditions c = net.conditions(a, b);
                    if (!c.equals(defaults)) {
                        ObjectNode l = conditions(c);
                        ObjectNode link = links.addObject();
                        link.put("from", a);
                        link.put("to", b);
                        link.setAll(l);
                    }
                }
            }
        }
        ArrayNode partitions = n.putArray("partitions");
        for (PartitionHandle h : net.partitions()) {
            Partition p = h.partition();
            ObjectNode o = partitions.addObject();
            o.put("description", p.toString());
            ArrayNode sideA = o.putArray("side_a");
            p.sideA().forEach(sideA::add);
            if (p.sideB().isEmpty()) {
                o.put("side_b", "everyone else");
            } else {
                ArrayNode sideB = o.putArray("side_b");
                p.sideB().forEach(sideB::add);
            }
            o.put("one_way", p.oneWay());
        }
        ObjectNode online = n.putObject("online");
        names.forEach(d -> online.put(d, net.isOnline(d)));
        ObjectNode bandwidth = n.putObject("bandwidth");
        for (String d : names) {
            ObjectNode bw = bandwidth.putObject(d);
            bw.put("uplink", net.device(d).uplink().toString());
            bw.put("downlink", net.device(d).downlink().toString());
        }
        if (withMatrix) {
            ObjectNode matrix = n.putObject("matrix");
            for (String a : names) {
                ObjectNode row = matrix.putObject(a);
                for (String b : names) {
                    if (!a.equals(b)) {
                        row.put(b, NetworkStatus.why(net, a, b, net.conditions(a, b)));
                    }
                }
            }
        }
        return n;
    }
}
