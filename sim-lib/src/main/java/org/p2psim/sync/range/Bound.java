package org.p2psim.sync.range;

import org.p2psim.event.EventId;

/**
 * A point in the order of items (timestamp, then id as unsigned bytes): an item is below the bound
 * when its timestamp is smaller, or equal with an id below the bound's id prefix padded with zero
 * bytes. {@link #INFINITY} is above every item, {@link #MIN} below or equal to every item.
 *
 * @param ts     the timestamp (µs, signed); {@code Long.MAX_VALUE} is reserved for infinity
 * @param high   the first 8 bytes of the padded id prefix
 * @param low    the last 8 bytes of the padded id prefix
 * @param prefix length of the id prefix in bytes, 0–16
 */
record Bound(long ts, long high, long low, int prefix) {
    static final Bound MIN = new Bound(Long.MIN_VALUE, 0, 0, 0);
    static final Bound INFINITY = new Bound(Long.MAX_VALUE, 0, 0, 0);

    boolean isInfinity() {
        return ts == Long.MAX_VALUE;
    }

    /** Whether the item (ts, id) is below this bound. */
    boolean above(long itemTs, long itemHigh, long itemLow) {
        if (isInfinity()) {
            return true;
        }
        if (itemTs != ts) {
            return itemTs < ts;
        }
        int c = Long.compareUnsigned(itemHigh, high);
        return c != 0 ? c < 0 : Long.compareUnsigned(itemLow, low) < 0;
    }

    /**
     * The shortest bound that separates item {@code a} from the next item {@code b} (a &lt; b): b's
     * timestamp alone when they differ, else b's id cut one byte after their common prefix.
     */
    static Bound between(long aTs, EventId a, long bTs, EventId b) {
        if (aTs != bTs) {
            return new Bound(bTs, 0, 0, 0);
        }
        int common = Long.numberOfLeadingZeros(a.high() ^ b.high());
        common = common < 64 ? common : 64 + Long.numberOfLeadingZeros(a.low() ^ b.low());
        int prefix = Math.min(EventId.BYTES, common / 8 + 1);
        return new Bound(bTs, keep(b.high(), prefix), keep(b.low(), prefix - 8), prefix);
    }

    /** {@code word} with only its first {@code bytes} bytes (big-endian) kept. */
    static long keep(long word, int bytes) {
        if (bytes <= 0) {
            return 0;
        }
        return bytes >= 8 ? word : word & (-1L << (64 - 8 * bytes));
    }
}
