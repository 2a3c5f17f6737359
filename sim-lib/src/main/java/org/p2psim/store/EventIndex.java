package org.p2psim.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * The in-memory index of a store's events: the arrival-ordered list (the only order ever exposed),
 * lookup by id and an authored-time order. SQLite is the truth: {@link #load} rebuilds the index
 * from the file.
 *
 * <p>Kept in columns of primitives, about 30 bytes an event: the event's index in a
 * {@link StoredEvent.Pool} (id, channel, authored time and bytes, shared by the stores of a run), its
 * received time and arrival_seq, and its place in the authored order. A run of a thousand devices
 * that each hold fourteen thousand events holds fourteen million of these; as objects (entry,
 * record, hash and tree nodes) they cost about 150 bytes each. Records are made when read.
 */
final class EventIndex {
    /** An event with the arrival_seq the store gave it. */
    record Entry(long seq, StoredEvent event) {}

    private static final String SELECT_EVENTS = "SELECT arrival_seq, event_id, channel_id, authored_ts, received_ts,"
            + " ciphertext FROM events ORDER BY arrival_seq";

    private StoredEvent.Pool pool = new StoredEvent.Pool();
    // by position in arrival order
    private int[] shared = new int[16];
    private long[] received = new long[16];
    private long[] seqs = new long[16];
    private int size;
    /** By pool index: 1 + the position of the event, or 0 when this store does not hold it. */
    private int[] positionOf = new int[16];
    private final AuthoredOrder byAuthored = new AuthoredOrder();
    private long nextSeq = 1;

    EventIndex(List<Entry> stored) {
        stored.forEach(e -> remember(e.seq, e.event));
        if (!stored.isEmpty()) {
            nextSeq = stored.get(stored.size() - 1).seq + 1;
        }
    }

    /** Reads every event of the file back, in arrival order. */
    static List<Entry> load(Path file, Connection c) throws SQLException {
        List<Entry> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_EVENTS)) {
            while (rs.next()) {
                rows.add(readRow(file, rs));
            }
        }
        return rows;
    }

    private static Entry readRow(Path file, ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            return new Entry(seq, new StoredEvent(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getBytes(6)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException(file + " is a damaged p2psim device store (events row with arrival_seq "
                    + seq + ": " + e.getMessage() + ")", e);
        }
    }

    /** Gives {@code event} the next arrival_seq and indexes it (the pool keeps its own copy of the bytes). */
    Entry append(StoredEvent event) {
        long seq = nextSeq++;
        return new Entry(seq, eventAt(remember(seq, event)));
    }

    private int remember(long seq, StoredEvent event) {
        int p = pool.share(event);
        if (size == shared.length) {
            shared = Arrays.copyOf(shared, size * 2);
            received = Arrays.copyOf(received, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        shared[size] = p;
        received[size] = event.receivedTs();
        seqs[size] = seq;
        if (p >= positionOf.length) {
            positionOf = Arrays.copyOf(positionOf, Math.max(p + 1, positionOf.length * 2));
        }
        positionOf[p] = size + 1;
        byAuthored.add(size);
        return size++;
    }

    /** From now on the events of this index (those held already too) are kept in {@code shared}. */
    void shareWith(StoredEvent.Pool sharedPool) {
        List<Entry> held = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            held.add(new Entry(seqs[i], eventAt(i)));
        }
        pool = sharedPool;
        shared = new int[Math.max(16, size)];
        received = new long[shared.length];
        seqs = new long[shared.length];
        positionOf = new int[16];
        byAuthored.clear();
        size = 0;
        held.forEach(e -> remember(e.seq, e.event));
    }

    private int positionOf(String eventId) {
        for (int p = pool.first(eventId); p >= 0; p = pool.nextVariant(p)) {
            if (p < positionOf.length && positionOf[p] > 0) {
                return positionOf[p] - 1;
            }
        }
        return -1;
    }

    private StoredEvent eventAt(int position) {
        return pool.event(shared[position], received[position]);
    }

    private String idAt(int position) {
        return pool.eventId(shared[position]);
    }

    private long authoredAt(int position) {
        return pool.authoredTs(shared[position]);
    }

    boolean contains(String eventId) {
        return positionOf(eventId) >= 0;
    }

    int size() {
        return size;
    }

    StoredEvent get(String eventId) {
        int p = positionOf(eventId);
        return p < 0 ? null : eventAt(p);
    }

    List<String> eventIds() {
        return new ArrivalPrefix<>(size, this::idAt);
    }

    List<StoredEvent> events() {
        return new ArrivalPrefix<>(size, this::eventAt);
    }

    List<String> authoredSince(long since, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        return Collections.unmodifiableList(byAuthored.idsSince(since, limit));
    }

    /**
     * The first {@code size} events in arrival order. Positions never move and the list only grows,
     * so this is an immutable snapshot that costs O(1) to take.
     */
    private static final class ArrivalPrefix<T> extends AbstractList<T> implements RandomAccess {
        private final int size;
        private final IntFunction<T> at;

        ArrivalPrefix(int size, IntFunction<T> at) {
            this.size = size;
            this.at = at;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, size);
            return at.apply(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * Positions newest authored first (ties: later arrival first, i.e. larger arrival_seq): a sorted
     * array and a small sorted buffer of recent arrivals, merged into the array when the buffer is
     * full. Reads walk both in step. Four bytes an event instead of a tree node's forty.
     */
    private final class AuthoredOrder {
        private static final int BUFFER = 128;
        private int[] main = new int[16];
        private int mainSize;
        private final int[] buffer = new int[BUFFER];
        private int bufferSize;

        /** Whether position {@code a} comes before position {@code b}. */
        private boolean before(int a, int b) {
            int byTime = Long.compare(authoredAt(b), authoredAt(a));
            return byTime != 0 ? byTime < 0 : a > b;
        }

        void add(int position) {
            if (bufferSize == BUFFER) {
                merge();
            }
            int at = bufferSize;
            while (at > 0 && before(position, buffer[at - 1])) {
                buffer[at] = buffer[at - 1];
                at--;
            }
            buffer[at] = position;
            bufferSize++;
        }

        /** Merges the buffer into the array from the back, in place: no garbage but the array's growth. */
        private void merge() {
            if (mainSize + bufferSize > main.length) {
                main = Arrays.copyOf(main, (mainSize + bufferSize) * 2);
            }
            int m = mainSize - 1;
            int b = bufferSize - 1;
            for (int out = mainSize + bufferSize - 1; b >= 0; out--) {
                main[out] = m >= 0 && before(buffer[b], main[m]) ? main[m--] : buffer[b--];
            }
            mainSize += bufferSize;
            bufferSize = 0;
        }

        void clear() {
            main = new int[16];
            mainSize = 0;
            bufferSize = 0;
        }

        List<String> idsSince(long since, int limit) {
            List<String> ids = new ArrayList<>(Math.min(limit, 64));
            int m = 0;
            int b = 0;
            while (ids.size() < limit && (m < mainSize || b < bufferSize)) {
                boolean fromBuffer = m == mainSize || b < bufferSize && before(buffer[b], main[m]);
                int position = fromBuffer ? buffer[b++] : main[m++];
                if (authoredAt(position) < since) {
                    break;
                }
                ids.add(idAt(position));
            }
            return ids;
        }
    }
}
