package org.p2psim.metrics.collect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.p2psim.metrics.facts.PacketFacts;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/** The packet log, its totals by type and by fate and reason, and the trace hash over it. */
public final class PacketLedger implements PacketFacts {
    private static final double MICROS_PER_SECOND = 1e6;

    private final Map<String, PacketTotals> byType = new TreeMap<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private final List<PacketRow> log = new ArrayList<>();
    private final TraceHash traceHash = new TraceHash();

    @Override
    public void packet(PacketRow row) {
        log.add(row);
        traceHash.add(row);
        byType.computeIfAbsent(row.type(), t -> new PacketTotals()).add(row);
        if (!row.reason().isEmpty()) {
            byReason.merge(row.fate() + ":" + row.reason(), 1L, Long::sum);
        }
    }

    /** SHA-256 over the packet log: equal for equal runs. */
    public String traceSha256() {
        return traceHash.hex();
    }

    public List<PacketRow> rows() {
        return Collections.unmodifiableList(log);
    }

    private long total(ToLongFunction<PacketTotals> part) {
        long sum = 0;
        for (PacketTotals t : byType.values()) {
            sum += part.applyAsLong(t);
        }
        return sum;
    }

    public long packetsSent() {
        return total(t -> t.sentCount);
    }

    public long bytesSent() {
        return total(t -> t.sentBytes);
    }

    public long bytesDelivered() {
        return total(t -> t.deliveredBytes);
    }

    public long bytesDropped() {
        return total(t -> t.droppedBytes);
    }

    public long bytesRejected() {
        return total(t -> t.rejectedBytes);
    }

    record TypeRow(String type, long sent, long sentBytes, long delivered, long deliveredBytes,
                   long dropped, long droppedBytes, long rejected, long rejectedBytes) {}

    /** Per packet type: count and bytes sent, delivered, dropped and rejected. */
    public Table byType() {
        List<TypeRow> rows = new ArrayList<>();
        byType.forEach((name, t) -> rows.add(new TypeRow(name, t.sentCount, t.sentBytes, t.deliveredCount, t.deliveredBytes,
                t.droppedCount, t.droppedBytes, t.rejectedCount, t.rejectedBytes)));
        return RecordTable.of("packets by type", TypeRow.class, rows);
    }

    record ReasonRow(String reason, long packets) {}

    /** Packets not delivered, by fate and reason ("dropped:loss", "rejected:replay", …). */
    public Table undelivered() {
        List<ReasonRow> rows = new ArrayList<>();
        byReason.forEach((r, n) -> rows.add(new ReasonRow(r, n)));
        return RecordTable.of("undelivered packets", ReasonRow.class, rows);
    }

    record LogRow(double sentS, double doneS, String from, String to, String type, int bytes, String fate, String reason) {}

    /** The packet log, one row per packet. */
    public Table log() {
        List<LogRow> rows = new ArrayList<>(log.size());
        for (PacketRow r : log) {
            rows.add(new LogRow(r.sentAt() / MICROS_PER_SECOND, r.doneAt() / MICROS_PER_SECOND, r.from(), r.to(), r.type(),
                    r.bytes(), r.fate(), r.reason()));
        }
        return RecordTable.of("packet log", LogRow.class, rows);
    }
}
