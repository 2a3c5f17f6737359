package org.p2psim.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.p2psim.Simulation;
import org.p2psim.inspect.render.Html;
import org.p2psim.inspect.source.LiveSource;
import org.p2psim.inspect.source.PacketGroups;
import org.p2psim.inspect.source.RunSource;
import org.p2psim.inspect.source.Source;
import org.p2psim.net.Network;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.notebook.HtmlView;
import org.p2psim.store.StoreException;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.bloom.BloomSeedStrategy;
import tech.tablesaw.api.Table;

/**
 * The device inspector (seed 004 §5): one device as its user and its developer would look at it,
 * as plain HTML with inline styles (no scripts), so it shows in JupyterLab and in the nbconvert
 * report alike. In a notebook, an {@code Inspector} at the end of a cell displays itself.
 *
 * <ul>
 *   <li><b>Chat</b>: every channel's newest messages with author, time and reply threads (a reply
 *       sits under the message it answers, or quotes it when that message is older than the page or
 *       not here yet); images show their own download progress: a thumbnail once complete, until
 *       then a placeholder whose cells fill as chunks arrive.</li>
 *   <li><b>Downloads</b>: every file with a progress bar.</li>
 *   <li><b>Database</b>: events by kind, size on disk, and the size of every table and index (SQLite's dbstat).</li>
 *   <li><b>Sync</b>: the strategy and its filter size, the peers (online, reachable, traffic each way), and
 *       bytes in and out by packet type.</li>
 *   <li><b>NAT</b> (runs with NATs only): the device's NAT, its live bindings and the path to each peer.</li>
 * </ul>
 *
 * <pre>{@code
 * Inspector.of(sim, "alice")                      // displays in a notebook
 * Inspector.of(sim, "alice").html()               // the HTML fragment
 * Inspector.of(Path.of("runs/demo"), "bob").writeHtml(Path.of("bob.html"))
 * }</pre>
 */
public final class Inspector implements HtmlView {
    /** Messages shown per channel unless set with {@link #messagesPerChannel}. */
    public static final int DEFAULT_MESSAGES = 50;

    private final Inspection inspection;
    private final String device;
    private FileSource files = FileSource.STORE;
    private int messagesPerChannel = DEFAULT_MESSAGES;

    Inspector(Inspection inspection, String device) {
        this.inspection = inspection;
        this.device = device;
    }

    public static Inspector of(Simulation sim, String device) {
        return Inspection.of(sim).inspector(device);
    }

    public static Inspector of(Path runDirectory, String device) {
        return Inspection.of(runDirectory).inspector(device);
    }

    /** Where the device's files come from (default {@link FileSource#STORE}: the store's file tables, if any). */
    public Inspector files(FileSource source) {
        this.files = source;
        return this;
    }

    /** The newest {@code n} messages of each channel are shown (default {@value #DEFAULT_MESSAGES}). */
    public Inspector messagesPerChannel(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("messagesPerChannel must be >= 1, was " + n);
        }
        this.messagesPerChannel = n;
        return this;
    }

    public String device() {
        return device;
    }

    // ---- the page ----

    @Override
    public String html() {
        Source source = inspection.source();
        List<FileEntry> fileList = files.files(inspection, device);
        StringBuilder b = new StringBuilder(16_384);
        b.append("<div class=\"p2psim-inspector\" style=\"font-family:system-ui,-apple-system,'Segoe UI',sans-serif;")
                .append("font-size:13px;line-height:1.35;color:#222;max-width:1000px;border:1px solid #ccc;border-radius:8px;")
                .append("padding:10px;background:#f7f8fa\">");
        b.append(header(source));
        b.append("<div style=\"display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start\">");
        b.append("<div style=\"flex:1 1 480px;min-width:320px\">").append(chat(source, fileList)).append("</div>");
        b.append("<div style=\"flex:1 1 360px;min-width:300px\">");
        b.append(FileViews.downloads(fileList)).append(database(source)).append(sync(source)).append(NatView.box(source, device));
        b.append("</div></div></div>");
        return b.toString();
    }

    @Override
    public String text() {
        return toString();
    }

    /** Writes a standalone HTML page with the view to {@code file}; returns the file. */
    public Path writeHtml(Path file) {
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + HtmlEscape.escape(device) + " · p2psim inspector"
                + "</title></head><body style=\"margin:16px;background:#fff\">" + html() + "</body></html>\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private String header(Source source) {
        Network net = source.network();
        boolean online = net.isOnline(device);
        String id = source.namesById().entrySet().stream().filter(e -> e.getValue().equals(device)).map(Map.Entry::getKey)
                .findFirst().orElse("");
        Table devices = source.devicesTable();
        String completeness = "";
        for (int i = 0; i < devices.rowCount(); i++) {
            if (devices.column("device").getString(i).equals(device)) {
                completeness = Html.pct(StateExport.number(devices, "completeness", i)) + " of the ground truth";
            }
        }
        long events = source.sql(device, "SELECT COUNT(*) AS n FROM events").longColumn("n").getLong(0);
        String badge = online
                ? "<span style=\"background:#3a9d5d;color:#fff;border-radius:8px;padding:1px 8px;font-size:11px\">online</span>"
                : "<span style=\"background:#999;color:#fff;border-radius:8px;padding:1px 8px;font-size:11px\">offline</span>";
        return "<div style=\"display:flex;align-items:baseline;gap:10px;flex-wrap:wrap;margin:0 0 10px 2px\">"
                + "<span style=\"font-size:17px;font-weight:700\">" + HtmlEscape.escape(device) + "</span>" + badge
                + "<span style=\"" + Html.MUTED + "\">id " + HtmlEscape.escape(id.isEmpty() ? "?" : id.substring(0, Math.min(16, id.length())))
                + " · " + events + " events · " + HtmlEscape.escape(completeness) + " · t = " + HtmlEscape.escape(Html.time(source.timeMicros()))
                + " · " + HtmlEscape.escape(source.kind()) + "</span></div>";
    }

    // ---- chat ----

    private record Item(long ts, String sortKey, String html) {}

    private String chat(Source source, List<FileEntry> fileList) {
        Map<String, String> names = source.namesById();
        Table channels = source.sql(device, "SELECT channel_id AS channel, COUNT(*) AS n FROM message_index"
                + " GROUP BY channel_id ORDER BY channel_id");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < channels.rowCount(); i++) {
            counts.put(channels.column("channel").getString(i), (int) channels.longColumn("n").getLong(i));
        }
        for (FileEntry f : fileList) {
            if (f.channel() != null) {
                counts.putIfAbsent(f.channel(), 0);
            }
        }
        StringBuilder b = new StringBuilder();
        if (counts.isEmpty()) {
            b.append("<div style=\"").append(Html.MUTED).append("\">No messages on this device yet.</div>");
        }
        boolean fileColumn = StoreFiles.columns(source, device, "message_index").contains("file_id");
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            b.append(channel(source, c.getKey(), c.getValue(), names, fileList, fileColumn));
        }
        return Html.box("Chat", b.toString());
    }

    private String channel(Source source, String channel, int total, Map<String, String> names, List<FileEntry> fileList,
                           boolean fileColumn) {
        String quoted = channel.replace("'", "''");
        Map<String, FileEntry> filesById = new HashMap<>();
        fileList.forEach(f -> filesById.put(f.fileId(), f));
        java.util.Set<String> filesShown = new java.util.HashSet<>();
        Table page = source.sql(device, "SELECT * FROM (SELECT event_id, author, authored_ts, body, reply_to, "
                + (fileColumn ? "file_id" : "NULL AS file_id") + " FROM message_index"
                + " WHERE channel_id = '" + quoted + "' ORDER BY authored_ts DESC, event_id DESC LIMIT " + messagesPerChannel
                + ") ORDER BY authored_ts, event_id");
        int n = page.rowCount();
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < n; i++) {
            row.put(page.stringColumn("event_id").get(i), i);
        }
        Map<String, List<Integer>> replies = new HashMap<>();
        List<String> orphanParents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String parent = text(page, "reply_to", i);
            if (parent != null && row.containsKey(parent)) {
                replies.computeIfAbsent(parent, k -> new ArrayList<>()).add(i);
            } else if (parent != null) {
                orphanParents.add(parent);
            }
        }
        Map<String, String[]> quotes = quotes(orphanParents, names);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String parent = text(page, "reply_to", i);
            if (parent != null && row.containsKey(parent)) {
                continue; // shown in its thread
            }
            String fileId = text(page, "file_id", i);
            StringBuilder html;
            if (fileId != null && filesById.containsKey(fileId)) {
                html = new StringBuilder(FileViews.chatCard(filesById.get(fileId)));
                filesShown.add(fileId);
            } else {
                html = new StringBuilder(message(page, i, names, parent == null ? null : quotes.get(parent), parent != null));
            }
            thread(page, page.stringColumn("event_id").get(i), replies, names, html, 1);
            items.add(new Item(page.longColumn("authored_ts").getLong(i), page.stringColumn("event_id").get(i), html.toString()));
        }
        // Files show through their message rows where the store has them; otherwise by time, within the page.
        long oldestShown = n == 0 ? Long.MIN_VALUE : page.longColumn("authored_ts").getLong(0);
        for (FileEntry f : fileList) {
            boolean onPage = total <= n || f.authoredTs() >= oldestShown;
            if (channel.equals(f.channel()) && !fileColumn && onPage && !filesShown.contains(f.fileId())
                    && !row.containsKey(f.fileId())) {
                items.add(new Item(f.authoredTs(), f.fileId(), FileViews.chatCard(f)));
            }
        }
        items.sort(Comparator.comparingLong(Item::ts).thenComparing(Item::sortKey));
        StringBuilder b = new StringBuilder();
        long files = fileList.stream().filter(f -> channel.equals(f.channel())).count();
        b.append("<details open style=\"margin:0 0 8px 0\"><summary style=\"cursor:pointer;font-weight:600\">#")
                .append(HtmlEscape.escape(channel)).append(" <span style=\"").append(Html.MUTED).append("\">· ").append(total)
                .append(total == 1 ? " message" : " messages").append(files > 0 ? " · " + files + (files == 1 ? " file" : " files") : "")
                .append(total > n ? " · newest " + n + " shown" : "").append("</span></summary>");
        b.append("<div style=\"margin:4px 0 0 0\">");
        items.forEach(item -> b.append(item.html));
        b.append("</div></details>");
        return b.toString();
    }

    /** Replies under their message, indented one level per depth. */
    private void thread(Table page, String parentId, Map<String, List<Integer>> replies, Map<String, String> names,
                        StringBuilder html, int depth) {
        List<Integer> children = replies.get(parentId);
        if (children == null) {
            return;
        }
        html.append("<div style=\"margin:0 0 0 18px;padding-left:8px;border-left:2px solid #d5dbe5\">");
        for (int child : children) {
            html.append(message(page, child, names, null, false));
            if (depth < 8) {
                thread(page, page.stringColumn("event_id").get(child), replies, names, html, depth + 1);
            }
        }
        html.append("</div>");
    }

    /** Author and body of each held message among {@code ids} (replies whose parent is not on the page). */
    private Map<String, String[]> quotes(List<String> ids, Map<String, String> names) {
        Map<String, String[]> quotes = new HashMap<>();
        if (ids.isEmpty()) {
            return quotes;
        }
        StringJoiner in = new StringJoiner("', '", "('", "')");
        ids.stream().distinct().limit(500).forEach(id -> in.add(id.replace("'", "''")));
        Table t = inspection.source().sql(device, "SELECT event_id, author, body FROM message_index WHERE event_id IN " + in);
        for (int i = 0; i < t.rowCount(); i++) {
            String author = t.column("author").getString(i);
            quotes.put(t.column("event_id").getString(i), new String[] {names.getOrDefault(author, shortId(author)),
                t.column("body").getString(i)});
        }
        return quotes;
    }

    private String message(Table page, int i, Map<String, String> names, String[] quote, boolean isReply) {
        String authorId = text(page, "author", i);
        String author = names.getOrDefault(authorId, shortId(authorId));
        String body = text(page, "body", i);
        if (text(page, "file_id", i) != null) {
            body = "📎 " + body;
        }
        long ts = page.longColumn("authored_ts").getLong(i);
        StringBuilder b = new StringBuilder("<div style=\"margin:3px 0;padding:3px 6px;background:#fff;border-radius:6px\">");
        if (isReply) {
            b.append("<div style=\"").append(Html.MUTED).append(";border-left:3px solid #c8ced8;padding-left:6px;margin:0 0 2px 0\">↪ ");
            if (quote == null) {
                b.append("reply to a message not on this device yet");
            } else {
                b.append("reply to <b>").append(HtmlEscape.escape(quote[0])).append("</b>: ").append(HtmlEscape.escape(clip(quote[1], 80)));
            }
            b.append("</div>");
        }
        b.append("<span style=\"font-weight:600;color:").append(Html.color(author)).append("\">").append(HtmlEscape.escape(author))
                .append("</span> <span style=\"").append(Html.MUTED).append("\" title=\"authored_ts ").append(ts).append(" µs\">")
                .append(HtmlEscape.escape(Html.time(ts))).append("</span><div style=\"white-space:pre-wrap;overflow-wrap:anywhere\">")
                .append(HtmlEscape.escape(body)).append("</div></div>");
        return b.toString();
    }

    // ---- database ----

    private String database(Source source) {
        StringBuilder b = new StringBuilder();
        long[] sizes = source.storeSizes(device);
        Table kinds = EventKinds.counts(source, device);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < kinds.rowCount(); i++) {
            rows.add(List.of(kinds.column("kind").getString(i), kinds.column("events").getString(i),
                    Html.bytes(kinds.longColumn("bytes").getLong(i))));
        }
        b.append("<div style=\"").append(Html.MUTED).append(";margin:0 0 4px 0\">")
                .append(HtmlEscape.escape(source.storeFile(device).getFileName().toString())).append(" · ")
                .append(HtmlEscape.escape(Html.bytes(sizes[0]))).append(" on disk · ").append(HtmlEscape.escape(Html.bytes(sizes[1])))
                .append(" in pages</div>");
        b.append(Html.table(List.of("kind", "events", "ciphertext"), rows));
        b.append("<div style=\"margin:6px 0 0 0\">").append(storage(source)).append("</div>");
        return Html.box("Database", b.toString());
    }

    /** Tables and indexes by size, from SQLite's dbstat; says so when this SQLite has none. */
    private String storage(Source source) {
        Table t;
        try {
            t = source.sql(device, "SELECT s.name AS name, COALESCE(m.type, 'internal') AS type, COUNT(*) AS pages,"
                    + " SUM(s.pgsize) AS bytes FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name"
                    + " GROUP BY s.name ORDER BY bytes DESC, name");
        } catch (StoreException e) {
            return "<div style=\"" + Html.MUTED + "\">Table and index sizes unavailable (this SQLite has no dbstat).</div>";
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            rows.add(List.of(t.column("name").getString(i), t.column("type").getString(i), t.column("pages").getString(i),
                    Html.bytes(t.longColumn("bytes").getLong(i))));
        }
        return Html.table(List.of("table / index", "type", "pages", "size"), rows);
    }

    // ---- sync ----

    private String sync(Source source) {
        StringBuilder b = new StringBuilder();
        b.append("<div style=\"margin:0 0 4px 0\">strategy <b>").append(HtmlEscape.escape(source.strategy(device))).append("</b>");
        BloomSeedParams bloom = bloomParams(source);
        if (bloom != null) {
            b.append(" · filter ").append(bloom.filterBits()).append(" bits, ").append(bloom.hashes()).append(" hashes, in a packet of ≤ ")
                    .append(bloom.packetBytes()).append(" B every ").append(HtmlEscape.escape(seconds(bloom.interval().toMillis() / 1000.0)))
                    .append(bloom.saltEachRound() ? " · salted rounds" : "");
        }
        b.append("</div>");
        Table devices = source.devicesTable();
        for (int i = 0; i < devices.rowCount(); i++) {
            if (devices.column("device").getString(i).equals(device)) {
                long dupes = (long) StateExport.number(devices, "duplicates", i);
                b.append("<div style=\"").append(Html.MUTED).append("\">").append(dupes)
                        .append(" duplicate event packets received (events it already held)</div>");
            }
        }
        Table groups = source.packetGroups();
        Network net = source.network();
        List<String> peers = source.peers(device);
        Map<String, long[]> links = PacketGroups.links(groups);
        List<List<String>> rows = new ArrayList<>();
        for (String other : source.devices()) {
            if (other.equals(device)) {
                continue;
            }
            long[] out = links.getOrDefault(PacketGroups.key(device, other), new long[3]);
            long[] in = links.getOrDefault(PacketGroups.key(other, device), new long[3]);
            boolean known = peers != null && peers.contains(other);
            if (!known && out[0] == 0 && in[0] == 0) {
                continue;
            }
            String why = NetworkStatus.why(net, device, other, net.conditions(device, other));
            rows.add(List.of(other, peers == null ? "?" : known ? "yes" : "no", net.isOnline(other) ? "online" : "offline", why,
                    out[0] + " / " + out[1] + " / " + Html.bytes(out[2]), in[1] + " / " + Html.bytes(in[2])));
        }
        b.append("<div style=\"font-weight:600;margin:6px 0 2px 0\">Peers</div>");
        b.append(rows.isEmpty() ? "<div style=\"" + Html.MUTED + "\">No peers.</div>"
                : Html.table(List.of("peer", "in peer table", "state", "reachable", "to it: sent / delivered / bytes",
                        "from it: packets / bytes"), rows));
        b.append("<div style=\"font-weight:600;margin:6px 0 2px 0\">Traffic by packet type</div>");
        b.append(trafficByType(groups));
        return Html.box("Sync", b.toString());
    }

    private String trafficByType(Table groups) {
        Map<String, long[]> byType = PacketGroups.byType(groups, device);
        if (byType.isEmpty()) {
            return "<div style=\"" + Html.MUTED + "\">Nothing sent or received yet.</div>";
        }
        long[] total = new long[4];
        List<List<String>> rows = new ArrayList<>();
        byType.forEach((type, t) -> {
            rows.add(List.of(type, String.valueOf(t[0]), Html.bytes(t[1]), String.valueOf(t[2]), Html.bytes(t[3])));
            for (int k = 0; k < 4; k++) {
                total[k] += t[k];
            }
        });
        rows.add(List.of("all", String.valueOf(total[0]), Html.bytes(total[1]), String.valueOf(total[2]), Html.bytes(total[3])));
        return Html.table(List.of("type", "sent", "bytes out", "received", "bytes in"), rows);
    }

    private BloomSeedParams bloomParams(Source source) {
        if (source instanceof LiveSource live) {
            return live.device(device).strategy() instanceof BloomSeedStrategy s ? s.params() : null;
        }
        Object params = ((RunSource) source).scenario().sync().params();
        return params instanceof BloomSeedParams p ? p : null;
    }

    // ---- helpers ----

    private static String text(Table t, String column, int row) {
        return t.column(column).isMissing(row) ? null : t.column(column).getString(row);
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    private static String clip(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }

    @Override
    public String toString() {
        return "Inspector[" + device + " in " + inspection + "]";
    }
}
