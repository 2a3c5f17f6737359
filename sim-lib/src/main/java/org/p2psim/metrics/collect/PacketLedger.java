package org.p2psim.metrics.collect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    private final PacketLog log = new PacketLog();
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

    /**
     * True round trips per first delivery: how many request → answer exchanges the receiver R had with
     * the sender S between the event's creation and its arrival. An exchange is a delivered packet from
     * S to R that follows at least one delivered packet from R to S since the previous one (the event's
     * own packet included, when it answers). A push nobody asked for is 0; a filter answered with the
     * event is 1; a reconciliation, then a want, then the event is 2. Counted from the packets alone, so
     * it changes no trace.
     */
    public static final class RoundTrips {
        private final Map<String, Long> created = new HashMap<>();
        private final Map<String, String> authors = new HashMap<>();
        /** requester → responder → whether the requester sent since the responder's last answer. */
        private final Map<String, Boolean> asked = new HashMap<>();
        /** requester → responder → times of the answers. */
        private final Map<String, LongList> answers = new HashMap<>();
        /** device → {stored at, created at} of the event it stored last, until the packet that carried it is reported. */
        private final Map<String, long[]> lastStored = new HashMap<>();
        private final LongList counts = new LongList();
        private boolean sorted = true;

        public void created(String eventId, String author, long at) {
            created.put(eventId, at);
            authors.put(eventId, author);
        }

        public void stored(String device, String eventId, long at) {
            Long c = created.get(eventId);
            if (c != null && !device.equals(authors.get(eventId))) {
                lastStored.put(device, new long[] {at, c});
            }
        }

        public void packet(PacketRow row) {
            if (!row.fate().equals("delivered")) {
                return;
            }
            String request = row.from() + '\u0000' + row.to();
            String answer = row.to() + '\u0000' + row.from();
            asked.put(request, true);
            if (Boolean.TRUE.equals(asked.get(answer))) {
                asked.put(answer, false);
                answers.computeIfAbsent(answer, k -> new LongList()).add(row.doneAt());
            }
            if (row.type().equals("event")) {
                long[] s = lastStored.remove(row.to());
                if (s != null && s[0] == row.doneAt()) {
                    counts.add(countIn(answers.get(answer), s[1], s[0]));
                    sorted = false;
                }
            }
        }

        /** Answers in (from, to]: the list is in time order. */
        private static long countIn(LongList times, long from, long to) {
            if (times == null) {
                return 0;
            }
            long n = 0;
            for (int i = times.size() - 1; i >= 0 && times.get(i) > from; i--) {
                if (times.get(i) <= to) {
                    n++;
                }
            }
            return n;
        }

        /** Nearest-rank percentile of the round trips of first deliveries; NaN before any. */
        public double percentile(double p) {
            if (counts.isEmpty()) {
                return Double.NaN;
            }
            if (!sorted) {
                counts.sort();
                sorted = true;
            }
            return counts.nearestRank(p);
        }

        public double mean() {
            if (counts.isEmpty()) {
                return Double.NaN;
            }
            double sum = 0;
            for (int i = 0; i < counts.size(); i++) {
                sum += counts.get(i);
            }
            return sum / counts.size();
        }
    }
}
