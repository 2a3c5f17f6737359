package org.p2psim.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The in-memory index of a store's events: the arrival-ordered list (the only order ever exposed),
 * a hash index for {@code contains}/{@code get} and an authored-time index. SQLite is the truth:
 * {@link #load} rebuilds the index from the file.
 */
final class EventIndex {
    /** An event with the arrival_seq the store gave it. */
    record Entry(long seq, StoredEvent event) {}

    private static final Comparator<Entry> NEWEST_AUTHORED_FIRST = (a, b) -> {
        int byTime = Long.compare(b.event.authoredTs(), a.event.authoredTs());
        return byTime != 0 ? byTime : Long.compare(b.seq, a.seq);
    };

    private static final String SELECT_EVENTS = "SELECT arrival_seq, event_id, channel_id, authored_ts, received_ts,"
            + " ciphertext FROM events ORDER BY arrival_seq";

    private final List<Entry> arrival;
    private final Map<String, Entry> byId;
    private final NavigableSet<Entry> byAuthored = new TreeSet<>(NEWEST_AUTHORED_FIRST);
    private long nextSeq = 1;
    private StoredEvent.Pool pool;

    EventIndex(List<Entry> stored) {
        this.arrival = new ArrayList<>(Math.max(16, stored.size()));
        this.byId = new HashMap<>(Math.max(16, stored.size() * 4 / 3 + 1));
        stored.forEach(this::remember);
        if (!stored.isEmpty()) {
            nextSeq = stored.get(stored.size() - 1).seq + 1;
        }
    }

    /** Reads every event of the file back, in arrival order. */
    static List<Entry> load(Path file, Connection c) throws SQLException {
        List<Entry> rows = new ArrayList<>();
        Map<String, String> channels = new HashMap<>(); // one String per channel, not one per row
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_EVENTS)) {
            while (rs.next()) {
                rows.add(readRow(file, rs, channels));
            }
        }
        return rows;
    }

    private static Entry readRow(Path file, ResultSet rs, Map<String, String> channels) throws SQLException {
        long seq = rs.getLong(1);
        String channel = rs.getString(3);
        if (channel != null) {
            channel = channels.computeIfAbsent(channel, Function.identity());
        }
        try {
            return new Entry(seq, new StoredEvent(rs.getString(2), channel, rs.getLong(4), rs.getLong(5), rs.getBytes(6)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException(file + " is a damaged p2psim device store (events row with arrival_seq "
                    + seq + ": " + e.getMessage() + ")", e);
        }
    }

    /** Gives {@code event} (a private copy of it) the next arrival_seq and indexes it. */
    Entry append(StoredEvent event) {
        Entry entry = new Entry(nextSeq++, pool == null ? event.withOwnCiphertext() : pool.share(event));
        remember(entry);
        return entry;
    }

    private void remember(Entry entry) {
        arrival.add(entry);
        byId.put(entry.event.eventId(), entry);
        byAuthored.add(entry);
    }

    void shareWith(StoredEvent.Pool shared) {
        this.pool = shared;
    }

    boolean contains(String eventId) {
        return byId.containsKey(eventId);
    }

    int size() {
        return arrival.size();
    }

    StoredEvent get(String eventId) {
        Entry entry = byId.get(eventId);
        return entry == null ? null : entry.event;
    }

    List<String> eventIds() {
        return new ArrivalPrefix<>(arrival, arrival.size(), e -> e.event.eventId());
    }

    List<StoredEvent> events() {
        return new ArrivalPrefix<>(arrival, arrival.size(), Entry::event);
    }

    List<String> authoredSince(long since, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        List<String> ids = new ArrayList<>(Math.min(limit, 64));
        for (Entry e : byAuthored) {
            if (ids.size() == limit || e.event.authoredTs() < since) {
                break;
            }
            ids.add(e.event.eventId());
        }
        return Collections.unmodifiableList(ids);
    }

    /**
     * The first {@code size} entries of the append-only arrival list, mapped to one field. The
     * list never shrinks or reorders, so this is an immutable snapshot that costs O(1) to take.
     */
    private static final class ArrivalPrefix<T> extends AbstractList<T> implements RandomAccess {
        private final List<Entry> entries;
        private final int size;
        private final Function<Entry, T> field;

        ArrivalPrefix(List<Entry> entries, int size, Function<Entry, T> field) {
            this.entries = entries;
            this.size = size;
            this.field = field;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, size);
            return field.apply(entries.get(index));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
