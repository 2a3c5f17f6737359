package org.p2psim.event;

import java.util.HexFormat;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.Bytes;

/**
 * An event's name: the first 16 bytes of BLAKE3-256 over its sealed bytes, as 32 hex characters.
 *
 * <p>The two 64-bit halves are exposed for Bloom-filter hashing: they are already uniformly
 * distributed, so filters derive their bit positions from them directly.
 */
public final class EventId implements Comparable<EventId> {
    public static final int BYTES = 16;

    private final long high;
    private final long low;
    private final String hex;

    private EventId(long high, long low, String hex) {
        this.high = high;
        this.low = low;
        this.hex = hex;
    }

    /** The id of a sealed event. */
    public static EventId of(byte[] sealed) {
        return fromBytes(Blake3.hash(sealed, BYTES));
    }

    public static EventId fromBytes(byte[] id) {
        if (id.length != BYTES) {
            throw new IllegalArgumentException("an event id is " + BYTES + " bytes, got " + id.length);
        }
        return new EventId(Bytes.readLong(id, 0), Bytes.readLong(id, 8), HexFormat.of().formatHex(id));
    }

    /** The id written as 32 lowercase hex characters (as stores and tables show it). */
    public static EventId parse(String hex) {
        if (hex == null || hex.length() != 2 * BYTES || !isLowerHex(hex)) {
            throw new IllegalArgumentException("an event id is " + 2 * BYTES + " lowercase hex characters, got '" + hex + "'");
        }
        return new EventId(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32), hex);
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public String hex() {
        return hex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventId other && other.high == high && other.low == low;
    }

    @Override
    public int hashCode() {
        return (int) (high ^ (high >>> 32));
    }

    @Override
    public int compareTo(EventId o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public String toString() {
        return hex;
    }
}
