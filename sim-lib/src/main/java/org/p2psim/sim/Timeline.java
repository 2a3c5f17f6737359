package org.p2psim.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The real-world events of a run in the order they happened: the ground truth a replay re-enacts. */
public final class Timeline {
    private final List<SimEvent> events = new ArrayList<>();

    public void record(SimEvent event) {
        events.add(event);
    }

    public List<SimEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }
}
