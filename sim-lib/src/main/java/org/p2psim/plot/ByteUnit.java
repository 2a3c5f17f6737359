package org.p2psim.plot;

/** The unit a byte axis is drawn in, so that its ticks read 200 kB rather than 2.0E5. */
public enum ByteUnit {
    BYTES("bytes", 1), KB("kB", 1e3), MB("MB", 1e6), GB("GB", 1e9);

    private final String symbol;
    private final double bytes;

    ByteUnit(String symbol, double bytes) {
        this.symbol = symbol;
        this.bytes = bytes;
    }

    /** The unit for an axis whose largest value is {@code maxBytes}: at most 4 digits before the point. */
    public static ByteUnit forSpan(double maxBytes) {
        if (maxBytes >= 1e10) {
            return GB;
        }
        if (maxBytes >= 1e7) {
            return MB;
        }
        return maxBytes >= 1e4 ? KB : BYTES;
    }

    /** kB, MB… (decimal, as network traffic is counted). */
    public String symbol() {
        return symbol;
    }

    /** {@code valueBytes} in this unit. */
    public double of(double valueBytes) {
        return valueBytes / bytes;
    }
}
