package org.p2psim.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.columns.Column;

/**
 * How numbers and column names are shown to a reader: about four significant digits, thousands
 * separators, the unit of a column in its header, and words instead of blanks. Display only: the
 * tables keep their full values, and CSV/JSON write those.
 */
public final class Readable {
    /** Column-name suffixes and the unit they stand for, longest first. */
    private static final List<String[]> UNITS = List.of(
            new String[] {"_per_s", "/ s"}, new String[] {"_bytes", "bytes"}, new String[] {"_ms", "ms"},
            new String[] {"_us", "µs"}, new String[] {"_pct", "%"}, new String[] {"_kb", "kB"},
            new String[] {"_s", "s"});
    private static final MathContext FOUR = new MathContext(4);

    private Readable() {}

    /** {@code v} with about four significant digits and thousands separators: 0.9971, 8.371, 12,346, 3.5e-06. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a >= 1000 || (v == Math.rint(v) && a < 1e15)) {
            return grouped().format(Math.round(v));
        }
        if (a == 0) {
            return "0";
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e");
        }
        return new BigDecimal(v).round(FOUR).stripTrailingZeros().toPlainString();
    }

    /** A whole number with thousands separators: 100,000. */
    public static String number(long v) {
        return grouped().format(v);
    }

    /** A fraction in [0, 1] as a percentage with up to three significant digits: 0.055 → "5.5 %". */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : number(Double.parseDouble(String.format(Locale.ROOT, "%.3g", fraction * 100))) + " %";
    }

    /**
     * A column name as a header: words instead of underscores, and the unit suffix as a unit in brackets
     * ({@code convergence_s} → "convergence (s)", {@code stale_drops_per_switch} → "stale drops per switch").
     */
    public static String header(String column) {
        for (String[] unit : UNITS) {
            if (column.endsWith(unit[0]) && column.length() > unit[0].length()) {
                return words(column.substring(0, column.length() - unit[0].length())) + " (" + unit[1] + ")";
            }
        }
        return words(column);
    }

    /** Underscores as spaces, except in a name that starts with one (a private column such as {@code _s}). */
    private static String words(String name) {
        return name.startsWith("_") ? name : name.replace('_', ' ');
    }

    /** What a missing value of this column means: "not converged" for a convergence time, else a dash. */
    public static String missing(String column) {
        return column.contains("converge") || column.startsWith("catch_up") ? "not converged" : "—";
    }

    /** A share as a percentage that never rounds up to 100 %: 0.9971 → "99.7 %", 0.99999 → "< 100 %". */
    public static String share(double fraction) {
        String p = percent(fraction);
        return p.equals("100 %") && fraction < 1 ? "< 100 %" : p;
    }

    /** Whether a column holds fractions shown as percentages: loss, completeness, a share. */
    public static boolean isFraction(String column) {
        return column.equals("loss") || column.endsWith("_loss") || column.endsWith(".loss") || column.contains("completeness") || column.equals("share")
                || column.endsWith("_share");
    }

    /**
     * A value of the metric {@code name} shown without a header: a share as a percentage
     * ({@link #isFraction}), else a number with the unit of the name's suffix ("14.03 s", "1,234").
     */
    public static String value(String name, double v) {
        if (isFraction(name)) {
            return share(v);
        }
        String unit = unit(name);
        return unit.isEmpty() || Double.isNaN(v) ? number(v) : number(v) + " " + unit;
    }

    /** The unit of a name's suffix ({@code convergence_s} → "s", {@code sent_bytes} → "bytes"), "" for none. */
    public static String unit(String name) {
        for (String[] unit : UNITS) {
            if (name.endsWith(unit[0]) && name.length() > unit[0].length()) {
                return unit[1];
            }
        }
        return "";
    }

    /** One cell as text: numbers as {@link #number(double)}, missing values as {@link #missing(String)}. */
    public static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return missing(column.name());
        }
        if (column instanceof NumberColumn<?, ?> numbers) {
            Object value = column.get(row);
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return number(((Number) value).longValue());
            }
            return isFraction(column.name()) ? share(numbers.getDouble(row)) : number(numbers.getDouble(row));
        }
        return column.getString(row);
    }

    private static DecimalFormat grouped() {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f;
    }
}
