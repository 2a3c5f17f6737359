package org.p2psim.experiment.mobile;

import java.util.ArrayList;
import java.util.List;
import org.p2psim.sim.SimEvent;

/**
 * When one device was online during a run: its windows, read from the leave and reconnect events
 * of the timeline. A device starts online; a leave closes the open window and a reconnect opens
 * the next; the last window ends at the end of the run.
 */
public record OnlineWindows(String device, List<Window> windows) {
    /** One stretch online, from {@code startS} to {@code endS} in simulated seconds. */
    public record Window(double startS, double endS) {}

    public OnlineWindows {
        windows = List.copyOf(windows);
    }

    /** The windows of {@code device} among {@code events} (a run's timeline), for a run that ended at {@code endS}. */
    public static OnlineWindows of(List<SimEvent> events, String device, double endS) {
        List<Window> windows = new ArrayList<>();
        double since = 0;
        boolean online = true;
        for (SimEvent e : events) {
            if (!e.device().equals(device)) {
                continue;
            }
            double t = e.time() / 1e6;
            if (e.kind().equals(SimEvent.LEAVE) && online) {
                if (t > since) {
                    windows.add(new Window(since, t));
                }
                online = false;
            } else if (e.kind().equals(SimEvent.RECONNECT) && !online) {
                since = t;
                online = true;
            }
        }
        if (online && endS > since) {
            windows.add(new Window(since, endS));
        }
        return new OnlineWindows(device, windows);
    }

    /** Seconds from {@code t} until the device is next online: 0 if it is online at {@code t}, NaN if it never is again. */
    public double waitAt(double t) {
        for (Window w : windows) {
            if (t < w.endS()) {
                return Math.max(0, w.startS() - t);
            }
        }
        return Double.NaN;
    }

    /** Whether the device was online at {@code t}. */
    public boolean onlineAt(double t) {
        return waitAt(t) == 0;
    }
}
