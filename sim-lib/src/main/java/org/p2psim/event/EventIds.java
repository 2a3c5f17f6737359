package org.p2psim.event;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@link EventId} object per id for the devices of a run. Each device that receives an event
 * computes its id from the bytes; kept as they come, a thousand devices holding fourteen thousand
 * events would keep fourteen million equal ids (object, hex string and its bytes: about 100 bytes
 * each) in their sync strategies. Equal ids are equal whichever object is used, so nothing but
 * memory changes. Used from one thread (a run's).
 */
public final class EventIds {
    private final Map<EventId, EventId> known = new HashMap<>();

    /** The run's object equal to {@code id} ({@code id} itself the first time). */
    public EventId canonical(EventId id) {
        EventId first = known.putIfAbsent(id, id);
        return first == null ? id : first;
    }
}
