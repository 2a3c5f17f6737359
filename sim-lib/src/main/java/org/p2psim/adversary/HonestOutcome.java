package org.p2psim.adversary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.p2psim.Simulation;
import org.p2psim.device.Device;
import org.p2psim.event.EventContent;
import org.p2psim.event.EventId;
import org.p2psim.net.Outcome;
import org.p2psim.net.PacketRecord;

/**
 * What honest members got while hostile ones acted: of the events honest members authored, which
 * share each honest member holds (completeness) and how long each took to arrive (latency); the
 * bytes honest members sent and received; the events they store (storage, hostile ones included);
 * and the packets they refused, by reason.
 */
public final class HonestOutcome {
    private final Simulation sim;
    private final Set<String> hostile;
    /** Honest events by id, with the simulated time their author stored them. */
    private final Map<String, Long> authored = new LinkedHashMap<>();
    private final Map<String, Long> held = new TreeMap<>();
    private double latencySum;
    private long deliveries;
    private long bytesSent;
    private long bytesReceived;
    private long bytesToHostile;
    private final Map<String, Long> refused = new TreeMap<>();

    HonestOutcome(Simulation sim, Set<String> hostile) {
        this.sim = sim;
        this.hostile = Set.copyOf(hostile);
        sim.onEventStored(this::stored);
        sim.network().onPacket(this::packet);
    }

    private void stored(Device device, EventId id, EventContent content, long at) {
        String author = sim.deviceNameOf(content.author().hex());
        if (author == null || hostile.contains(author) || hostile.contains(device.name())) {
            return;
        }
        if (author.equals(device.name())) {
            authored.put(id.hex(), at);
        } else if (authored.containsKey(id.hex())) {
            latencySum += (at - authored.get(id.hex())) / 1e6;
            deliveries++;
        }
        if (authored.containsKey(id.hex())) {
            held.merge(device.name(), 1L, Long::sum);
        }
    }

    private void packet(PacketRecord p) {
        if (!hostile.contains(p.from())) {
            bytesSent += p.bytes();
            if (hostile.contains(p.to())) {
                bytesToHostile += p.bytes();
            }
        }
        if (!hostile.contains(p.to()) && p.outcome() == Outcome.DELIVERED) {
            bytesReceived += p.bytes();
        }
        if (!hostile.contains(p.to()) && p.outcome().fate() == Outcome.Fate.REJECTED) {
            refused.merge(p.outcome().reason(), 1L, Long::sum);
        }
    }

    private List<Device> honestDevices() {
        return sim.devices().stream().filter(d -> !hostile.contains(d.name())).toList();
    }

    /** Mean over honest members of the share of honest events they hold (1.0 when there are none). */
    public double completeness() {
        if (authored.isEmpty()) {
            return 1.0;
        }
        return honestDevices().stream().mapToDouble(d -> held.getOrDefault(d.name(), 0L) / (double) authored.size())
                .average().orElse(1.0);
    }

    /** Mean seconds from an honest event's creation to its storing at another honest member (NaN if none arrived). */
    public double meanLatencySeconds() {
        return deliveries == 0 ? Double.NaN : latencySum / deliveries;
    }

    /** Bytes honest members sent (all packets, delivered or not). */
    public long bytesSent() {
        return bytesSent;
    }

    /** Bytes honest members sent to hostile ones: what answering them (lies included) cost. */
    public long bytesToHostile() {
        return bytesToHostile;
    }

    /** Bytes delivered to honest members (from anyone). */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Mean events stored per honest member, hostile ones included. */
    public double storedEvents() {
        return honestDevices().stream().mapToLong(d -> d.store().size()).average().orElse(0);
    }

    /** Packets honest members refused, by reason ("bad-peers", "rate-limited", "replay", …). */
    public Map<String, Long> refused() {
        return new TreeMap<>(refused);
    }

    /** Honest events authored so far. */
    public int honestEvents() {
        return authored.size();
    }
}
