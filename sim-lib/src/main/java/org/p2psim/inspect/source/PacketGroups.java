package org.p2psim.inspect.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/** Packets grouped by (from, to, type, fate), and what one device sent and received. */
public final class PacketGroups {
    public static final String DELIVERED = "delivered";

    private PacketGroups() {}

    /** One group: packets from one device to another of one type that met one fate. */
    private record Group(String from, String to, String type, String fate, long packets, long bytes) {}

    /** {@code groups}, keyed by (from, to, type, fate) with (packets, bytes), as a table in their order. */
    public static Table table(Map<List<String>, long[]> groups) {
        List<Group> rows = new ArrayList<>(groups.size());
        groups.forEach((k, v) -> rows.add(new Group(k.get(0), k.get(1), k.get(2), k.get(3), v[0], v[1])));
        return RecordTable.of("packets by link, type and fate", Group.class, rows);
    }

    /** What {@code device} sent (every fate) and received (delivered only): packets and bytes. */
    public record Traffic(long packetsSent, long bytesSent, long packetsReceived, long bytesReceived) {}

    public static Traffic traffic(Table groups, String device) {
        long ps = 0;
        long bs = 0;
        long pr = 0;
        long br = 0;
        for (int i = 0; i < groups.rowCount(); i++) {
            long packets = groups.longColumn("packets").getLong(i);
            long bytes = groups.longColumn("bytes").getLong(i);
            if (device.equals(groups.stringColumn("from").get(i))) {
                ps += packets;
                bs += bytes;
            }
            if (device.equals(groups.stringColumn("to").get(i)) && DELIVERED.equals(groups.stringColumn("fate").get(i))) {
                pr += packets;
                br += bytes;
            }
        }
        return new Traffic(ps, bs, pr, br);
    }

    /** Per directed link, keyed {@link #key}: packets sent, packets delivered, bytes delivered. */
    public static Map<String, long[]> links(Table groups) {
        Map<String, long[]> links = new java.util.HashMap<>();
        for (int i = 0; i < groups.rowCount(); i++) {
            long[] l = links.computeIfAbsent(key(groups.stringColumn("from").get(i), groups.stringColumn("to").get(i)),
                    k -> new long[3]);
            long packets = groups.longColumn("packets").getLong(i);
            l[0] += packets;
            if (DELIVERED.equals(groups.stringColumn("fate").get(i))) {
                l[1] += packets;
                l[2] += groups.longColumn("bytes").getLong(i);
            }
        }
        return links;
    }

    public static String key(String from, String to) {
        return from + "\u0000" + to;
    }

    /**
     * {@code device}'s traffic by packet type, types in name order: packets sent, bytes sent,
     * packets received (delivered to it), bytes received.
     */
    public static Map<String, long[]> byType(Table groups, String device) {
        Map<String, long[]> byType = new TreeMap<>();
        for (int i = 0; i < groups.rowCount(); i++) {
            String type = groups.stringColumn("type").get(i);
            long packets = groups.longColumn("packets").getLong(i);
            long bytes = groups.longColumn("bytes").getLong(i);
            if (device.equals(groups.stringColumn("from").get(i))) {
                long[] t = byType.computeIfAbsent(type, k -> new long[4]);
                t[0] += packets;
                t[1] += bytes;
            }
            if (device.equals(groups.stringColumn("to").get(i)) && DELIVERED.equals(groups.stringColumn("fate").get(i))) {
                long[] t = byType.computeIfAbsent(type, k -> new long[4]);
                t[2] += packets;
                t[3] += bytes;
            }
        }
        return byType;
    }
}
