package org.p2psim.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One stored event row.
 *
 * @param eventId    32 lowercase hex chars (16 bytes)
 * @param channelId  null for non-message events
 * @param authoredTs microseconds of simulated time; may be negative (history authored before the
 *                   run started)
 * @param receivedTs microseconds of simulated time at which this device stored the event
 * @param ciphertext nonce || AEAD ciphertext. Records returned by {@link DeviceStore} share their
 *                   array with the store's cache: read it, do not modify it.
 */
public record StoredEvent(String eventId, String channelId, long authoredTs, long receivedTs, byte[] ciphertext) {

    public StoredEvent {
        requireId(eventId, "eventId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** Length of an event id's textual form: 32 lowercase hex characters (16 bytes). */
    static final int ID_LENGTH = 32;

    /** Checks the textual form of an event id (or of a file id, tag, invite id: the same form). */
    static String requireId(String id, String what) {
        if (!isId(id)) {
            throw new IllegalArgumentException(what + " must be 32 lowercase hex characters (16 bytes), got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    static boolean isId(String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The events that the stores of one run share: in a run where every device ends up holding every
     * event, a copy per store would make memory grow with devices × events. Each distinct event
     * (id, channel, authored time and bytes) is kept once, under an index; a store keeps, per event,
     * only that index and its own received time. Equal values are shared, never different ones: an id
     * seen with other bytes (or channel, or time) is a variant of its own. The stores of a pool must
     * be used from one thread (a run's).
     */
    public static final class Pool {
        private record Shared(String eventId, String channelId, long authoredTs, byte[] ciphertext) {}

        private final Map<String, Integer> firstById = new HashMap<>();
        private final Map<String, String> channels = new HashMap<>();
        private final List<Shared> shared = new ArrayList<>();
        /** The next variant of the same id, or -1. */
        private int[] nextVariant = new int[16];

        /** The index of {@code event}'s id, channel, time and bytes (added, with a private copy of the bytes, when new). */
        int share(StoredEvent event) {
            Integer first = firstById.get(event.eventId);
            int last = -1;
            for (int i = first == null ? -1 : first; i >= 0; i = nextVariant[i]) {
                Shared s = shared.get(i);
                if (s.authoredTs == event.authoredTs && Objects.equals(s.channelId, event.channelId)
                        && Arrays.equals(s.ciphertext, event.ciphertext)) {
                    return i;
                }
                last = i;
            }
            String id = first == null ? event.eventId : shared.get(first).eventId;
            String channel = event.channelId == null ? null : channels.computeIfAbsent(event.channelId, Function.identity());
            int index = shared.size();
            shared.add(new Shared(id, channel, event.authoredTs, event.ciphertext.clone()));
            if (index == nextVariant.length) {
                nextVariant = Arrays.copyOf(nextVariant, index * 2);
            }
            nextVariant[index] = -1;
            if (last < 0) {
                firstById.put(id, index);
            } else {
                nextVariant[last] = index;
            }
            return index;
        }

        /** The first variant of {@code eventId}, or -1. */
        int first(String eventId) {
            Integer i = firstById.get(eventId);
            return i == null ? -1 : i;
        }

        int nextVariant(int index) {
            return nextVariant[index];
        }

        String eventId(int index) {
            return shared.get(index).eventId;
        }

        long authoredTs(int index) {
            return shared.get(index).authoredTs;
        }

        /** The event of {@code index} as a store holding it since {@code receivedTs} returns it. */
        StoredEvent event(int index, long receivedTs) {
            Shared s = shared.get(index);
            return new StoredEvent(s.eventId, s.channelId, s.authoredTs, receivedTs, s.ciphertext);
        }
    }

    /** Same fields, with a private copy of the ciphertext (the store keeps this one). */
    StoredEvent withOwnCiphertext() {
        return new StoredEvent(eventId, channelId, authoredTs, receivedTs, ciphertext.clone());
    }

    // Value semantics for the ciphertext: two rows are equal when their bytes are.
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent e
                && eventId.equals(e.eventId)
                && Objects.equals(channelId, e.channelId)
                && authoredTs == e.authoredTs
                && receivedTs == e.receivedTs
                && Arrays.equals(ciphertext, e.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, channelId, authoredTs, receivedTs) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        int shown = Math.min(ciphertext.length, 8);
        String head = HexFormat.of().formatHex(ciphertext, 0, shown) + (shown < ciphertext.length ? "…" : "");
        return "StoredEvent[eventId=" + eventId + ", channelId=" + channelId + ", authoredTs=" + authoredTs
                + ", receivedTs=" + receivedTs + ", ciphertext=" + ciphertext.length + " bytes " + head + "]";
    }
}
