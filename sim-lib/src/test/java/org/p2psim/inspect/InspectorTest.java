package org.p2psim.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.FileKey;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.Message;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.inspect.render.Html;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.notebook.JJavaExtension;
import org.p2psim.scenario.Scenario;

/** The device inspector's HTML: chat with threads, escaping, files with their progress, database and sync details. */
class InspectorTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Simulation chat(Path dir) {
        Simulation sim = Simulation.builder().seed(3).devices("alice", "bob").signatures(SignatureMode.FAST).directory(dir).build();
        String question = sim.post("alice", "general", "lunch at <b>noon</b>? \"yes\" & 'no' <script>alert(1)</script>");
        sim.device("bob").author(new Message("general", "sure, <i>noon</i>", question));
        sim.post("bob", "<img src=x onerror=alert(1)>", "a channel with a hostile name");
        sim.runFor(Duration.ofMinutes(1));
        return sim;
    }

    @Test
    void chatEscapesEveryTextAndThreadsReplies(@TempDir Path dir) {
        try (Simulation sim = chat(dir)) {
            String html = Inspector.of(sim, "alice").html();
            assertFalse(html.contains("<script>alert"), "no raw script");
            assertFalse(html.contains("<b>noon</b>"));
            assertFalse(html.contains("<img src=x"));
            assertFalse(html.contains("<script"), "no script element at all");
            assertTrue(html.contains("lunch at &lt;b&gt;noon&lt;/b&gt;? &quot;yes&quot; &amp; &#39;no&#39; &lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertTrue(html.contains("#&lt;img src=x onerror=alert(1)&gt;"), html);
            assertTrue(html.contains("sure, &lt;i&gt;noon&lt;/i&gt;"));
            int question = html.indexOf("lunch at");
            int thread = html.indexOf("border-left:2px solid", question);
            int reply = html.indexOf("sure, &lt;i&gt;noon", question);
            assertTrue(question < thread && thread < reply, "the reply sits in a thread under the question");
            for (String part : List.of(">Chat<", ">Downloads<", ">Database<", ">Sync<", "No files on this device.", "bloom-seed",
                    "3256 bits, 7 hashes", "message_index", "message_index_channel_authored", "in peer table", "filter", "online")) {
                assertTrue(html.contains(part), part + " in " + html);
            }
        }
    }

    @Test
    void aReplyToAMessageNotOnThePageQuotesIt(@TempDir Path dir) {
        try (Simulation sim = chat(dir)) {
            String question = sim.device("alice").store().eventIdsInArrivalOrder().get(0);
            for (int i = 0; i < 5; i++) {
                sim.post("alice", "general", "filler " + i);
            }
            sim.device("alice").author(new Message("general", "late answer", question));
            String html = Inspector.of(sim, "alice").messagesPerChannel(3).html();
            assertTrue(html.contains("↪ reply to <b>alice</b>: lunch at &lt;b&gt;noon"), html);
            assertTrue(html.contains("newest 3 shown"), html);
        }
    }

    @Test
    void rendersInTheNotebookWithoutBoilerplate(@TempDir Path dir) {
        try (Simulation sim = chat(dir)) {
            Renderer renderer = new Renderer();
            JJavaExtension.registerRenderers(renderer);
            DisplayData shown = renderer.render(Inspector.of(sim, "bob"));
            String html = String.valueOf(shown.getData(MIMEType.TEXT_HTML));
            assertTrue(html.startsWith("<div class=\"p2psim-inspector\""), html);
            assertTrue(String.valueOf(shown.getData(MIMEType.TEXT_PLAIN)).startsWith("Inspector[bob in Inspection[simulation "));
        }
    }

    @Test
    void writesAStandalonePage(@TempDir Path dir) throws Exception {
        try (Simulation sim = chat(dir.resolve("run"))) {
            Path page = Inspector.of(sim, "bob").writeHtml(dir.resolve("bob.html"));
            String text = Files.readString(page);
            assertTrue(text.startsWith("<!DOCTYPE html>"));
            assertTrue(text.contains("<title>bob · p2psim inspector</title>"));
        }
    }

    // ---- files ----

    /** A 300 × 200 gradient with seeded grain, as a JPEG of some 30 KB. */
    static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), 300, 200, new Color(240, 200, 80)));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        java.util.Random grain = new java.util.Random(1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int rgb = image.getRGB(x, y);
                int d = grain.nextInt(60) - 30;
                int r = Math.max(0, Math.min(255, ((rgb >> 16) & 255) + d));
                int gr = Math.max(0, Math.min(255, ((rgb >> 8) & 255) + d));
                int b = Math.max(0, Math.min(255, (rgb & 255) + d));
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /**
     * Gives a device store the file tables of store schema 2 (files, file_chunks, message_index.file_id;
     * a file's id derives from its key, its meta event has its own id) unless it has them, and two
     * shared images: one held whole, one with {@code heldOfSecond} of its chunks.
     */
    static void addFiles(Path store, String authorId, byte[] image, int heldOfSecond) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement()) {
            boolean hasFiles;
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'files'")) {
                hasFiles = rs.getInt(1) > 0;
            }
            if (!hasFiles) { // stores of schema 1; schema 2 has these already
                addFileTables(s);
            }
            share(c, "f1", "harbour <1>.jpg", authorId, image, 5_000_000, Integer.MAX_VALUE);
            share(c, "f2", "forest.jpg", authorId, image, 6_000_000, heldOfSecond);
        }
    }

    private static void addFileTables(Statement s) throws Exception {
        {
            s.execute("ALTER TABLE message_index ADD COLUMN file_id TEXT");
            s.execute("CREATE TABLE files(file_id TEXT PRIMARY KEY, event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),"
                    + " channel_id TEXT NOT NULL,"
                    + " author TEXT NOT NULL, authored_ts INTEGER NOT NULL, name TEXT NOT NULL, mime TEXT NOT NULL,"
                    + " size INTEGER NOT NULL, chunk_count INTEGER NOT NULL, content_hash TEXT NOT NULL, file_key BLOB NOT NULL)");
            s.execute("CREATE TABLE file_chunks(tag TEXT PRIMARY KEY, file_id TEXT NOT NULL, chunk_index INTEGER NOT NULL,"
                    + " event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id), bytes BLOB NOT NULL)");
        }
    }

    private static int seq = 0;

    private static void share(Connection c, String key, String name, String author, byte[] content, long ts, int held)
            throws Exception {
        String metaId = id(key, 0);
        String fileId = id(key, 9999); // derived from the file key, not the meta event's id
        int chunks = (content.length + 499) / 500;
        FileKey fileKey = FileKey.of(Blake3.hash256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long arrival = event(c, metaId, ts);
        try (PreparedStatement f = c.prepareStatement("INSERT INTO files(file_id, event_id, channel_id, author, authored_ts, name,"
                + " mime, size, chunk_count, content_hash, file_key) VALUES (?, ?, 'general', ?, ?, ?, 'image/jpeg', ?, ?, ?, ?)");
             PreparedStatement m = c.prepareStatement("INSERT INTO message_index(event_id, channel_id, author, authored_ts, body,"
                     + " reply_to, arrival_seq, file_id) VALUES (?, 'general', ?, ?, ?, NULL, ?, ?)")) {
            f.setString(1, fileId);
            f.setString(2, metaId);
            f.setString(3, author);
            f.setLong(4, ts);
            f.setString(5, name);
            f.setLong(6, content.length);
            f.setInt(7, chunks);
            f.setString(8, HexFormat.of().formatHex(Blake3.hash256(content)));
            f.setBytes(9, fileKey.bytes());
            f.executeUpdate();
            m.setString(1, metaId);
            m.setString(2, author);
            m.setLong(3, ts);
            m.setString(4, name);
            m.setLong(5, arrival);
            m.setString(6, fileId);
            m.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO file_chunks VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < chunks; i++) {
                if (held != Integer.MAX_VALUE && (i % 3 != 0 || i / 3 >= held)) {
                    continue; // the partial file holds every third chunk, `held` of them
                }
                String chunkId = id(key, i + 1);
                event(c, chunkId, ts);
                p.setString(1, fileKey.chunkTagHex(i)); // checked on reassembly
                p.setString(2, fileId);
                p.setInt(3, i);
                p.setString(4, chunkId);
                p.setBytes(5, java.util.Arrays.copyOfRange(content, i * 500, Math.min(content.length, (i + 1) * 500)));
                p.executeUpdate();
            }
        }
    }

    private static String id(String key, int n) {
        return String.format("%08x%024x", key.hashCode(), n);
    }

    private static long event(Connection c, String eventId, long ts) throws Exception {
        try (PreparedStatement e = c.prepareStatement("INSERT INTO events(event_id, channel_id, authored_ts, received_ts, ciphertext)"
                + " VALUES (?, 'general', ?, ?, x'00')", Statement.RETURN_GENERATED_KEYS)) {
            e.setString(1, eventId);
            e.setLong(2, ts);
            e.setLong(3, ts);
            e.executeUpdate();
            try (var keys = e.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Test
    void filesShowTheirProgressInTheChatAndTheDownloadList(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        ScenarioRun.of(Scenario.parse(RunDirectoryInspectionTest.SCENARIO, "inspect-test.yaml")).directory(run).run();
        byte[] image = jpeg();
        int chunks = (image.length + 499) / 500;
        assertTrue(chunks > 12, "the test image needs a few chunks, has " + chunks);
        int held = chunks / 6;
        addFiles(run.resolve("devices/bob.sqlite"), Simulation.deviceId(5, "alice").hex(), image, held);

        Inspection in = Inspection.of(run);
        List<FileEntry> files = FileSource.STORE.files(in, "bob");
        assertEquals(2, files.size());
        FileEntry whole = files.get(0);
        assertTrue(whole.complete());
        assertEquals("alice", whole.author());
        assertEquals(image.length, whole.content().length, "reassembled and hash-checked");
        FileEntry partial = files.get(1);
        assertFalse(partial.complete());
        assertEquals(held, partial.chunksHeld());
        assertNull(partial.content());
        assertTrue(partial.held().get(0) && !partial.held().get(1) && partial.held().get(3));

        String html = in.inspector("bob").html();
        assertTrue(html.contains("<img src=\"data:image/jpeg;base64,"), "the complete image as a thumbnail");
        assertTrue(html.contains("alt=\"harbour &lt;1&gt;.jpg\""), "file names are escaped");
        assertTrue(html.contains("<svg"), "the incomplete image as a chunk placeholder");
        String percent = Html.pct(partial.progress()).replace(".0%", "%");
        assertTrue(html.contains(">" + percent + "</text>"), percent + " written across the placeholder");
        assertTrue(html.contains("aria-label=\"forest.jpg: " + held + " of " + chunks + " chunks\""), html);
        assertTrue(html.contains("Downloads · 1 of 2 complete"));
        assertTrue(html.contains(held + " of " + chunks + " chunks · "), "a progress bar label in the download list");
        assertEquals(1, count(html, "alt=\"harbour"), "a file shows once in the chat, not also as a text message");

        Comparison c = in.compare("alice", "bob");
        assertEquals(2, c.byKind().where(c.byKind().stringColumn("kind").isEqualTo("file")).intColumn("only_in_b").get(0));
        assertEquals(chunks + held, c.byKind().where(c.byKind().stringColumn("kind").isEqualTo("file_chunk")).intColumn("only_in_b").get(0));
        AssertionResult dupes = in.assertions().noDuplicateRows();
        assertTrue(dupes.passed(), dupes.toString());
        assertTrue(dupes.detail().contains("events, file_chunks, files, message_index"), dupes.detail());
    }

    @Test
    void placeholderFillsByFractionWithoutAChunkMap() {
        FileEntry f = new FileEntry("id", "big.png", "image/png", "general", "alice", 0, 10_000_000, 5000, 20_000, null, null);
        String svg = FileViews.placeholder(f);
        assertTrue(svg.contains("fill=\"#8fb0e6\""), svg);
        assertTrue(svg.contains(">25%</text>"), svg);
        assertNotNull(FileViews.placeholder(new FileEntry("id", "x.jpg", "image/jpeg", null, "a", 0, 10, 3, 40, new BitSet(), null)));
        assertNull(FileViews.thumbnail(new byte[] {1, 2, 3}), "bytes that are no image give no thumbnail");
    }

    @Test
    void htmlEscapesAndFormats() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlEscape.escape("<a href=\"x\">&'"));
        assertEquals("", HtmlEscape.escape(null));
        assertEquals("\u221203:20.0", Html.time(-200_000_000L));
        assertEquals("1:02:03.5", Html.time(3_723_500_000L));
        assertEquals("203.4 KB", Html.bytes(203_400));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
