package org.p2psim.notebook;

import java.io.StringWriter;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/** Tablesaw {@link Table} → compact HTML, capped in rows. Independent of any notebook kernel. */
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
     * {@code maxRows} rows as a {@code <table>}, and a note saying how many rows were left out.
     * Cell text is HTML-escaped.
     */
    public static String toHtml(Table table, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, was " + maxRows);
        }
        int rows = table.rowCount();
        Table shown = rows > maxRows ? table.first(maxRows) : table;
        StringWriter body = new StringWriter();
        try {
            new HtmlWriter().write(shown, HtmlWriteOptions.builder(body).escapeText(true).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // StringWriter never throws
        }
        StringBuilder html = new StringBuilder(body.getBuffer().length() + 256);
        html.append("<div class=\"p2psim-table\">");
        html.append("<div style=\"font-size:smaller;color:#555\">");
        String name = table.name();
        if (name != null && !name.isBlank()) {
            html.append("<b>").append(HtmlEscape.escape(name)).append("</b> &middot; ");
        }
        html.append(rows).append(rows == 1 ? " row" : " rows").append(" &times; ")
                .append(table.columnCount()).append(table.columnCount() == 1 ? " column" : " columns");
        html.append("</div>");
        html.append(body.getBuffer());
        if (rows > maxRows) {
            html.append("<div style=\"font-size:smaller;color:#555\">showing the first ").append(maxRows)
                    .append(" of ").append(rows).append(" rows</div>");
        }
        html.append("</div>");
        return html.toString();
    }

    /** Plain-text form for front ends without HTML: Tablesaw's own print, capped in rows. */
    public static String toText(Table table, int maxRows) {
        return table.print(maxRows);
    }
}
