package org.p2psim.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Static helpers for notebook code.
 *
 * <p>Normally nothing needs calling: {@link JJavaExtension} is loaded by the kernel. Where kernel
 * extensions are switched off ({@code JJAVA_LOAD_EXTENSIONS=false}) or the jar was added in an
 * unusual way, the first cell can call {@code org.p2psim.notebook.Notebook.setup();} to get the same
 * renderers and imports. Calling it twice is harmless.
 */
public final class Notebook {

    private Notebook() {
    }

    /**
     * Registers the table and chart renderers with the running JJava kernel and adds the default
     * imports. Throws {@link IllegalStateException} outside a JJava notebook.
     */
    public static void setup() {
        BaseKernel kernel;
        try {
            kernel = BaseKernel.notebookKernel();
        } catch (NoClassDefFoundError | NullPointerException e) {
            // JJava's notebookKernel() is requireNonNull(...) outside a running kernel
            throw new IllegalStateException("Notebook.setup() works inside a JJava notebook only", e);
        }
        if (kernel == null) {
            throw new IllegalStateException("Notebook.setup() works inside a JJava notebook only");
        }
        new JJavaExtension().install(kernel);
    }

    /**
     * A notebook parameter: the environment variable {@code name} (e.g. {@code P2PSIM_SIZE}, set as
     * {@code P2PSIM_SIZE=full make report}), or {@code fallback} when it is unset or blank.
     */
    public static String param(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
