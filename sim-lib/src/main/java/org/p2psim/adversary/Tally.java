package org.p2psim.adversary;

import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What the hostile members did, counted by member, role and action ("flood-event", "stranger-peers", …). */
public final class Tally {
    private final Map<String, Long> counts = new TreeMap<>();

    void count(String member, String role, String action) {
        counts.merge(member + "\t" + role + "\t" + action, 1L, Long::sum);
    }

    /** How many times {@code member} did {@code action} (0 if never). */
    public long of(String member, String action) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(member + "\t") && e.getKey().endsWith("\t" + action))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** One row per member, role and action: {@code member, role, action, count}. */
    public Table table() {
        StringColumn member = StringColumn.create("member");
        StringColumn role = StringColumn.create("role");
        StringColumn action = StringColumn.create("action");
        LongColumn count = LongColumn.create("count");
        counts.forEach((key, n) -> {
            String[] parts = key.split("\t");
            member.append(parts[0]);
            role.append(parts[1]);
            action.append(parts[2]);
            count.append(n);
        });
        return Table.create("hostile actions", member, role, action, count);
    }
}
