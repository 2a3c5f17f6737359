package org.p2psim.notebook;

import org.p2psim.table.Readable;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw {@link Table} → compact HTML, capped in rows, numbers as a reader wants them
 * ({@link Readable}: about four significant digits, thousands separators, units in the headers,
 * "not converged" for a missing convergence time; the column's own name is the header's tooltip).
 * The table itself keeps its full values. Independent of any notebook kernel.
 */
public final class HtmlTables {

    /** Rows shown when a table is displayed without an explicit limit. */
    public static final int DEFAULT_MAX_ROWS = 200;

    private HtmlTables() {
    }

    /** The table as HTML, at most {@link #DEFAULT_MAX_ROWS} rows. */
    public static String toHtml(Table table) {
        return toHtml(table, DEFAULT_MAX_ROWS);
    }

    /**
     * The table as an HTML fragment: a caption line (name, rows × columns), the first
     * {@code maxRows} rows as a {@code <table>} of {@link Readable} cells, and a note saying how many
     * rows were left out. Cell text is HTML-escaped.
     */
    public static String toHtml(Table table, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, was " + maxRows);
        }
        int rows = table.rowCount();
        int shownRows = Math.min(rows, maxRows);
        StringBuilder html = new StringBuilder(256 + 64 * shownRows * Math.max(1, table.columnCount()));
        html.append("<div class=\"p2psim-table\">");
        html.append("<div style=\"font-size:smaller;color:#555\">");
        String name = table.name();
        if (name != null && !name.isBlank()) {
            html.append("<b>").append(HtmlEscape.escape(name)).append("</b> &middot; ");
        }
        html.append(rows).append(rows == 1 ? " row" : " rows").append(" &times; ")
                .append(table.columnCount()).append(table.columnCount() == 1 ? " column" : " columns");
        html.append("</div>");
        html.append("<table style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\"><thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th title=\"").append(HtmlEscape.escape(column.name())).append("\" style=\"")
                    .append(align(column)).append("\">").append(HtmlEscape.escape(Readable.header(column.name())))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < shownRows; r++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td style=\"").append(align(column)).append("\">")
                        .append(HtmlEscape.escape(Readable.cell(column, r))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (rows > maxRows) {
            html.append("<div style=\"font-size:smaller;color:#555\">showing the first ").append(maxRows)
                    .append(" of ").append(rows).append(" rows</div>");
        }
        html.append("</div>");
        return html.toString();
    }

    private static String align(Column<?> column) {
        return column instanceof NumberColumn<?, ?> ? "text-align:right" : "text-align:left";
    }

    /** Plain-text form for front ends without HTML: Tablesaw's own print, capped in rows. */
    public static String toText(Table table, int maxRows) {
        return table.print(maxRows);
    }
}
