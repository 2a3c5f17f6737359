package org.p2psim.notebook;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * One output of the running cell that can be redrawn in place: JJava's {@code display} with a
 * display id, then {@code updateDisplay} under that id (Jupyter's {@code update_display_data}).
 * JupyterLab redraws it as it changes; nbconvert/nbclient keep the last version in the saved
 * notebook, so a headless report shows the final state.
 *
 * <pre>{@code
 * LiveOutput out = LiveOutput.open(firstView);   // shows it under the running cell
 * out.update(nextView);                          // replaces it
 * }</pre>
 *
 * <p>Outside a JJava kernel (tests, the CLI, plain Java) {@link #open} returns an output that shows
 * nothing: {@link #isShown()} is false and updates are ignored. The kernel drops updates sent after
 * the cell has ended (for instance after it was interrupted): the output keeps its last version.
 */
public final class LiveOutput {
    private final BaseKernel kernel;
    private final String id;

    private LiveOutput(BaseKernel kernel, String id) {
        this.kernel = kernel;
        this.id = id;
    }

    /** Shows {@code view} as a new output of the running cell, or returns a silent output outside a kernel. */
    public static LiveOutput open(HtmlView view) {
        BaseKernel kernel = kernel();
        if (kernel == null) {
            return new LiveOutput(null, null);
        }
        // the id only names the output for the front end; it never reaches a simulation
        LiveOutput out = new LiveOutput(kernel, "p2psim-" + UUID.randomUUID());
        kernel.display(data(view, out.id));
        return out;
    }

    /** Whether a notebook kernel shows this output. */
    public boolean isShown() {
        return kernel != null;
    }

    /** Whether this code runs inside a JJava notebook kernel. */
    public static boolean inKernel() {
        return kernel() != null;
    }

    /** Replaces what the output shows by {@code view}. */
    public void update(HtmlView view) {
        if (kernel != null) {
            kernel.getIO().display.updateDisplay(id, data(view, id));
        }
    }

    private static DisplayData data(HtmlView view, String id) {
        DisplayData data = new DisplayData(view.text());
        data.putHTML(view.html());
        data.setDisplayId(id);
        return data;
    }

    private static BaseKernel kernel() {
        try {
            return BaseKernel.notebookKernel();
        } catch (NoClassDefFoundError e) {
            return null; // JJava is not on the class path: not a notebook
        } catch (NullPointerException e) {
            return null; // JJava 1.0-a6 says "no kernel running" this way
        }
    }
}
