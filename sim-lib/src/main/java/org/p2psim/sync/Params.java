package org.p2psim.sync;

import java.time.Duration;
import java.util.Locale;
import org.p2psim.sim.SimTime;

/** Range checks for parameter records, worded as the scenario format words them. */
public final class Params {
    private Params() {}

    public static int whole(String name, int value, int min, int max) {
        if (value < min || value > max) {
            String allowed = max == Integer.MAX_VALUE ? "a whole number >= " + min : "a whole number in [" + min + ", " + max + "]";
            throw new ParamException(name, allowed, value);
        }
        return value;
    }

    /** As {@link #whole}, worded "a whole number in [min, max]" whatever max is. */
    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParamException(name, "a whole number in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    public static int atLeast(String name, int value, int min) {
        return whole(name, value, min, Integer.MAX_VALUE);
    }

    /** A number strictly between 0 and 1, such as a false-positive rate. */
    public static double fraction(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new ParamException(name, "a number in (0, 1)", value);
        }
        return value;
    }

    public static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || SimTime.of(value) == 0) {
            throw new ParamException(name, "a duration > 0 such as 250ms, 10s or 5m",
                    value == null ? "empty" : SimTime.format(SimTime.of(value)));
        }
        return value;
    }

    /** The scenario spelling of an enum constant: lower case, '-' for '_'. */
    public static String label(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
