package org.p2psim.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.p2psim.net.nat.Binding;
import org.p2psim.net.nat.HostPort;
import org.p2psim.net.nat.NatStats;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.net.nat.NatType;
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
        out.put("punch_pairs_tried", (double) s.pairsTried());
        out.put("punch_pairs_punched", (double) s.pairsPunched());
        out.put("punch_pair_success_rate", s.pairSuccessRate());
        out.put("punch_first_attempt_share", s.firstAttemptShare());
        out.put("punch_time_p50_s", s.punchTimeP50Seconds());
        out.put("relayed_bytes", (double) s.relayedBytes());
        out.put("keepalive_bytes", (double) s.keepaliveBytes());
        out.put("nat_dropped", (double) s.natDropped());
        out.put("nat_held", (double) s.held());
        out.put("nat_hold_dropped", (double) s.holdDropped());
        assert out.keySet().stream().toList().equals(NatStats.SUMMARY_KEYS);
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

    /**
     * One row per device: its NAT now in RFC 4787's terms and its live bindings, each as
     * "external → contacted, … (idle N s)", separated by "; ".
     */
    public static Table devices(NatTraversal nat, List<String> devices, long nowMicros) {
        List<DeviceRow> rows = new ArrayList<>();
        for (String d : devices) {
            NatType t = nat.type(d);
            List<String> bindings = new ArrayList<>();
            for (Binding b : nat.bindings(d)) {
                bindings.add(b.external() + " → " + String.join(", ", b.contacted().stream().map(HostPort::toString).sorted().toList())
                        + String.format(Locale.ROOT, " (idle %.1f s)", (nowMicros - b.lastOutbound()) / 1e6));
            }
            rows.add(new DeviceRow(d, t.name(), t.isPublic() ? "-" : t.mapping().name(), t.isPublic() ? "-" : t.filtering().name(),
                    t.timeoutMicros() / 1e6, t.hairpin(), bindings.size(), String.join("; ", bindings)));
        }
        return RecordTable.of("nat_devices", DeviceRow.class, rows);
    }

    /** A row of nat_devices.csv. */
    public record DeviceRow(String device, String nat, String mapping, String filtering, double bindingTimeoutS, boolean hairpin,
                            int bindings, String bindingList) {}

    /** A row of nat_pairs.csv. */
    public record PairRow(String a, String b, String path, String reason, String natA, String natB, int attempts,
                          double punchTimeS, String relay) {}
}
