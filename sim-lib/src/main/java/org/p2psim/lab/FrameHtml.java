package org.p2psim.lab;

import java.util.Locale;
import java.util.Map;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.sim.SimEventCodec;
import org.p2psim.table.Readable;

/** The HTML and text of a {@link LiveFrame}: a header with both clocks, then device, picture, event, packet and metric panels. */
final class FrameHtml {
    private static final String PANEL = "<div style=\"flex:1 1 300px;min-width:260px\">";
    private static final String SMALL = "font-size:12px;border-collapse:collapse";
    private static final String CELL = "padding:1px 6px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap";
    private static final int DETAIL_CHARS = 48;

    private FrameHtml() {
    }

    static String of(LiveFrame f) {
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<div class=\"p2psim-live\" style=\"font-family:sans-serif;max-width:1100px\">");
        header(h, f);
        h.append("<div style=\"display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start\">");
        h.append(PANEL).append(heading("Devices"));
        devices(h, f);
        h.append(heading("Headline metrics"));
        metrics(h, f.metrics());
        h.append("</div>");
        if (!f.topologyPng().isEmpty()) {
            h.append("<div style=\"flex:0 0 auto\">").append(heading("Topology"))
                    .append("<img alt=\"topology\" style=\"width:300px;height:300px\" src=\"data:image/png;base64,")
                    .append(f.topologyPng()).append("\"/></div>");
        }
        h.append("</div><div style=\"display:flex;flex-wrap:wrap;gap:18px\">");
        h.append(PANEL).append(heading("Latest real-world events"));
        events(h, f);
        h.append("</div>").append(PANEL).append(heading("Latest packets"));
        packets(h, f);
        h.append("</div></div></div>");
        return h.toString();
    }

    private static void header(StringBuilder h, LiveFrame f) {
        String color = switch (f.state()) {
            case RUNNING -> "#1f77b4";
            case PAUSED -> "#d62728";
            case DONE -> "#2ca02c";
        };
        h.append("<div style=\"font-size:15px;margin:4px 0\"><b>").append(HtmlEscape.escape(f.title())).append("</b> · ")
                .append("<span style=\"color:").append(color).append(";font-weight:bold\">").append(f.state().label())
                .append("</span></div>");
        h.append("<div style=\"font-size:13px;margin:2px 0\">simulated <b>").append(clock(f.simNow())).append("</b> (this run ")
                .append(clock(f.simStart())).append(" → ").append(clock(f.simEnd())).append(") · wall <b>")
                .append(String.format(Locale.ROOT, "%.1f s", f.wallSeconds())).append("</b> · speed ")
                .append(f.speed().label());
        double achieved = f.achievedSpeed();
        if (!Double.isNaN(achieved)) {
            h.append(String.format(Locale.ROOT, " (achieved %,.0f×)", achieved));
        }
        h.append("</div>");
        h.append(bar(f.progress(), 420, 10, color));
    }

    private static void devices(StringBuilder h, LiveFrame f) {
        h.append("<table style=\"").append(SMALL).append("\"><tr>").append(th("device")).append(th("online"))
                .append(th("held")).append(th("completeness")).append("</tr>");
        for (LiveFrame.DeviceLine d : f.devices()) {
            String dot = d.online() ? "<span style=\"color:#2ca02c\">●</span>" : "<span style=\"color:#999\">○</span>";
            h.append("<tr>").append(td(HtmlEscape.escape(d.name()))).append(td(dot)).append(td(String.valueOf(d.held())))
                    .append(td(bar(d.completeness(), 120, 9, d.completeness() >= 1 ? "#2ca02c" : "#f0a202")
                            + " " + Readable.share(d.completeness())))
                    .append("</tr>");
        }
        h.append("</table>");
    }

    private static void metrics(StringBuilder h, Map<String, Double> metrics) {
        h.append("<table style=\"").append(SMALL).append("\">");
        metrics.forEach((name, value) -> h.append("<tr>").append(td(HtmlEscape.escape(name))).append(td(Readable.value(name, value)))
                .append("</tr>"));
        h.append("</table>");
    }

    private static void events(StringBuilder h, LiveFrame f) {
        if (f.events().isEmpty()) {
            h.append(none("no real-world event yet"));
            return;
        }
        h.append("<table style=\"").append(SMALL).append("\"><tr>").append(th("time")).append(th("device"))
                .append(th("event")).append(th("detail")).append("</tr>");
        for (SimEventCodec.Row e : f.events()) {
            h.append("<tr>").append(td(clock(e.time()))).append(td(HtmlEscape.escape(e.device())))
                    .append(td(HtmlEscape.escape(e.kind()))).append(td(HtmlEscape.escape(shorten(e.detail())))).append("</tr>");
        }
        h.append("</table>");
    }

    private static void packets(StringBuilder h, LiveFrame f) {
        if (f.packets().isEmpty()) {
            h.append(none("no packet yet"));
            return;
        }
        h.append("<table style=\"").append(SMALL).append("\"><tr>").append(th("sent")).append(th("from → to"))
                .append(th("type")).append(th("bytes")).append(th("fate")).append("</tr>");
        for (PacketRow p : f.packets()) {
            h.append("<tr>").append(td(clock(p.sentAt()))).append(td(HtmlEscape.escape(p.from() + " → " + p.to())))
                    .append(td(p.type())).append(td(String.valueOf(p.bytes())))
                    .append(td("<span style=\"color:" + SequenceStyle.fateColor(p) + "\">" + HtmlEscape.escape(SequenceStyle.fate(p))
                            + "</span>"))
                    .append("</tr>");
        }
        h.append("</table>");
    }

    static String text(LiveFrame f) {
        StringBuilder t = new StringBuilder();
        t.append(f.title()).append(" · ").append(f.state().label()).append(" · simulated ").append(clock(f.simNow()))
                .append(" of ").append(clock(f.simEnd())).append(String.format(Locale.ROOT, " · wall %.1f s", f.wallSeconds()))
                .append(" · speed ").append(f.speed().label()).append('\n');
        for (LiveFrame.DeviceLine d : f.devices()) {
            t.append(String.format(Locale.ROOT, "  %-12s %-7s %6d held  %7s%n", d.name(), d.online() ? "online" : "offline",
                    d.held(), Readable.share(d.completeness())));
        }
        f.metrics().forEach((name, value) -> t.append("  ").append(name).append(' ').append(Readable.value(name, value)).append('\n'));
        return t.toString();
    }

    /** Simulated time as h:mm:ss.s. */
    static String clock(long micros) {
        long tenths = Math.floorDiv(micros, 100_000L);
        String sign = tenths < 0 ? "−" : "";
        tenths = Math.abs(tenths);
        return String.format(Locale.ROOT, "%s%d:%02d:%02d.%d", sign, tenths / 36_000, tenths / 600 % 60, tenths / 10 % 60,
                tenths % 10);
    }

    private static String bar(double share, int width, int height, String color) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, share)) * width);
        return "<span style=\"display:inline-block;vertical-align:middle;width:" + width + "px;height:" + height
                + "px;background:#e6e6e6\"><span style=\"display:block;width:" + filled + "px;height:" + height
                + "px;background:" + color + "\"></span></span>";
    }

    private static String shorten(String s) {
        return s.length() <= DETAIL_CHARS ? s.replace('\t', ' ') : s.substring(0, DETAIL_CHARS).replace('\t', ' ') + "…";
    }

    private static String heading(String text) {
        return "<div style=\"font-weight:bold;font-size:13px;margin:8px 0 3px\">" + text + "</div>";
    }

    private static String none(String text) {
        return "<div style=\"font-size:12px;color:#777\"><i>" + text + "</i></div>";
    }

    private static String th(String text) {
        return "<th style=\"" + CELL + ";font-weight:bold\">" + text + "</th>";
    }

    private static String td(String html) {
        return "<td style=\"" + CELL + "\">" + html + "</td>";
    }
}
