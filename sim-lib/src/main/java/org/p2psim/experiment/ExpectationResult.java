package org.p2psim.experiment;

import org.p2psim.scenario.spec.Expectation;

/**
 * The outcome of one {@link Expectation} of a run: what was measured and whether it met the
 * threshold. A NaN measurement (a run that never converged, a metric with nothing to measure) is a
 * fail, and {@code note} says why.
 *
 * @param check      the check's name ({@link Expectation#label()})
 * @param metric     the summary metric
 * @param comparison the comparison's YAML key: atLeast, atMost, above or below
 * @param symbol     the comparison as a sign: ≥, ≤, &gt;, &lt;
 * @param threshold  the bound
 * @param at         when the metric was read ("30s after last message", "at 5m"), or "" for the end of the run
 * @param atSeconds  the simulated time of the reading in seconds
 * @param measured   the measured value, NaN when there was none
 * @param pass       whether the measured value met the threshold
 * @param note       why there is no value, or ""
 */
public record ExpectationResult(String check, String metric, String comparison, String symbol, double threshold, String at,
                                double atSeconds, double measured, boolean pass, String note) {

    /** "pass" or "fail". */
    public String result() {
        return pass ? "pass" : "fail";
    }

    /**
     * One line for people: {@code PASS mean_completeness 0.9993 > 0.99 (30s after last message)};
     * a named check starts with its name: {@code FAIL filters stay within 2 KB: filter_bytes_max 2400 ≤ 2048}.
     */
    public String line() {
        String condition = metric + " " + (Double.isNaN(measured) ? "-" : Expectation.formatNumber(measured)) + " " + symbol + " "
                + Expectation.formatNumber(threshold) + (at.isEmpty() ? "" : " (" + at + ")");
        String named = check.equals(conditionWithout()) ? condition : check + ": " + condition;
        return (pass ? "PASS " : "FAIL ") + named + (note.isEmpty() ? "" : " — " + note);
    }

    private String conditionWithout() {
        return metric + " " + symbol + " " + Expectation.formatNumber(threshold) + (at.isEmpty() ? "" : " (" + at + ")");
    }
}
