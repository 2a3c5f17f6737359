package org.p2psim.experiment;

import org.p2psim.metrics.SummaryMetrics;
import org.p2psim.scenario.spec.Expectation;
import org.p2psim.table.Readable;

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
 * @param attainable the attainable threshold where the scenario states one (the seed's is beyond reach), else NaN
 * @param attainablePass whether the measured value met the attainable threshold (the seed's where none is stated)
 * @param reason     why the seed's threshold is beyond reach, or ""
 */
public record ExpectationResult(String check, String metric, String comparison, String symbol, double threshold, String at,
                                double atSeconds, double measured, boolean pass, String note,
                                double attainable, boolean attainablePass, String reason) {

    /** A result of a check without an attainable threshold. */
    public ExpectationResult(String check, String metric, String comparison, String symbol, double threshold, String at,
                             double atSeconds, double measured, boolean pass, String note) {
        this(check, metric, comparison, symbol, threshold, at, atSeconds, measured, pass, note, Double.NaN, pass, "");
    }

    /** Whether the check states an attainable threshold beside the seed's. */
    public boolean hasAttainable() {
        return !Double.isNaN(attainable);
    }

    /** "met (attainable ≥ 0.8: reason)" or "not met (…)", or "" without an attainable threshold. */
    public String attainableVerdict() {
        return hasAttainable() ? (attainablePass ? "met" : "not met") + " (attainable " + symbol + " " + Expectation.formatNumber(attainable)
                + ": " + reason + ")" : "";
    }

    /** "pass" or "fail". */
    public String result() {
        return pass ? "pass" : "fail";
    }

    /**
     * One line for people, which reads true whether the check passed or failed:
     * {@code PASS mean_completeness (30s after last message): needed > 99 %, measured 99.9 %}; a named check
     * starts with its name: {@code FAIL filters stay within 2 KB: filter_bytes_max needed ≤ 2048, measured 2400}.
     */
    public String line() {
        String subject = metric + (at.isEmpty() ? "" : " (" + at + ")");
        String named = check.equals(conditionWithout()) ? subject + ": " + verdict() : check + ": " + metric + " " + verdict()
                + (at.isEmpty() ? "" : " (" + at + ")");
        return (pass ? "PASS " : "FAIL ") + named + (note.isEmpty() ? "" : " — " + note)
                + (hasAttainable() ? "; attainable " + attainableVerdict() : "");
    }

    /**
     * What was needed and what was measured: {@code needed ≤ 60 s, measured 4.272 s}, the measurement to about four
     * significant digits ("measured nothing" for NaN; the record keeps the full value). A share (completeness,
     * loss) reads in percent as everywhere else: {@code needed ≥ 90 %, measured 55 %}, the bound exact.
     */
    public String verdict() {
        boolean share = SummaryMetrics.isShare(metric);
        String unit = share ? "%" : Readable.unit(metric);
        String bound = share ? new java.math.BigDecimal(Expectation.formatNumber(threshold)).movePointRight(2).stripTrailingZeros()
                .toPlainString() : Expectation.formatNumber(threshold);
        return "needed " + symbol + " " + bound + (unit.isEmpty() ? "" : " " + unit) + ", measured "
                + (Double.isNaN(measured) ? "nothing" : share ? Readable.share(measured) : Readable.value(metric, measured));
    }

    private String conditionWithout() {
        return metric + " " + symbol + " " + Expectation.formatNumber(threshold) + (at.isEmpty() ? "" : " (" + at + ")");
    }
}
