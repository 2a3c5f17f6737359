package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.p2psim.inspect.render.Json;
import org.p2psim.inspect.source.Source;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * Two devices' stores compared event by event: the events only {@code a} holds, those only
 * {@code b} holds, and how many both hold, by kind ("message", and "file" / "file_chunk" where
 * the stores have them).
 *
 * <pre>{@code
 * Comparison c = Inspection.of(sim).compare("alice", "bob");
 * c.table()      // one row per event held by one side only
 * c.byKind()     // kind, in_both, only_in_a, only_in_b
 * c.json()       // counts and the events, as JSON
 * }</pre>
 *
 * @param onlyInA events of {@code a} that {@code b} lacks, in {@code a}'s arrival order (columns as
 *                {@link #table()} without {@code only_in})
 * @param onlyInB events of {@code b} that {@code a} lacks
 */
public record Comparison(String a, String b, int aEvents, int bEvents, int inBoth, Table onlyInA, Table onlyInB,
                         Map<String, int[]> kinds) {
    /** Events listed per side in {@link #json()}; counts are always exact. */
    public static final int JSON_EVENTS = 1000;

    static Comparison of(Source source, String a, String b, Map<String, String> namesById) {
        Table ea = EventKinds.events(source, a);
        Table eb = EventKinds.events(source, b);
        Set<String> ids = new HashSet<>(ea.stringColumn("event_id").asList());
        Set<String> idsB = new HashSet<>(eb.stringColumn("event_id").asList());
        Map<String, int[]> kinds = new TreeMap<>();
        int both = 0;
        Selection onlyA = Selection.with();
        for (int i = 0; i < ea.rowCount(); i++) {
            String kind = ea.stringColumn("kind").get(i);
            if (idsB.contains(ea.stringColumn("event_id").get(i))) {
                both++;
                kinds.computeIfAbsent(kind, k -> new int[3])[0]++;
            } else {
                onlyA.add(i);
                kinds.computeIfAbsent(kind, k -> new int[3])[1]++;
            }
        }
        Selection onlyB = Selection.with();
        for (int i = 0; i < eb.rowCount(); i++) {
            if (!ids.contains(eb.stringColumn("event_id").get(i))) {
                onlyB.add(i);
                kinds.computeIfAbsent(eb.stringColumn("kind").get(i), k -> new int[3])[2]++;
            }
        }
        return new Comparison(a, b, ea.rowCount(), eb.rowCount(), both,
                shape(ea.where(onlyA), namesById, "only in " + a), shape(eb.where(onlyB), namesById, "only in " + b), kinds);
    }

    /** The event rows with the author's name in place of its id. */
    private static Table shape(Table events, Map<String, String> namesById, String title) {
        StringColumn author = StringColumn.create("author");
        StringColumn ids = events.stringColumn("author_id");
        for (int i = 0; i < events.rowCount(); i++) {
            String id = ids.isMissing(i) ? null : ids.get(i);
            if (id == null || id.isEmpty()) {
                author.appendMissing();
            } else {
                author.append(namesById.getOrDefault(id, id.substring(0, Math.min(12, id.length()))));
            }
        }
        return Table.create(title, events.stringColumn("event_id"), events.column("kind"), events.column("channel"),
                events.column("authored_ts"), author, events.column("body"), events.column("bytes"));
    }

    /** Whether both hold exactly the same events. */
    public boolean identical() {
        return onlyInA.rowCount() == 0 && onlyInB.rowCount() == 0;
    }

    /** One row per event held by one side only: only_in (the device holding it), event_id, kind, channel, authored_ts, author, body, bytes. */
    public Table table() {
        Table t = Table.create("events held by " + a + " or " + b + " only");
        StringColumn side = StringColumn.create("only_in");
        for (int i = 0; i < onlyInA.rowCount(); i++) {
            side.append(a);
        }
        for (int i = 0; i < onlyInB.rowCount(); i++) {
            side.append(b);
        }
        t.addColumns(side);
        // an empty side may type its columns differently (SQLite reports no values to type them by)
        Table rows = onlyInB.isEmpty() ? onlyInA.copy() : onlyInA.isEmpty() ? onlyInB.copy() : onlyInA.copy().append(onlyInB);
        rows.columns().forEach(c -> t.addColumns(c.copy()));
        return t;
    }

    /** Per kind: events both hold, events only {@code a} holds, events only {@code b} holds. */
    public Table byKind() {
        StringColumn kind = StringColumn.create("kind");
        IntColumn both = IntColumn.create("in_both");
        IntColumn onlyA = IntColumn.create("only_in_a");
        IntColumn onlyB = IntColumn.create("only_in_b");
        kinds.forEach((k, n) -> {
            kind.append(k);
            both.append(n[0]);
            onlyA.append(n[1]);
            onlyB.append(n[2]);
        });
        return Table.create(a + " (a) and " + b + " (b) by kind", kind, both, onlyA, onlyB);
    }

    /** Counts, counts by kind and (up to {@value #JSON_EVENTS} per side) the events, as JSON. */
    public ObjectNode json() {
        return json(JSON_EVENTS);
    }

    /** As {@link #json()}, listing at most {@code maxEvents} events per side. */
    public ObjectNode json(int maxEvents) {
        ObjectNode root = Json.object();
        root.put("a", a);
        root.put("b", b);
        root.put("a_events", aEvents);
        root.put("b_events", bEvents);
        root.put("in_both", inBoth);
        root.put("identical", identical());
        root.set("only_in_a", side(onlyInA, 1, maxEvents));
        root.set("only_in_b", side(onlyInB, 2, maxEvents));
        return root;
    }

    private ObjectNode side(Table events, int kindIndex, int maxEvents) {
        ObjectNode node = Json.object();
        node.put("count", events.rowCount());
        ObjectNode byKind = node.putObject("by_kind");
        kinds.forEach((k, n) -> {
            if (n[kindIndex] > 0) {
                byKind.put(k, n[kindIndex]);
            }
        });
        ArrayNode list = Json.rows(events.rowCount() > maxEvents ? events.first(maxEvents) : events);
        node.put("listed", list.size());
        node.set("events", list);
        return node;
    }

    /** The JSON form as indented text. */
    public String jsonText() {
        return Json.text(json());
    }

    @Override
    public String toString() {
        return "Comparison[" + a + " " + aEvents + " events, " + b + " " + bEvents + ", in both " + inBoth
                + ", only in " + a + " " + onlyInA.rowCount() + ", only in " + b + " " + onlyInB.rowCount() + "]";
    }
}
