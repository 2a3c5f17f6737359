package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2psim.inspect.render.Json;
import org.p2psim.inspect.source.PacketGroups;
import org.p2psim.inspect.source.Source;
import org.p2psim.net.LinkConditions;
import org.p2psim.net.Network;
import org.p2psim.net.PartitionHandle;
import org.p2psim.sim.SimTime;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
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
 * delivered on the link so far.
 *
 * @param timeSeconds simulated time of the snapshot
 */
public record NetworkStatus(double timeSeconds, Table matrix, Table devices, Table metrics, ObjectNode json) {

    static NetworkStatus of(Source source) {
        Network net = source.network();
        List<String> names = source.devices();
        Table groups = source.packetGroups();
        Map<String, long[]> links = PacketGroups.links(groups);

        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        BooleanColumn reachable = BooleanColumn.create("reachable");
        StringColumn why = StringColumn.create("why");
        StringColumn latency = StringColumn.create("latency");
        StringColumn loss = StringColumn.create("loss");
        DoubleColumn lossRate = DoubleColumn.create("loss_rate");
        DoubleColumn duplicate = DoubleColumn.create("duplicate");
        BooleanColumn knows = BooleanColumn.create("knows_peer");
        LongColumn sent = LongColumn.create("packets_sent");
        LongColumn delivered = LongColumn.create("packets_delivered");
        LongColumn bytes = LongColumn.create("bytes_delivered");
        for (String a : names) {
            List<String> peers = source.peers(a);
            for (String b : names) {
                if (a.equals(b)) {
                    continue;
                }
                LinkConditions c = net.conditions(a, b);
                String reason = why(net, a, b, c);
                from.append(a);
                to.append(b);
                reachable.append(reason.equals("ok"));
                why.append(reason);
                latency.append(c.latency().toString());
                loss.append(c.loss().toString());
                lossRate.append(c.loss().averageLoss());
                duplicate.append(c.duplicate());
                if (peers == null) {
                    knows.appendMissing();
                } else {
                    knows.append(peers.contains(b));
                }
                long[] l = links.getOrDefault(PacketGroups.key(a, b), new long[3]);
                sent.append(l[0]);
                delivered.append(l[1]);
                bytes.append(l[2]);
            }
        }
        Table matrix = Table.create("connection matrix at " + SimTime.format(source.timeMicros()), from, to, reachable, why,
                latency, loss, lossRate, duplicate, knows, sent, delivered, bytes);
        Table devices = devicesTable(source, net, groups);
        Table metrics = metricsTable(source.summary());
        ObjectNode json = Json.object();
        json.put("source", source.kind());
        Json.number(json, "time_s", SimTime.toSeconds(source.timeMicros()));
        json.set("network", StateExport.network(source, net, false));
        json.set("devices", Json.rows(devices));
        json.set("matrix", Json.rows(matrix));
        json.set("metrics", Json.numbers(source.summary()));
        return new NetworkStatus(SimTime.toSeconds(source.timeMicros()), matrix, devices, metrics, json);
    }

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
        return reasons.isEmpty() ? "ok" : String.join("; ", reasons);
    }

    private static Table devicesTable(Source source, Network net, Table groups) {
        StringColumn device = StringColumn.create("device");
        BooleanColumn online = BooleanColumn.create("online");
        LongColumn peers = LongColumn.create("peers");
        StringColumn uplink = StringColumn.create("uplink");
        StringColumn downlink = StringColumn.create("downlink");
        LongColumn sentPackets = LongColumn.create("packets_sent");
        LongColumn sentBytes = LongColumn.create("bytes_sent");
        LongColumn receivedPackets = LongColumn.create("packets_received");
        LongColumn receivedBytes = LongColumn.create("bytes_received");
        for (String d : source.devices()) {
            device.append(d);
            online.append(net.isOnline(d));
            List<String> p = source.peers(d);
            if (p == null) {
                peers.appendMissing();
            } else {
                peers.append(p.size());
            }
            uplink.append(net.device(d).uplink().toString());
            downlink.append(net.device(d).downlink().toString());
            PacketGroups.Traffic t = PacketGroups.traffic(groups, d);
            sentPackets.append(t.packetsSent());
            sentBytes.append(t.bytesSent());
            receivedPackets.append(t.packetsReceived());
            receivedBytes.append(t.bytesReceived());
        }
        return Table.create("devices on the network", device, online, peers, uplink, downlink, sentPackets, sentBytes,
                receivedPackets, receivedBytes);
    }

    static Table metricsTable(Map<String, Double> summary) {
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn value = DoubleColumn.create("value");
        summary.forEach((k, v) -> {
            metric.append(k);
            value.append(v == null ? Double.NaN : v);
        });
        return Table.create("metrics snapshot", metric, value);
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
