package org.p2psim.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2psim.inspect.source.Source;
import tech.tablesaw.api.Table;

/**
 * What kind of event each stored event is, read from the store's own tables: a file's meta event
 * (in {@code files}, by its {@code event_id}, or by {@code file_id} where the file id is the meta
 * event's id) is a "file" (it also has a message_index row, so that the file shows in its channel); one in {@code message_index} is a "message"; one in another table
 * with an {@code event_id} column is named after that table ({@code file_chunks} → "file_chunk",
 * {@code auth_graph} → "grant";
 * any other table by its name); anything else is "other". The tables are found in the file itself,
 * so stores with more views are classified without a change here.
 */
final class EventKinds {
    private static final Map<String, String> LABELS = Map.of(
            "message_index", "message",
            "file_chunks", "file_chunk",
            "auth_graph", "grant",
            "files", "file",
            "file_meta", "file");

    private EventKinds() {}

    /** Tables of {@code device}'s store, other than {@code events}, that have an {@code event_id} column. */
    static List<String> tables(Source source, String device) {
        Table t = source.sql(device, "SELECT m.name AS name FROM sqlite_master m WHERE m.type = 'table'"
                + " AND m.name <> 'events' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'event_id')"
                + " ORDER BY m.name = 'message_index' DESC, m.name");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            names.add(t.column("name").getString(i));
        }
        return names;
    }

    static String label(String table) {
        return LABELS.getOrDefault(table, table);
    }

    /**
     * Every event of {@code device}'s store in arrival order: event_id, channel, authored_ts,
     * received_ts, bytes (ciphertext), kind, author_id and body (first 80 characters) for messages.
     */
    static Table events(Source source, String device) {
        List<String> tables = tables(source, device);
        String kind = kindExpression(source, device, tables);
        boolean messages = tables.contains("message_index");
        String sql = "SELECT e.event_id AS event_id, e.channel_id AS channel, e.authored_ts AS authored_ts,"
                + " e.received_ts AS received_ts, length(e.ciphertext) AS bytes, "
                + kind + " AS kind, "
                + (messages ? "m.author" : "NULL") + " AS author_id, "
                + (messages ? "substr(m.body, 1, 80)" : "NULL") + " AS body"
                + " FROM events e" + (messages ? " LEFT JOIN message_index m ON m.event_id = e.event_id" : "")
                + " ORDER BY e.arrival_seq";
        return source.sql(device, sql);
    }

    /** Events and ciphertext bytes by kind: kind, events, bytes. */
    static Table counts(Source source, String device) {
        List<String> tables = tables(source, device);
        String kind = kindExpression(source, device, tables);
        return source.sql(device, "SELECT " + kind + " AS kind, COUNT(*) AS events,"
                + " COALESCE(SUM(length(e.ciphertext)), 0) AS bytes FROM events e GROUP BY 1 ORDER BY 2 DESC");
    }

    /** An SQL expression over {@code events e} giving each event's kind. */
    private static String kindExpression(Source source, String device, List<String> tables) {
        Set<String> fileColumns = StoreFiles.columns(source, device, "files");
        // a file's meta event also has a message_index row (the file shows in its channel): files first
        String fileMatch = fileColumns.contains("event_id") ? "k.event_id" : fileColumns.contains("file_id") ? "k.file_id" : null;
        if (tables.isEmpty() && fileMatch == null) {
            return "'other'";
        }
        StringBuilder kind = new StringBuilder("CASE");
        if (fileMatch != null) {
            kind.append(" WHEN EXISTS (SELECT 1 FROM files k WHERE ").append(fileMatch).append(" = e.event_id) THEN 'file'");
        }
        for (String table : tables) {
            if (table.equals("files")) {
                continue;
            }
            kind.append(" WHEN EXISTS (SELECT 1 FROM \"").append(table.replace("\"", "\"\""))
                    .append("\" k WHERE k.event_id = e.event_id) THEN '").append(label(table).replace("'", "''")).append("'");
        }
        return kind.append(" ELSE 'other' END").toString();
    }
}
