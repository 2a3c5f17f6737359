package org.p2psim.sync.bloom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2psim.event.EventId;

/**
 * What one device has learnt about one peer's holdings from salted filters, event by event.
 *
 * <p><b>The evidence rule.</b> Every test of an event against a filter that covers it is one piece of
 * evidence. A negative is proof: a Bloom filter has no false negatives, so the peer lacked the event
 * when it built the filter; the event is queued to be sent and its count of positives drops to 0.
 * A positive adds 1 to the count and takes the event off the queue. Filters are hashed under a fresh
 * salt each round, so their false positives are independent: after c positives the chance that the
 * peer still lacks the event is at most p^c (p the filter's false-positive rate), and the event is
 * <em>believed</em> held once c reaches {@code confirmations}. Nothing is ever OR-merged, so a false
 * positive lasts one round, not forever.
 */
final class Evidence {
    private final Map<EventId, Integer> positives = new HashMap<>();
    private final Set<EventId> missing = new LinkedHashSet<>();

    void negative(EventId id) {
        positives.remove(id);
        missing.add(id);
    }

    void positive(EventId id) {
        positives.merge(id, 1, Integer::sum);
        missing.remove(id);
    }

    int positives(EventId id) {
        return positives.getOrDefault(id, 0);
    }

    boolean isMissing(EventId id) {
        return missing.contains(id);
    }

    /**
     * Up to {@code limit} events to send, taken off the queue: {@code fresh} (this round's negatives,
     * in order) first, then the older entries of the queue, oldest first.
     */
    List<EventId> takeToSend(List<EventId> fresh, int limit) {
        List<EventId> out = new ArrayList<>(Math.min(limit, missing.size()));
        for (EventId id : fresh) {
            if (out.size() < limit && missing.remove(id)) {
                out.add(id);
            }
        }
        var it = missing.iterator();
        while (out.size() < limit && it.hasNext()) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }
}
