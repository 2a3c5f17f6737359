package org.p2psim.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.sim.SimTime;

/** Draws a {@link SequenceDiagram} as SVG: lanes, a compressed time axis, one arrow per packet. */
final class SequenceSvg {
    private static final int LANE_GAP = 230;
    private static final int LEFT = 110;
    private static final int TOP = 44;
    private static final int SEND_STEP = 24;
    private static final int DONE_STEP = 6;
    private static final double MAX_GAP_PX = 46;
    private static final long LONG_GAP = 1_000_000L;

    private SequenceSvg() {
    }

    /**
     * A send or a fate of packet {@code index}, at {@code time}. At one instant, fates of packets
     * sent earlier come first (a delivery causes the sends it answers), then sends, then fates
     * decided at the instant of sending (e.g. a packet too big for the MTU).
     */
    private record Mark(long time, boolean send, int index, int rank) {
        static Mark send(PacketRow p, int index) {
            return new Mark(p.sentAt(), true, index, 1);
        }

        static Mark done(PacketRow p, int index) {
            return new Mark(p.doneAt(), false, index, p.doneAt() > p.sentAt() ? 0 : 2);
        }
    }

    static String draw(List<String> lanes, List<PacketRow> packets, PacketRow highlighted) {
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            marks.add(Mark.send(packets.get(i), i));
            marks.add(Mark.done(packets.get(i), i));
        }
        marks.sort(Comparator.comparingLong(Mark::time).thenComparingInt(Mark::rank).thenComparingInt(Mark::index));
        double[] sendY = new double[packets.size()];
        double[] doneY = new double[packets.size()];
        StringBuilder axis = new StringBuilder();
        double y = TOP;
        long previous = marks.isEmpty() ? 0 : marks.get(0).time();
        long lastLabel = Long.MIN_VALUE;
        int width = LEFT + LANE_GAP * Math.max(1, lanes.size() - 1) + 120;
        for (Mark m : marks) {
            long gap = m.time() - previous;
            double extra = Math.min(MAX_GAP_PX, 9 * Math.log10(1 + gap / 1000.0));
            y += (m.send() ? SEND_STEP : DONE_STEP) + extra;
            if (gap >= LONG_GAP) {
                double mid = y - extra / 2 - (m.send() ? SEND_STEP : DONE_STEP) / 2.0;
                axis.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\""
                        + " stroke-dasharray=\"2,4\"/><text x=\"8\" y=\"%.1f\" fill=\"#999\" font-size=\"10\">⋯ %s later</text>",
                        LEFT - 10, mid, width - 20, mid, mid + 3, gapLabel(gap)));
            }
            if (m.send()) {
                sendY[m.index()] = y;
                if (m.time() != lastLabel) {
                    axis.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%.1f\" fill=\"#555\" font-size=\"11\">%.3f s</text>",
                            y + 4, SimTime.toSeconds(m.time())));
                    lastLabel = m.time();
                }
            } else {
                doneY[m.index()] = Math.max(y, sendY[m.index()]);
            }
            previous = m.time();
        }
        int height = (int) Math.ceil(y) + 40;
        StringBuilder svg = new StringBuilder(8 * 1024);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" style=\"background:#fff\">", width, height, width, height));
        svg.append("<defs>").append(marker("p2psim-arrow-d", SequenceStyle.DELIVERED)).append(marker("p2psim-arrow-r", SequenceStyle.REJECTED))
                .append("</defs>");
        for (int i = 0; i < lanes.size(); i++) {
            int x = laneX(i);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" text-anchor=\"middle\" font-size=\"13\""
                    + " font-weight=\"bold\">%s</text><line x1=\"%d\" y1=\"30\" x2=\"%d\" y2=\"%d\" stroke=\"#444\""
                    + " stroke-width=\"1.5\"/>", x, HtmlEscape.escape(lanes.get(i)), x, x, height - 14));
        }
        svg.append(axis);
        for (int i = 0; i < packets.size(); i++) {
            arrow(svg, packets.get(i), laneX(lanes.indexOf(packets.get(i).from())), laneX(lanes.indexOf(packets.get(i).to())),
                    sendY[i], doneY[i], packets.get(i).equals(highlighted));
        }
        return svg.append("</svg>").toString();
    }

    private static void arrow(StringBuilder svg, PacketRow p, int x1, int x2, double y1, double y2, boolean bold) {
        SequenceDiagram.Arrow a = SequenceDiagram.arrow(p);
        String color = SequenceStyle.fateColor(p);
        boolean arrived = !"dropped".equals(p.fate());
        double endX = arrived ? x2 : x1 + 0.55 * (x2 - x1);
        double endY = arrived ? y2 : y1 + 0.55 * (y2 - y1);
        String marker = arrived ? " marker-end=\"url(#p2psim-arrow-" + ("delivered".equals(p.fate()) ? "d" : "r") + ")\"" : "";
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%s\"%s%s/>", x1, y1, endX, endY, color, bold ? "3.5" : "1.4",
                p.duplicate() ? " stroke-dasharray=\"5,3\"" : "", marker));
        if (!arrived) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\""
                    + " font-size=\"15\" font-weight=\"bold\">✕</text>", endX, endY + 5, color));
        }
        double labelX = x1 + (x2 - x1) * (arrived ? 0.5 : 0.3);
        double labelY = y1 + (endY - y1) * (arrived ? 0.5 : 0.55) - 4;
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\"%s>"
                + "<title>%s</title>%s</text>", labelX, labelY, arrived && "delivered".equals(p.fate()) ? "#222" : color,
                bold ? " font-weight=\"bold\"" : "", HtmlEscape.escape(tooltip(p)), HtmlEscape.escape(a.label())));
    }

    private static String tooltip(PacketRow p) {
        return String.format(Locale.ROOT, "%s → %s, %s, %d bytes: sent %.6f s, %s %.6f s", p.from(), p.to(), p.type(), p.bytes(),
                SimTime.toSeconds(p.sentAt()), SequenceStyle.fate(p), SimTime.toSeconds(p.doneAt()));
    }

    private static String marker(String id, String color) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + color + "\"/></marker>";
    }

    private static int laneX(int index) {
        return LEFT + LANE_GAP * index;
    }

    private static String gapLabel(long micros) {
        double s = SimTime.toSeconds(micros);
        return s < 120 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
    }
}
