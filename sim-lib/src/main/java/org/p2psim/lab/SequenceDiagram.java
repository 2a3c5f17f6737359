package org.p2psim.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.p2psim.Simulation;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.notebook.HtmlView;
import org.p2psim.sim.SimTime;

/**
 * A sequence diagram of the packets between chosen devices over a time window, as in Maelstrom's
 * Lamport diagrams: one vertical lane per device, time running down, one arrow per packet from its
 * sender's lane at the time it was sent to its receiver's lane at the time its fate was decided,
 * labelled with its type, size and fate (delivered; lost; dropped or rejected and why). A packet
 * that did not arrive stops half way, under a cross.
 *
 * <pre>{@code
 * SequenceDiagram.of(sim).devices("alice", "bob").window(Duration.ofSeconds(0), Duration.ofSeconds(25))
 * }</pre>
 *
 * <p>The vertical axis keeps the order of sends and fates but not their scale: a gap between two
 * instants takes room that grows with its logarithm, and a gap over a second is marked with its
 * length, so a 50 ms flight and the 10 s between two sync rounds both stay readable. It is an
 * {@link HtmlView} (inline SVG) in notebooks and reports; {@link #svg()} is the picture alone.
 */
public final class SequenceDiagram implements HtmlView {
    /** Arrows drawn at most unless {@link #maxArrows} says otherwise; the caption counts the rest. */
    public static final int DEFAULT_MAX_ARROWS = 120;

    private final List<PacketRow> log;
    private List<String> devices = List.of();
    private long from = Long.MIN_VALUE;
    private long to = Long.MAX_VALUE;
    private int maxArrows = DEFAULT_MAX_ARROWS;
    private PacketRow highlighted;
    private String title = "";

    private SequenceDiagram(List<PacketRow> log) {
        this.log = List.copyOf(log);
    }

    /** The packets of {@code sim} so far (those whose fate is decided). */
    public static SequenceDiagram of(Simulation sim) {
        return of(sim.metrics().packetRows());
    }

    /** The packets of a packet log, e.g. read back from a run directory. */
    public static SequenceDiagram of(List<PacketRow> packetLog) {
        return new SequenceDiagram(packetLog);
    }

    /** Only packets between these devices, one lane each in this order (default: every device of the packets, as met). */
    public SequenceDiagram devices(String... names) {
        Set<String> unique = new LinkedHashSet<>(List.of(names));
        if (unique.size() < 2) {
            throw new IllegalArgumentException("devices: a sequence diagram needs at least two distinct devices, got "
                    + List.of(names));
        }
        this.devices = List.copyOf(unique);
        return this;
    }

    /** Only packets sent from {@code start} to {@code end} (simulated time since the start of the run), both included. */
    public SequenceDiagram window(Duration start, Duration end) {
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("window: end " + end + " is before start " + start);
        }
        this.from = SimTime.of(start);
        this.to = SimTime.of(end);
        return this;
    }

    /** Draws at most {@code count} arrows, the first ones sent (default {@value #DEFAULT_MAX_ARROWS}). */
    public SequenceDiagram maxArrows(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxArrows must be >= 1, was " + count);
        }
        this.maxArrows = count;
        return this;
    }

    /** Draws {@code packet}'s arrow bold: the one a step just showed. */
    public SequenceDiagram highlight(PacketRow packet) {
        this.highlighted = packet;
        return this;
    }

    /** A heading above the diagram. */
    public SequenceDiagram title(String text) {
        this.title = Objects.requireNonNull(text, "title");
        return this;
    }

    /** The lanes, left to right. */
    public List<String> lanes() {
        if (!devices.isEmpty()) {
            return devices;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (PacketRow p : inWindow(log)) {
            seen.add(p.from());
            seen.add(p.to());
        }
        return List.copyOf(seen);
    }

    /** The packets the diagram shows (between its lanes, sent in its window), in the order they were sent. */
    public List<PacketRow> packets() {
        List<String> lanes = lanes();
        List<PacketRow> chosen = new ArrayList<>();
        for (PacketRow p : inWindow(log)) {
            if (lanes.contains(p.from()) && lanes.contains(p.to())) {
                chosen.add(p);
            }
        }
        chosen.sort((a, b) -> Long.compare(a.sentAt(), b.sentAt())); // stable: same-instant sends keep log order
        return chosen;
    }

    /** One arrow as drawn: who to whom, when, and its label ("filter 512 B", "event 812 B · lost"). */
    public record Arrow(String from, String to, long sentAt, long doneAt, String label, String fate) {}

    /** The arrows drawn (at most {@link #maxArrows}). */
    public List<Arrow> arrows() {
        List<PacketRow> shown = packets();
        return shown.subList(0, Math.min(maxArrows, shown.size())).stream().map(SequenceDiagram::arrow).toList();
    }

    static Arrow arrow(PacketRow p) {
        String fate = SequenceStyle.fate(p);
        String label = p.type() + " " + p.bytes() + " B" + ("delivered".equals(fate) ? "" : " · " + fate);
        return new Arrow(p.from(), p.to(), p.sentAt(), p.doneAt(), label, fate);
    }

    private List<PacketRow> inWindow(List<PacketRow> rows) {
        return rows.stream().filter(p -> p.sentAt() >= from && p.sentAt() <= to).toList();
    }

    /** The diagram as a standalone SVG document. */
    public String svg() {
        List<PacketRow> all = packets();
        return SequenceSvg.draw(lanes(), all.subList(0, Math.min(maxArrows, all.size())), highlighted);
    }

    /** Writes {@link #svg()} to {@code file}; returns the file. */
    public Path save(Path file) {
        try {
            return Files.writeString(file, svg());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sequence diagram to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String html() {
        int total = packets().size();
        String caption = total == 0 ? "no packet between " + lanes() + " in this window"
                : total + " packet" + (total == 1 ? "" : "s") + (total > maxArrows ? ", the first " + maxArrows + " drawn" : "")
                + " · green: delivered · red: dropped (lost, offline, queue…) · purple: rejected by the receiver";
        return "<div style=\"font-family:sans-serif\">"
                + (title.isEmpty() ? "" : "<div style=\"font-weight:bold;margin:4px 0\">" + HtmlEscape.escape(title) + "</div>")
                + (total == 0 ? "" : svg())
                + "<div style=\"font-size:12px;color:#555\">" + HtmlEscape.escape(caption) + "</div></div>";
    }

    @Override
    public String text() {
        StringBuilder t = new StringBuilder(title.isEmpty() ? "" : title + "\n");
        for (Arrow a : arrows()) {
            t.append(String.format(java.util.Locale.ROOT, "%12.6f s  %s -> %s  %s%n", SimTime.toSeconds(a.sentAt()), a.from(), a.to(),
                    a.label()));
        }
        return t.toString();
    }
}
