package org.p2psim.lab;

import java.util.Locale;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.notebook.HtmlView;

/**
 * What one live run call did, as the cell's result. In a notebook the frames were already shown in
 * place above it, so it shows one line; elsewhere (no kernel drew anything) it shows the final frame.
 *
 * @param frame the final frame
 * @param shownLive whether a notebook showed the frames while running
 */
public record LiveRun(LiveFrame frame, boolean shownLive) implements HtmlView {

    /** Whether the call stopped because the cell was interrupted. */
    public boolean paused() {
        return frame.state() == LiveFrame.State.PAUSED;
    }

    /**
     * "done: simulated 0:00:00.0 → 1:00:00.0". The wall time and speed are in the frame above; they are left
     * out here so that this line, which stays in a saved notebook or report, is the same on every run.
     */
    public String summary() {
        return frame.state().label() + ": simulated " + FrameHtml.clock(frame.simStart()) + " → " + FrameHtml.clock(frame.simNow());
    }

    /** {@link #summary()} with the wall time and the speed achieved: "… in 36.2 s wall (99×)". */
    public String timing() {
        return String.format(Locale.ROOT, "%s in %.1f s wall (%s)", summary(), frame.wallSeconds(),
                Double.isNaN(frame.achievedSpeed()) ? "–" : String.format(Locale.ROOT, "%,.0f×", frame.achievedSpeed()));
    }

    @Override
    public String html() {
        return shownLive ? "<div style=\"font-family:sans-serif;font-size:12px;color:#555\">" + HtmlEscape.escape(summary()) + "</div>"
                : frame.html();
    }

    @Override
    public String text() {
        return shownLive ? summary() : frame.text();
    }

    @Override
    public String toString() {
        return "LiveRun[" + timing() + "]";
    }
}
