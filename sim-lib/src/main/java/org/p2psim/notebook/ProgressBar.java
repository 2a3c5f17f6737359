package org.p2psim.notebook;

import java.util.Locale;

/**
 * A progress bar under the running cell for long runs and sweeps: it appears once the work has taken
 * {@link #SHOW_AFTER_SECONDS} (a quick run leaves no trace), is redrawn in place at most four times a
 * second ({@link LiveOutput}) with the share done, what is done, the wall time and an estimate of the
 * time left, and disappears when the work is done (so that a saved notebook or report keeps no trace of
 * it). Outside a notebook kernel it shows nothing.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.start("sweep");
 * bar.update(0.4, "12 of 30 runs");
 * }</pre>
 */
public final class ProgressBar implements HtmlView {
    /** Work quicker than this shows no bar. */
    public static final double SHOW_AFTER_SECONDS = 1.0;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final String label;
    private final long start = System.nanoTime();
    private LiveOutput out;
    private long drawnAt;
    private double fraction;
    private String detail = "";

    private ProgressBar(String label) {
        this.label = label;
    }

    /** A bar for work called {@code label} ("sweep", "run happy-path"), starting now. */
    public static ProgressBar start(String label) {
        return new ProgressBar(label);
    }

    /** {@code share} (0 to 1) is done: {@code what} ("12 of 30 runs"). At 1 the bar says done. */
    public void update(double share, String what) {
        this.fraction = Math.max(0, Math.min(1, share));
        this.detail = what;
        long now = System.nanoTime();
        if (out == null) {
            if (seconds(now) < SHOW_AFTER_SECONDS || !LiveOutput.inKernel()) {
                return;
            }
            out = LiveOutput.open(this);
            drawnAt = now;
        } else if (fraction >= 1 || now - drawnAt >= REDRAW_NANOS) {
            out.update(this);
            drawnAt = now;
        }
    }

    private double seconds(long nanos) {
        return (nanos - start) / 1e9;
    }

    /**
     * "37 % · 12 of 30 runs · 8.1 s, about 14 s left"; at the end "100 % · 30 of 30 runs · done", without
     * the wall time, so that what stays in a saved notebook or report is the same on every run.
     */
    @Override
    public String text() {
        double wall = seconds(System.nanoTime());
        String time = fraction >= 1 ? "done"
                : fraction <= 0 ? String.format(Locale.ROOT, "%.1f s", wall)
                : String.format(Locale.ROOT, "%.1f s, about %.0f s left", wall, wall / fraction * (1 - fraction));
        return String.format(Locale.ROOT, "%s: %.0f %% · %s · %s", label, 100 * fraction, detail, time);
    }

    /** The bar; once done, nothing: a finished bar would only repeat what the cell's output shows. */
    @Override
    public String html() {
        if (fraction >= 1) {
            return "";
        }
        int width = 300;
        int filled = (int) Math.round(fraction * width);
        String color = "#1f77b4";
        return "<div style=\"font-family:sans-serif;font-size:12px;color:#333\"><span style=\"display:inline-block;"
                + "vertical-align:middle;width:" + width + "px;height:10px;background:#e6e6e6;margin-right:8px\"><span"
                + " style=\"display:block;height:10px;width:" + filled + "px;background:" + color + "\"></span></span>"
                + HtmlEscape.escape(text()) + "</div>";
    }
}
