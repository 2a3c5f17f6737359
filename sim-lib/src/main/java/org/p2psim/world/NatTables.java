package org.p2psim.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.net.nat.NatStats;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.net.nat.PairPath;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * What NAT traversal did in one run, as summary numbers and the {@code nat_pairs} table. Only runs
 * with NATs have them, so the summaries of runs without NATs keep their exact contents.
 */
public final class NatTables {
    private NatTables() {}

    /** The NAT summary metrics (empty when NATs are off). */
    public static Map<String, Double> summary(NatTraversal nat) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (nat == null) {
            return out;
        }
        NatStats s = nat.stats();
        out.put("punch_attempts", (double) s.punchAttempts());
        out.put("punch_successes", (double) s.punchSuccesses());
        out.put("punch_success_rate", s.punchSuccessRate());
        out.put("punch_time_p50_s", s.punchTimeP50Seconds());
        out.put("relayed_bytes", (double) s.relayedBytes());
        out.put("keepalive_bytes", (double) s.keepaliveBytes());
        out.put("nat_dropped", (double) s.natDropped());
        return out;
    }

    /** One row per pair that exchanged packets: path, reason, each side's NAT, attempts, punch time, relay. */
    public static Table pairs(NatTraversal nat) {
        List<PairRow> rows = new ArrayList<>();
        for (PairPath p : nat.paths()) {
            rows.add(new PairRow(p.a(), p.b(), p.path().label(), p.reason(), p.natA(), p.natB(), p.attempts(),
                    p.punchMicros() < 0 ? Double.NaN : p.punchMicros() / 1e6, p.relay() == null ? "" : p.relay()));
        }
        return RecordTable.of("nat_pairs", PairRow.class, rows);
    }

    /** A row of nat_pairs.csv. */
    public record PairRow(String a, String b, String path, String reason, String natA, String natB, int attempts,
                          double punchTimeS, String relay) {}
}
