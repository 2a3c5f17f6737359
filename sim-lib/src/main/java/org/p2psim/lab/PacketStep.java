package org.p2psim.lab;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.notebook.HtmlEscape;
import org.p2psim.notebook.HtmlView;
import org.p2psim.sim.SimEventCodec;
import org.p2psim.sim.SimTime;

/**
 * What one {@link PacketStepper#next()} did: the packet(s) whose fate its last event decided
 * (usually one), simulated time before and after, how many events ran, other packets settled on
 * the way, the real-world events that happened, what the chosen devices held before and after,
 * and a sequence diagram of the last few packets with this one bold.
 *
 * @param packets       the packets between the chosen devices decided by the step's last event; empty when none came within the limit
 * @param from          simulated time when the step began, µs
 * @param to            simulated time when it ended, µs
 * @param actions       scheduler events run
 * @param otherPackets  packets between other devices settled during the step
 * @param happened      real-world events during the step
 * @param heldBefore    events held by each chosen device before
 * @param heldAfter     and after
 * @param diagram       the last {@link PacketStepper#RECENT} packets between the chosen devices
 */
public record PacketStep(List<PacketRow> packets, long from, long to, long actions, int otherPackets,
                         List<SimEventCodec.Row> happened, Map<String, Integer> heldBefore, Map<String, Integer> heldAfter,
                         SequenceDiagram diagram) implements HtmlView {

    /** Whether the step reached a packet (false when the limit passed first). */
    public boolean found() {
        return !packets.isEmpty();
    }

    /** The packet the step stopped at (the last one decided). */
    public PacketRow packet() {
        if (packets.isEmpty()) {
            throw new IllegalStateException("this step found no packet within its limit");
        }
        return packets.get(packets.size() - 1);
    }

    /** "t = 10.050000 s: alice → bob filter 512 B, delivered (sent 10.000000 s)". */
    public String headline() {
        if (!found()) {
            return String.format(Locale.ROOT, "no packet from %.6f s to %.6f s", SimTime.toSeconds(from), SimTime.toSeconds(to));
        }
        PacketRow p = packet();
        return String.format(Locale.ROOT, "t = %.6f s: %s → %s %s %d B, %s (sent %.6f s)", SimTime.toSeconds(p.doneAt()), p.from(),
                p.to(), p.type(), p.bytes(), SequenceStyle.fate(p), SimTime.toSeconds(p.sentAt()));
    }

    /** What else the step did, one line each. */
    public List<String> notes() {
        List<String> notes = new java.util.ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d event%s run over %.6f s of simulated time", actions, actions == 1 ? "" : "s",
                SimTime.toSeconds(to - from)));
        if (packets.size() > 1) {
            notes.add("the same event also decided " + (packets.size() - 1) + " more packet(s) between these devices");
        }
        if (otherPackets > 0) {
            notes.add(otherPackets + " packet(s) between other devices settled on the way");
        }
        heldAfter.forEach((device, after) -> {
            int before = heldBefore.getOrDefault(device, 0);
            notes.add(device + " holds " + after + " events" + (after == before ? "" : " (" + (after > before ? "+" : "")
                    + (after - before) + ")"));
        });
        for (SimEventCodec.Row e : happened) {
            notes.add(String.format(Locale.ROOT, "real world at %.3f s: %s %s", SimTime.toSeconds(e.time()), e.device(), e.kind()));
        }
        return notes;
    }

    @Override
    public String html() {
        StringBuilder h = new StringBuilder("<div style=\"font-family:sans-serif\"><div style=\"font-size:14px;font-weight:bold;"
                + "margin:4px 0;color:" + (found() ? SequenceStyle.fateColor(packet()) : "#555") + "\">")
                .append(HtmlEscape.escape(headline())).append("</div><ul style=\"font-size:12px;margin:2px 0 6px\">");
        for (String note : notes()) {
            h.append("<li>").append(HtmlEscape.escape(note)).append("</li>");
        }
        return h.append("</ul>").append(diagram.html()).append("</div>").toString();
    }

    @Override
    public String text() {
        return headline() + "\n  " + String.join("\n  ", notes());
    }
}
