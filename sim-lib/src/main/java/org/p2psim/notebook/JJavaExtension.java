package org.p2psim.notebook;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.p2psim.client.Messages;
import tech.tablesaw.api.Table;

/**
 * The JJava kernel extension of p2psim, listed in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}.
 *
 * <p>JJava 1.0-a6 adds every entry of {@code JJAVA_CLASSPATH} (and of {@code %jars} / {@code %classpath})
 * to JShell, then looks the new entries up with {@link java.util.ServiceLoader} and calls
 * {@link #install(BaseKernel)} once per kernel. Install registers the renderers (Tablesaw table →
 * HTML, a client's message list → its table, XChart chart → PNG, {@link HtmlView} → its HTML) and evaluates
 * {@link #DEFAULT_IMPORTS}, skipping any that does not
 * compile (a package that is not there yet).
 *
 * <p>{@code JJAVA_STARTUP_SCRIPT} cannot do these imports: JJava evaluates it before it adds
 * {@code JJAVA_CLASSPATH}, so it sees the JDK only.
 */
public final class JJavaExtension implements Extension {

    /** Imports every notebook gets; each is tried on its own and skipped if it does not compile. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import org.p2psim.*;",
            "import org.p2psim.client.*;",
            "import org.p2psim.device.FilePolicy;",
            "import org.p2psim.experiment.*;",
            "import org.p2psim.inspect.*;",
            "import org.p2psim.lab.*;",
            "import org.p2psim.plot.*;",
            "import org.p2psim.scenario.Scenario;",
            "import tech.tablesaw.api.*;",
            "import org.knowm.xchart.*;",
            "import java.nio.file.Path;",
            "import java.time.Duration;",
            "import java.util.*;");

    /** Rows shown in the plain-text form of a table. */
    static final int TEXT_ROWS = 20;

    private static final Set<Renderer> INSTALLED = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void install(BaseKernel kernel) {
        registerRenderers(kernel.getRenderer());
        for (String imp : DEFAULT_IMPORTS) {
            try {
                kernel.eval(imp);
            } catch (Exception e) {
                // e.g. a package with no classes yet: the notebook can still import what exists
            }
        }
    }

    /**
     * Registers the p2psim renderers with a JJava {@link Renderer}; does nothing the second time
     * for the same renderer. Returns whether it registered.
     */
    public static boolean registerRenderers(Renderer renderer) {
        synchronized (INSTALLED) {
            if (!INSTALLED.add(renderer)) {
                return false;
            }
        }
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTables.toHtml(table));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> HtmlTables.toText(table, TEXT_ROWS));
                });
        renderer.createRegistration(HtmlView.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((view, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, view::html);
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, view::text);
                });
        renderer.createRegistration(Messages.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((messages, ctx) -> {
                    Table table = messages.table();
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTables.toHtml(table));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> HtmlTables.toText(table, TEXT_ROWS));
                });
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Chart<?, ?>> chartClass = (Class) Chart.class;
        renderer.createRegistration(chartClass)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> ChartImages.pngBase64(chart));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ChartImages.describe(chart));
                });
        return true;
    }
}
