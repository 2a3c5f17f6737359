package org.p2psim.scenario.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2psim.sim.SimTime;

/**
 * The units of scenario files: durations ({@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h},
 * {@code 1h30m}, {@code 1.5s}), rates ({@code 1Mbit/s}, {@code 125kB/s}, a plain number of bytes
 * per second, {@code unlimited}) and sizes ({@code 1500}, {@code 64KiB}, {@code 1MB}). Parsers throw
 * {@link IllegalArgumentException} with the allowed forms; formatters write what the parsers read
 * back exactly.
 */
public final class Units {
    /** What a duration may look like, for error messages. */
    public static final String DURATION_FORMS = "a duration such as 250ms, 10s, 5m, 1h or 1h30m";
    public static final String RATE_FORMS = "a rate such as 1Mbit/s, 256kbit/s, 125kB/s, a number of bytes per second, or unlimited";
    public static final String SIZE_FORMS = "a size in bytes such as 1500, 64KiB or 1MB";

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|min|m|h|d)");
    private static final Map<String, Long> DURATION_UNITS = Map.of(
            "us", 1L, "µs", 1L, "ms", 1_000L, "s", 1_000_000L, "min", 60_000_000L, "m", 60_000_000L,
            "h", 3_600_000_000L, "d", 86_400_000_000L);
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\s*([A-Za-z/]*)");
    private static final Map<String, Double> RATE_UNITS = Map.ofEntries(
            Map.entry("b/s", 1.0), Map.entry("kb/s", 1e3), Map.entry("mb/s", 1e6), Map.entry("gb/s", 1e9),
            Map.entry("kib/s", 1024.0), Map.entry("mib/s", 1024.0 * 1024),
            Map.entry("bit/s", 1 / 8.0), Map.entry("kbit/s", 125.0), Map.entry("mbit/s", 125e3), Map.entry("gbit/s", 125e6),
            Map.entry("bps", 1 / 8.0), Map.entry("kbps", 125.0), Map.entry("mbps", 125e3), Map.entry("gbps", 125e6));
    private static final Map<String, Long> SIZE_UNITS = Map.of(
            "", 1L, "b", 1L, "kb", 1_000L, "kib", 1024L, "mb", 1_000_000L, "mib", 1024L * 1024, "gb", 1_000_000_000L,
            "gib", 1024L * 1024 * 1024);

    private Units() {}

    /** Parses a non-negative duration with microsecond resolution. */
    public static Duration parseDuration(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(s);
        int pos = 0;
        BigDecimal micros = BigDecimal.ZERO;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("must be " + DURATION_FORMS + ", was '" + text + "'");
            }
            micros = micros.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(DURATION_UNITS.get(m.group(2)))));
            pos = m.end();
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }
        if (pos == 0) {
            throw new IllegalArgumentException("must be " + DURATION_FORMS + ", was '" + text + "'");
        }
        try {
            return SimTime.toDuration(micros.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number of microseconds (the simulator's resolution), was '" + text + "'");
        }
    }

    /** An exact, readable form: "2h", "1h30m", "13m30s", "45s", "250ms", "1.5s", "12us". */
    public static String formatDuration(Duration duration) {
        long micros = SimTime.of(duration);
        if (micros == 0) {
            return "0s";
        }
        if (micros % 1_000_000L == 0) {
            long seconds = micros / 1_000_000L;
            StringBuilder sb = new StringBuilder();
            if (seconds >= 3600) {
                sb.append(seconds / 3600).append('h');
            }
            if (seconds % 3600 >= 60) {
                sb.append(seconds % 3600 / 60).append('m');
            }
            if (seconds % 60 != 0) {
                sb.append(seconds % 60).append('s');
            }
            return sb.toString();
        }
        if (micros < 1_000_000L && micros % 1_000L == 0) {
            return micros / 1_000L + "ms";
        }
        if (micros < 1_000L) {
            return micros + "us";
        }
        return BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros().toPlainString() + "s";
    }

    /** Bytes per second from "1Mbit/s", "125kB/s", "unlimited" (+∞) or a plain number. */
    public static double parseRate(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = QUANTITY.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be " + RATE_FORMS + ", was '" + text + "'");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        Double factor = unit.isEmpty() ? Double.valueOf(1.0) : RATE_UNITS.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException("must be " + RATE_FORMS + " (units: B/s, kB/s, MB/s, KiB/s, MiB/s, bit/s, kbit/s,"
                    + " Mbit/s, Gbit/s), was '" + text + "'");
        }
        return Double.parseDouble(m.group(1)) * factor;
    }

    /** "unlimited", "10Mbit/s", "256kbit/s", or the plain number of bytes per second. */
    public static Object formatRate(double bytesPerSecond) {
        if (bytesPerSecond == Double.POSITIVE_INFINITY) {
            return "unlimited";
        }
        if (bytesPerSecond == Math.rint(bytesPerSecond) && bytesPerSecond < 1e15) {
            long v = (long) bytesPerSecond;
            if (v % 125_000_000L == 0) {
                return v / 125_000_000L + "Gbit/s";
            }
            if (v % 125_000L == 0) {
                return v / 125_000L + "Mbit/s";
            }
            if (v % 125L == 0) {
                return v / 125L + "kbit/s";
            }
            return v;
        }
        return bytesPerSecond;
    }

    /** Whole bytes from "1500", "64KiB", "1MB". */
    public static long parseSize(String text) {
        Matcher m = QUANTITY.matcher(text.strip());
        Long factor = m.matches() ? SIZE_UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (factor == null) {
            throw new IllegalArgumentException("must be " + SIZE_FORMS + ", was '" + text + "'");
        }
        try {
            return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number of bytes, was '" + text + "'");
        }
    }

    /** "64KiB", "1MiB" when exact, else the number of bytes. */
    public static Object formatSize(long bytes) {
        if (bytes > 0 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MiB";
        }
        if (bytes > 0 && bytes % 1024L == 0) {
            return bytes / 1024L + "KiB";
        }
        return bytes;
    }
}
