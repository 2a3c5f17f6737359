package org.p2psim.metrics.collect;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link GroundTruth} knows of one device: which events of the ground truth it holds and since
 * when (a primitive array indexed by the event's creation sequence), its held-count step curve,
 * whether it is online, and the delivery latencies of events it received, by author. Mutable,
 * owned by {@link GroundTruth}.
 */
final class DeviceState {
    static final long NOT_HELD = Long.MIN_VALUE;
    private static final LongList[] NO_LISTS = new LongList[0];

    final String name;
    final int index;
    boolean online = true;
    /** When the device appeared (µs), and its online time up to {@link #onlineSince} (µs). */
    long presentFrom;
    long onlineBefore;
    long onlineSince;
    long reads;
    long declined;
    long messagesRead;
    int heldTruth;
    final StepSeries held = new StepSeries();
    long duplicates;
    /** First stores of events authored by another device: the events this device had to receive. */
    long received;
    long authored;
    long lastStoredAt = Long.MIN_VALUE;
    /** Copies of events stored before their creation was reported: id → {at, bytes}. Rarely used. */
    Map<String, long[]> unknown;

    private long[] storedAt = new long[0];
    private LongList[] fromAuthor = NO_LISTS;

    DeviceState(String name, int index, long presentFrom) {
        this.name = name;
        this.index = index;
        this.presentFrom = presentFrom;
        this.onlineSince = presentFrom;
    }

    /** The share of its time since it appeared that the device has been online, at {@code now}. */
    double onlineShare(long now) {
        long present = now - presentFrom;
        long onlineTime = onlineBefore + (online ? Math.max(0, now - onlineSince) : 0);
        return present <= 0 ? (online ? 1 : 0) : onlineTime / (double) present;
    }

    /** When the event with creation sequence {@code seq} was stored here, or {@link #NOT_HELD}. */
    long storedAt(int seq) {
        return seq < storedAt.length ? storedAt[seq] : NOT_HELD;
    }

    void hold(int seq, long at) {
        if (seq >= storedAt.length) {
            int old = storedAt.length;
            storedAt = Arrays.copyOf(storedAt, Math.max(seq + 1, Math.max(16, old * 2)));
            Arrays.fill(storedAt, old, storedAt.length, NOT_HELD);
        }
        storedAt[seq] = at;
    }

    boolean heldAt(int seq, long asOf) {
        long at = storedAt(seq);
        return at != NOT_HELD && at <= asOf;
    }

    /** Delivery latencies (µs) here of events authored by the device with index {@code author}. */
    LongList fromAuthor(int author) {
        if (author >= fromAuthor.length) {
            fromAuthor = Arrays.copyOf(fromAuthor, Math.max(author + 1, fromAuthor.length * 2));
        }
        LongList list = fromAuthor[author];
        if (list == null) {
            list = new LongList(4);
            fromAuthor[author] = list;
        }
        return list;
    }

    /** As {@link #fromAuthor}, or null when nothing of that author arrived here. */
    LongList fromAuthorIfAny(int author) {
        return author < fromAuthor.length ? fromAuthor[author] : null;
    }

    Map<String, long[]> unknown() {
        if (unknown == null) {
            unknown = new LinkedHashMap<>();
        }
        return unknown;
    }
}
