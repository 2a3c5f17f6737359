package org.p2psim.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class NotebookDisplayTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Table table(int rows) {
        return Table.create("loss",
                IntColumn.create("seed", IntStream.range(0, rows).toArray()),
                DoubleColumn.create("delivered", IntStream.range(0, rows).mapToDouble(i -> i / 2.0).toArray()),
                StringColumn.create("note", IntStream.range(0, rows).mapToObj(i -> i == 0 ? "<b>&" : "ok")
                        .toArray(String[]::new)));
    }

    static XYChart chart() {
        XYChart c = new XYChartBuilder().width(400).height(300).title("delivery").xAxisTitle("t (s)")
                .yAxisTitle("events").build();
        c.addSeries("alice", new double[] {0, 1, 2}, new double[] {0, 3, 5});
        return c;
    }

    @Test
    void tableHtmlHasHeaderRowsAndEscapes() {
        String html = HtmlTables.toHtml(table(3));
        assertTrue(html.contains("<table"), html);
        assertTrue(html.contains(">seed</th>"), html);
        assertTrue(html.contains("&lt;b&gt;&amp;"), html);
        assertFalse(html.contains("<b>&"), html);
        assertTrue(html.contains("3 rows &times; 3 columns"), html);
        assertFalse(html.contains("showing the first"), html);
    }

    @Test
    void tableHtmlIsCapped() {
        String html = HtmlTables.toHtml(table(250));
        assertTrue(html.contains("showing the first 200 of 250 rows"), html);
        assertEquals(200, html.split("<tr>", -1).length - 2, "data rows (one more <tr> is the header)");
    }

    @Test
    void chartPngIsAPng() {
        byte[] png = ChartImages.png(chart());
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8));
        assertEquals("XYChart 'delivery' (400x300)", ChartImages.describe(chart()));
    }

    @Test
    void fontFailuresAreRecognised() {
        assertTrue(ChartImages.isFontProblem(new Error("Probable fatal error: No fonts found.")));
        RuntimeException fromAwt = new NullPointerException();
        fromAwt.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("sun.awt.FontConfiguration", "getVersion", "FontConfiguration.java", 1264)});
        assertTrue(ChartImages.isFontProblem(new IllegalStateException(fromAwt)));
        assertFalse(ChartImages.isFontProblem(new IllegalArgumentException("series name")));
    }

    @Test
    void kernelRendererShowsTableAsHtmlAndChartAsPng() {
        Renderer renderer = new Renderer();
        assertTrue(JJavaExtension.registerRenderers(renderer));
        assertFalse(JJavaExtension.registerRenderers(renderer), "second registration is a no-op");

        DisplayData t = renderer.render(table(2));
        assertTrue(String.valueOf(t.getData(MIMEType.TEXT_HTML)).contains("<table"));
        assertTrue(String.valueOf(t.getData(MIMEType.TEXT_PLAIN)).contains("delivered"));

        DisplayData c = renderer.render(chart());
        byte[] png = Base64.getDecoder().decode(String.valueOf(c.getData(MIMEType.IMAGE_PNG)));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8));
        assertEquals("XYChart 'delivery' (400x300)", c.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aClientsMessageListShowsAsItsTable() {
        Renderer renderer = new Renderer();
        JJavaExtension.registerRenderers(renderer);
        try (org.p2psim.Simulation sim = org.p2psim.Simulation.builder().devices("alice").build()) {
            sim.post("alice", "general", "hello table");
            DisplayData d = renderer.render(sim.client("alice").getMessages("general", 10));
            String html = String.valueOf(d.getData(MIMEType.TEXT_HTML));
            assertTrue(html.contains("<table") && html.contains("hello table") && html.contains("alice"), html);
        }
    }

    @Test
    void extensionIsRegisteredAsService() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/org.dflib.jjava.jupyter.Extension")) {
            String names = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(JJavaExtension.class.getName(), names);
        }
    }

    @Test
    void setupOutsideAKernelSaysSoInsteadOfFailingOnNull() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Notebook::setup);
        assertEquals("Notebook.setup() works inside a JJava notebook only", e.getMessage());
        assertFalse(LiveOutput.inKernel());
    }

    @Test
    void theDefaultImportsCoverWhatTheReadmeUses() {
        for (String name : List.of("org.p2psim.client.*", "org.p2psim.plot.*", "org.p2psim.experiment.*", "org.p2psim.lab.*",
                "java.nio.file.Path", "java.util.*", "org.p2psim.scenario.Scenario", "org.p2psim.device.FilePolicy")) {
            assertTrue(JJavaExtension.DEFAULT_IMPORTS.contains("import " + name + ";"), name);
        }
    }

    @Test
    void paramFallsBack() {
        assertEquals("small", Notebook.param("P2PSIM_SURELY_UNSET_VARIABLE", "small"));
    }
}
