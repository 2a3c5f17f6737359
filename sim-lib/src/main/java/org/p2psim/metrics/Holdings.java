package org.p2psim.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one device holds and since when (µs), with the step curve of its count over time. */
final class Holdings {
    private final Map<String, Long> storedAt = new HashMap<>();
    private final List<long[]> countChanges = new ArrayList<>();

    void stored(String eventId, long at) {
        if (storedAt.putIfAbsent(eventId, at) == null) {
            countChanges.add(new long[] {at, storedAt.size()});
        }
    }

    boolean heldAt(String eventId, long asOf) {
        Long at = storedAt.get(eventId);
        return at != null && at <= asOf;
    }

    boolean holds(String eventId) {
        return storedAt.containsKey(eventId);
    }

    Long storedAt(String eventId) {
        return storedAt.get(eventId);
    }

    int count() {
        return storedAt.size();
    }

    /** Number of events held at {@code time}, from the step curve. */
    int countAt(long time) {
        return StepCurve.valueAt(countChanges, time);
    }

    List<long[]> changes() {
        return countChanges;
    }
}
