package org.p2psim.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p2psim.inspect.render.Html;
import org.p2psim.inspect.render.Json;
import org.p2psim.inspect.source.Source;
import org.p2psim.notebook.HtmlEscape;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What NATs look like to an inspector: the NAT columns of the connection matrix (per ordered pair
 * its path, the path's reason and each side's NAT) and the device inspector's NAT box (the device's
 * NAT, its live bindings, the paths to its peers), from the {@code nat_pairs} (unordered pairs) and
 * {@code nat_devices} tables.
 */
final class NatView {
    private NatView() {}

    /** {@code device}'s NAT, live bindings and paths as JSON, or null when the run has no NATs. */
    static ObjectNode json(Source source, String device) {
        Table devices = source.natDevices();
        Table pairs = source.natPairs();
        if (devices == null || pairs == null) {
            return null;
        }
        ObjectNode nat = Json.object();
        for (int i = 0; i < devices.rowCount(); i++) {
            if (devices.column("device").getString(i).equals(device)) {
                nat.put("type", devices.column("nat").getString(i));
                nat.put("mapping", devices.column("mapping").getString(i));
                nat.put("filtering", devices.column("filtering").getString(i));
                Json.number(nat, "binding_timeout_s", Double.parseDouble(devices.column("binding_timeout_s").getString(i)));
                nat.put("hairpin", Boolean.parseBoolean(devices.column("hairpin").getString(i)));
                ArrayNode bindings = nat.putArray("bindings");
                for (String binding : devices.column("binding_list").getString(i).split("; ")) {
                    if (!binding.isBlank()) {
                        bindings.add(binding);
                    }
                }
            }
        }
        ArrayNode paths = nat.putArray("paths");
        for (int i = 0; i < pairs.rowCount(); i++) {
            String a = pairs.column("a").getString(i);
            boolean first = a.equals(device);
            if (first || pairs.column("b").getString(i).equals(device)) {
                ObjectNode p = paths.addObject();
                p.put("peer", first ? pairs.column("b").getString(i) : a);
                p.put("peer_nat", pairs.column(first ? "nat_b" : "nat_a").getString(i));
                p.put("path", pairs.column("path").getString(i));
                p.put("reason", pairs.column("reason").getString(i));
            }
        }
        return nat;
    }

    /** The device inspector's NAT box, or "" when the run has no NATs. */
    static String box(Source source, String device) {
        Table devices = source.natDevices();
        Table pairs = source.natPairs();
        if (devices == null || pairs == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < devices.rowCount(); i++) {
            if (!devices.column("device").getString(i).equals(device)) {
                continue;
            }
            String nat = devices.column("nat").getString(i);
            b.append("<div>behind <b>").append(HtmlEscape.escape(nat)).append("</b>");
            if (!nat.equals("none")) {
                b.append(" · mapping ").append(devices.column("mapping").getString(i)).append(", filtering ")
                        .append(devices.column("filtering").getString(i)).append(" · bindings live ")
                        .append(devices.column("binding_timeout_s").getString(i)).append(" s · hairpinning ")
                        .append(devices.column("hairpin").getString(i));
            }
            b.append("</div>");
            List<List<String>> rows = new ArrayList<>();
            for (String binding : devices.column("binding_list").getString(i).split("; ")) {
                if (!binding.isBlank()) {
                    rows.add(List.of(binding));
                }
            }
            b.append(rows.isEmpty() ? "<div style=\"" + Html.MUTED + "\">No live bindings.</div>"
                    : Html.table(List.of("live binding: external → contacted (idle)"), rows));
        }
        List<List<String>> paths = new ArrayList<>();
        for (int i = 0; i < pairs.rowCount(); i++) {
            String a = pairs.column("a").getString(i);
            String other = a.equals(device) ? pairs.column("b").getString(i) : pairs.column("b").getString(i).equals(device) ? a : null;
            if (other != null) {
                paths.add(List.of(other, pairs.column(a.equals(device) ? "nat_b" : "nat_a").getString(i), pairs.column("path").getString(i),
                        pairs.column("reason").getString(i)));
            }
        }
        if (!paths.isEmpty()) {
            b.append(Html.table(List.of("peer", "its NAT", "path", "why"), paths));
        }
        return Html.box("NAT", b.toString());
    }

    /** The connection matrix's "why" for a pair with no path: the reason, with the NATs when it does not name them. */
    static String why(String natA, String natB, String reason) {
        return reason.contains("↔") ? "NAT: " + reason : "NAT (" + natA + " ↔ " + natB + "): " + reason;
    }

    static void addColumns(Table matrix, Table pairs, Table devices) {
        Map<String, Integer> pairRow = new LinkedHashMap<>();
        for (int i = 0; i < pairs.rowCount(); i++) {
            pairRow.put(pairs.column("a").getString(i) + "\u0000" + pairs.column("b").getString(i), i);
        }
        Map<String, String> natOf = new LinkedHashMap<>();
        for (int i = 0; devices != null && i < devices.rowCount(); i++) {
            natOf.put(devices.column("device").getString(i), devices.column("nat").getString(i));
        }
        int n = matrix.rowCount();
        StringColumn path = StringColumn.create("path");
        StringColumn reason = StringColumn.create("path_reason");
        StringColumn natFrom = StringColumn.create("nat_from");
        StringColumn natTo = StringColumn.create("nat_to");
        BooleanColumn reachable = matrix.booleanColumn("reachable");
        StringColumn why = matrix.stringColumn("why");
        for (int i = 0; i < n; i++) {
            String from = matrix.stringColumn("from").get(i);
            String to = matrix.stringColumn("to").get(i);
            boolean fromFirst = from.compareTo(to) <= 0;
            Integer row = pairRow.get(fromFirst ? from + "\u0000" + to : to + "\u0000" + from);
            if (row == null) {
                path.append("unknown");
                reason.append("no packet exchanged");
                natFrom.append(natOf.getOrDefault(from, "?"));
                natTo.append(natOf.getOrDefault(to, "?"));
                continue;
            }
            String kind = pairs.column("path").getString(row);
            String because = pairs.column("reason").getString(row);
            String natA = pairs.column("nat_a").getString(row);
            String natB = pairs.column("nat_b").getString(row);
            path.append(kind);
            reason.append(because);
            natFrom.append(fromFirst ? natA : natB);
            natTo.append(fromFirst ? natB : natA);
            if (kind.equals("none") && !why.get(i).contains("NAT")) {
                String nat = why(natA, natB, because);
                why.set(i, reachable.get(i) ? nat : why.get(i) + "; " + nat);
                reachable.set(i, false);
            }
        }
        matrix.addColumns(path, reason, natFrom, natTo);
    }
}
