package org.p2psim.plot;

/**
 * The unit a time axis is drawn in, so that its ticks are round in that unit: seconds up to
 * 10 minutes, minutes up to 5 hours, hours beyond. Data stay in seconds; only the figure divides.
 */
public enum TimeAxis {
    SECONDS("s", 1), MINUTES("min", 60), HOURS("h", 3600);

    private final String unit;
    private final double seconds;

    TimeAxis(String unit, double seconds) {
        this.unit = unit;
        this.seconds = seconds;
    }

    /** The unit for an axis whose largest value is {@code maxSeconds}. */
    public static TimeAxis forSpan(double maxSeconds) {
        if (!(maxSeconds > 600)) {
            return SECONDS;
        }
        return maxSeconds > 5 * 3600 ? HOURS : MINUTES;
    }

    /** The unit's symbol: s, min, h. */
    public String unit() {
        return unit;
    }

    /** {@code valueSeconds} in this unit. */
    public double of(double valueSeconds) {
        return valueSeconds / seconds;
    }

    /** Every value converted. */
    public double[] of(double[] valuesSeconds) {
        double[] out = new double[valuesSeconds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(valuesSeconds[i]);
        }
        return out;
    }

    /** An axis title with the unit: "simulated time (min)". */
    public String title(String what) {
        return what + " (" + unit + ")";
    }
}
