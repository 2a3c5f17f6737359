package org.p2psim.experiment.mobile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.sim.SimEvent;

/**
 * Who was online when, and when each device switched networks, in one run: the online windows and
 * switch times of each device, read from the run's timeline.
 */
public final class Presence {
    private final Map<String, OnlineWindows> windows = new LinkedHashMap<>();
    private final Map<String, double[]> switches = new LinkedHashMap<>();

    private Presence() {}

    /** The presence of {@code devices} in a run that ended at {@code endS}, from its timeline's {@code events}. */
    public static Presence of(List<SimEvent> events, Collection<String> devices, double endS) {
        Presence p = new Presence();
        for (String d : devices) {
            p.windows.put(d, OnlineWindows.of(events, d, endS));
            p.switches.put(d, events.stream().filter(e -> e.device().equals(d) && e.kind().equals(SimEvent.SWITCH))
                    .mapToDouble(e -> e.time() / 1e6).toArray());
        }
        return p;
    }

    /** The online windows of {@code device}. */
    public OnlineWindows windows(String device) {
        OnlineWindows w = windows.get(device);
        if (w == null) {
            throw new IllegalArgumentException("no device '" + device + "' in this run; its devices are " + windows.keySet());
        }
        return w;
    }

    /** The times (s) at which {@code device} switched networks, in order. */
    public double[] switches(String device) {
        windows(device);
        return switches.get(device).clone();
    }
}
