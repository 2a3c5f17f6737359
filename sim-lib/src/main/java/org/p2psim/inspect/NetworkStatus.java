package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2psim.inspect.render.Json;
import org.p2psim.inspect.source.PacketGroups;
import org.p2psim.inspect.source.Source;
import org.p2psim.net.Network;
import org.p2psim.net.nat.PairPath;
import org.p2psim.net.nat.PathKind;
import org.p2psim.net.PartitionHandle;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.sim.SimTime;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * The network now (for a run directory: at its end) and a metrics snapshot.
 *
 * <p>{@link #matrix()} has one row per ordered pair of devices: {@code reachable} and {@code why}
 * ("ok", or every reason a packet from {@code from} cannot reach {@code to} now: "alice offline",
 * "bob between networks" (in the handover gap after an address switch),
 * "partitioned [alice] &lt;-/-&gt; [bob]", "link loses every packet"), the link's conditions
 * (latency, loss model, loss rate, duplicate), whether {@code from}'s peer table lists {@code to}
 * (missing for a run directory, which does not record peer tables), and the packets sent and
 * delivered on the link so far. With NATs on, each row also has the pair's {@code path}
 * ({@code direct}, {@code punched}, {@code relayed}, {@code none}; {@code punching} while a punch is
 * under way, {@code unknown} before a packet), its {@code path_reason} and each side's NAT
 * ({@code nat_from}, {@code nat_to}); a pair with path {@code none} is not reachable, and its
 * {@code why} says why.
 *
 * @param timeSeconds simulated time of the snapshot
 */
public record NetworkStatus(double timeSeconds, Table matrix, Table devices, Table metrics, ObjectNode json) {

    static NetworkStatus of(Source source) {
        Network net = source.network();
        List<String> names = source.devices();
        Table groups = source.packetGroups();
        Map<String, long[]> links = PacketGroups.links(groups);

        List<MatrixRow> rows = new ArrayList<>();
        for (String a : names) {
            List<String> peers = source.peers(a);
            for (String b : names) {
                if (a.equals(b)) {
                    continue;
                }
                LinkConditions c = net.conditions(a, b);
                String reason = why(net, a, b, c);
                long[] l = links.getOrDefault(PacketGroups.key(a, b), new long[3]);
                rows.add(new MatrixRow(a, b, reason.equals("ok"), reason, c.latency().toString(), c.loss().toString(),
                        c.loss().averageLoss(), c.duplicate(), peers == null ? null : peers.contains(b), l[0], l[1], l[2]));
            }
        }
        Table matrix = RecordTable.of("connection matrix at " + SimTime.format(source.timeMicros()), MatrixRow.class, rows);
        Table natPairs = source.natPairs();
        Table natDevices = source.natDevices();
        if (natPairs != null) {
            NatView.addColumns(matrix, natPairs, natDevices);
        }
        Table devices = devicesTable(source, net, groups);
        Table metrics = metricsTable(source.summary());
        ObjectNode json = Json.object();
        json.put("source", source.kind());
        Json.number(json, "time_s", SimTime.toSeconds(source.timeMicros()));
        json.set("network", StateExport.network(source, net, false));
        json.set("devices", Json.rows(devices));
        json.set("matrix", Json.rows(matrix));
        json.set("metrics", Json.numbers(source.summary()));
        if (natPairs != null) {
            json.set("nat_pairs", Json.rows(natPairs));
        }
        if (natDevices != null) {
            json.set("nat_devices", Json.rows(natDevices));
        }
        return new NetworkStatus(SimTime.toSeconds(source.timeMicros()), matrix, devices, metrics, json);
    }

    /** A row of the connection matrix: the directed link {@code from → to} now. */
    private record MatrixRow(String from, String to, boolean reachable, String why, String latency, String loss,
                             double lossRate, double duplicate, Boolean knowsPeer, long packetsSent,
                             long packetsDelivered, long bytesDelivered) {}

    /** A row of the devices table (peers is null where the source does not record peer tables). */
    private record DeviceRow(String device, boolean online, Long peers, String uplink, String downlink,
                             long packetsSent, long bytesSent, long packetsReceived, long bytesReceived) {}

    private record MetricRow(String metric, double value) {}

    /** "ok", or every reason a packet from {@code a} does not reach {@code b} now, joined by "; ". */
    static String why(Network net, String a, String b, LinkConditions c) {
        List<String> reasons = new ArrayList<>();
        if (!net.isOnline(a)) {
            reasons.add(a + " offline");
        }
        if (!net.isOnline(b)) {
            reasons.add(b + " offline");
        }
        for (String d : List.of(a, b)) {
            if (net.isOnline(d) && net.device(d).inHandover()) {
                reasons.add(d + " between networks");
            }
        }
        for (PartitionHandle h : net.partitions()) {
            if (h.partition().blocks(a, b)) {
                reasons.add("partitioned " + h.partition());
            }
        }
        if (c.loss().averageLoss() >= 1.0) {
            reasons.add("link loses every packet");
        }
        if (net.nat() != null) {
            PairPath p = net.nat().path(a, b);
            if (p.path() == PathKind.NONE) {
                reasons.add(NatView.why(p.natA(), p.natB(), p.reason()));
            }
        }
        return reasons.isEmpty() ? "ok" : String.join("; ", reasons);
    }

    private static Table devicesTable(Source source, Network net, Table groups) {
        List<DeviceRow> rows = new ArrayList<>();
        for (String d : source.devices()) {
            List<String> p = source.peers(d);
            PacketGroups.Traffic t = PacketGroups.traffic(groups, d);
            rows.add(new DeviceRow(d, net.isOnline(d), p == null ? null : (long) p.size(), net.device(d).uplink().toString(),
                    net.device(d).downlink().toString(), t.packetsSent(), t.bytesSent(), t.packetsReceived(), t.bytesReceived()));
        }
        return RecordTable.of("devices on the network", DeviceRow.class, rows);
    }

    static Table metricsTable(Map<String, Double> summary) {
        List<MetricRow> rows = new ArrayList<>(summary.size());
        summary.forEach((k, v) -> rows.add(new MetricRow(k, v == null ? Double.NaN : v)));
        return RecordTable.of("metrics snapshot", MetricRow.class, rows);
    }

    /** Only the pairs that cannot reach each other now. */
    public Table unreachable() {
        return matrix.where(matrix.booleanColumn("reachable").isFalse()).setName("unreachable pairs");
    }

    /** The JSON form as indented text. */
    public String jsonText() {
        return Json.text(json);
    }

    @Override
    public String toString() {
        return "NetworkStatus[t=" + timeSeconds + " s, " + devices.rowCount() + " devices, "
                + unreachable().rowCount() + " of " + matrix.rowCount() + " directed pairs unreachable]";
    }

}
