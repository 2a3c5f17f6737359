package org.p2psim.inspect.render;

import java.util.List;
import java.util.Locale;
import org.p2psim.notebook.HtmlEscape;

/** Small HTML building blocks with inline styles only (they survive notebook sanitising and nbconvert). */
public final class Html {
    public static final String MUTED = "color:#666;font-size:11px";
    public static final String BOX = "border:1px solid #ddd;border-radius:6px;padding:8px 10px;margin:0 0 10px 0;background:#fff";
    public static final String H = "font-weight:600;font-size:13px;margin:0 0 6px 0";
    public static final String CELL = "padding:2px 8px 2px 0;text-align:left;vertical-align:top;border:none";

    private Html() {}

    /** A horizontal progress bar, {@code fraction} of it filled, with {@code label} beside it. */
    public static String bar(double fraction, String label) {
        double f = Math.max(0, Math.min(1, fraction));
        String color = f >= 1 ? "#3a9d5d" : "#4a7fd4";
        return "<div style=\"display:flex;align-items:center;gap:8px\">"
                + "<div style=\"flex:0 0 160px;height:10px;background:#e8e8e8;border-radius:5px;overflow:hidden\">"
                + "<div style=\"width:" + pct(f) + ";height:100%;background:" + color + "\"></div></div>"
                + "<span style=\"" + MUTED + "\">" + HtmlEscape.escape(label) + "</span></div>";
    }

    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    public static String box(String title, String body) {
        return "<div style=\"" + BOX + "\"><div style=\"" + H + "\">" + HtmlEscape.escape(title) + "</div>" + body + "</div>";
    }

    /** A plain table: {@code header} and {@code rows} are text (escaped here); cells of a row beyond the header are dropped. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;font-size:12px;margin:0\"><tr>");
        for (String h : header) {
            b.append("<th style=\"").append(CELL).append(";color:#444;font-weight:600\">").append(HtmlEscape.escape(h)).append("</th>");
        }
        b.append("</tr>");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < header.size(); i++) {
                b.append("<td style=\"").append(CELL).append("\">").append(HtmlEscape.escape(i < row.size() ? row.get(i) : "")).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** A stable, readable colour for a name (authors in the chat). */
    public static String color(String name) {
        int h = Math.floorMod(name == null ? 0 : name.hashCode() * 31 + 7, 360);
        return "hsl(" + h + ",55%,38%)";
    }

    /** Bytes for people: "812 B", "203.4 KB", "1.2 MB". */
    public static String bytes(double n) {
        if (n < 1000) {
            return String.format(Locale.ROOT, "%.0f B", n);
        }
        if (n < 1e6) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1e3);
        }
        if (n < 1e9) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", n / 1e9);
    }

    /** Simulated µs as "mm:ss.s" (with hours when needed), negative for history: "−03:20.0". */
    public static String time(long micros) {
        String sign = micros < 0 ? "\u2212" : "";
        long abs = Math.abs(micros);
        long tenths = abs / 100_000;
        long s = tenths / 10;
        long h = s / 3600;
        long m = (s / 60) % 60;
        String base = String.format(Locale.ROOT, "%02d:%02d.%d", m, s % 60, tenths % 10);
        return sign + (h > 0 ? h + ":" + base : base);
    }
}
