package org.p2psim.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.p2psim.net.link.TokenBucket;
import org.p2psim.net.nat.Flow;
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.net.nat.Verdict;
import org.p2psim.sim.Scheduler;

/**
 * The network's side of NAT traversal: turns {@link NatTraversal}'s verdicts into {@link Outcome}s,
 * reports its control packets as {@link PacketRecord}s and carries relayed packets through the relay's
 * uplink, and keeps the packets held while their pair punches until {@link #released}. Exists only when
 * NATs are on, so a network without them draws, sends and schedules nothing more.
 */
final class NatLayer implements NatTraversal.Wire {
    private final Network network;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Consumer<PacketRecord> report;
    private final NatTraversal traversal;
    private long controlSequence;
    /** Per ordered pair ("from → to"), the packets held while the pair punches, in the order they were sent. */
    private final Map<String, List<Held>> held = new LinkedHashMap<>();

    /** A data packet held while its pair punched, with what {@link Network#send} needs to send it later. */
    private record Held(String from, String to, int toAddress, Packet packet, long sentAt) {}

    NatLayer(Network network, Scheduler scheduler, NatConfig config, RandomGenerator random, Consumer<PacketRecord> report) {
        this.network = network;
        this.scheduler = scheduler;
        this.random = random;
        this.report = report;
        this.traversal = new NatTraversal(config, scheduler, this);
    }

    /** Tells the NATs (if on) that {@code device} switched networks. */
    static void switched(NatLayer nat, String device) {
        if (nat != null) {
            nat.traversal.switched(device);
        }
    }

    NatTraversal traversal() {
        return traversal;
    }

    /** The flow of a data packet, or null with the refusal reported by the caller via {@link #refusal}. */
    Flow outbound(String from, String to, int bytes) {
        return traversal.outbound(from, to, bytes);
    }

    /** Whether {@code flow} says to hold the packet until its pair's punch ends; if so it is kept. */
    boolean held(Flow flow, String from, String to, int toAddress, Packet packet, long sentAt) {
        if (flow == null || flow.refused() != Flow.Refusal.HOLD) {
            return false;
        }
        held.computeIfAbsent(from + " → " + to, k -> new ArrayList<>()).add(new Held(from, to, toAddress, packet, sentAt));
        return true;
    }

    /** Sends what was held for the pair, each direction in the order it was sent, by the path the pair has now. */
    @Override
    public void released(String a, String b) {
        for (String key : List.of(a + " → " + b, b + " → " + a)) {
            List<Held> packets = held.remove(key);
            if (packets != null) {
                packets.forEach(p -> network.send(p.from, p.to, p.toAddress, p.packet, p.sentAt));
            }
        }
    }

    static Outcome refusal(Flow flow) {
        if (flow == null) {
            return null;
        }
        return switch (flow.refused()) {
            case NONE -> null;
            case NO_PATH -> Outcome.NAT_FILTERED;
            case RELAY_LIMIT -> Outcome.NAT_RELAY_LIMIT;
            case HOLD_FULL -> Outcome.NAT_HOLD_FULL;
            case HOLD -> throw new IllegalStateException("a held packet is kept, not refused");
        };
    }

    /** Extra delay of a relayed packet: the relay's uplink queue and its hop to the receiver, µs; 0 for a direct one. */
    long relayHop(Flow flow, String to, int bytes) {
        if (flow == null || flow.relay() == null) {
            return 0;
        }
        long departs = network.device(flow.relay()).uplinkBucket().admit(scheduler.now(), bytes);
        long queued = departs == TokenBucket.DROPPED ? 0 : departs - scheduler.now();
        return queued + oneWay(flow.relay(), to);
    }

    /** What the receiver's NAT does with the packet now: null when it passes. */
    Outcome inbound(String from, String to, Flow flow) {
        if (flow == null) {
            return null;
        }
        Verdict verdict = traversal.inbound(from, to, flow);
        return switch (verdict) {
            case PASS -> null;
            case FILTERED -> Outcome.NAT_FILTERED;
            case EXPIRED -> Outcome.NAT_EXPIRED;
        };
    }

    @Override
    public long oneWay(String from, String to) {
        return network.conditions(from, to).latency().sample(random);
    }

    @Override
    public boolean connected(String device) {
        return network.isOnline(device) && network.device(device).isConnected(scheduler.now());
    }

    @Override
    public boolean control(String from, String to, String kind, int bytes) {
        PacketType type = kind.equals("keepalive") ? PacketType.KEEPALIVE : PacketType.PUNCH;
        long now = scheduler.now();
        long departs = network.device(from).uplinkBucket().admit(now, bytes);
        Outcome outcome = departs == TokenBucket.DROPPED ? Outcome.QUEUE
                : random.nextDouble() < network.conditions(from, to).loss().averageLoss() ? Outcome.LOSS : Outcome.DELIVERED;
        report.accept(new PacketRecord(now, now, from, to, type, bytes, outcome, ++controlSequence, false));
        return outcome == Outcome.DELIVERED;
    }
}
