package org.p2psim.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.p2psim.sim.Scheduler;

/**
 * Carries packets between named endpoints in simulated time.
 *
 * <p>Each send draws loss from the network's own random stream, then delivers the bytes after the
 * link's latency. Every packet ends as exactly one {@link PacketRecord}, handed to the listeners in
 * the order fates are decided.
 */
public final class Network {
    public static final int DEFAULT_MTU = 1400;

    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Map<String, Boolean> online = new HashMap<>();
    private final Map<Link, LinkConditions> links = new HashMap<>();
    private final List<Consumer<PacketRecord>> listeners = new ArrayList<>();
    private LinkConditions defaults = LinkConditions.DEFAULT;
    private int mtu = DEFAULT_MTU;

    public Network(Scheduler scheduler, RandomGenerator random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    public void attach(String name, Endpoint endpoint) {
        if (endpoints.putIfAbsent(name, endpoint) != null) {
            throw new IllegalArgumentException("an endpoint named '" + name + "' is already attached");
        }
        online.put(name, true);
    }

    public void onPacket(Consumer<PacketRecord> listener) {
        listeners.add(listener);
    }

    public LinkConditions defaults() {
        return defaults;
    }

    /** Conditions of every link that has none of its own. */
    public Network defaults(LinkConditions conditions) {
        this.defaults = conditions;
        return this;
    }

    /** Conditions of the directed link {@code from → to}. */
    public LinkConditions link(String from, String to) {
        return links.getOrDefault(new Link(from, to), defaults);
    }

    /** Sets the conditions of both directions between {@code a} and {@code b}. */
    public Network link(String a, String b, LinkConditions conditions) {
        links.put(new Link(a, b), conditions);
        links.put(new Link(b, a), conditions);
        return this;
    }

    public int mtu() {
        return mtu;
    }

    public Network mtu(int bytes) {
        if (bytes < Packet.OVERHEAD + 1) {
            throw new IllegalArgumentException("net.mtu must be at least " + (Packet.OVERHEAD + 1) + " bytes, was " + bytes);
        }
        this.mtu = bytes;
        return this;
    }

    public boolean isOnline(String name) {
        return online.getOrDefault(name, false);
    }

    public void setOnline(String name, boolean isOnline) {
        requireEndpoint(name);
        online.put(name, isOnline);
    }

    /** Sends {@code packet} from {@code from} to {@code to}; its fate is reported to the listeners. */
    public void send(String from, String to, Packet packet) {
        Endpoint target = requireEndpoint(to);
        long sentAt = scheduler.now();
        if (packet.size() > mtu) {
            report(sentAt, from, to, packet, Outcome.MTU);
            return;
        }
        if (!isOnline(from)) {
            report(sentAt, from, to, packet, Outcome.OFFLINE);
            return;
        }
        LinkConditions conditions = link(from, to);
        if (conditions.loss() > 0 && random.nextDouble() < conditions.loss()) {
            report(sentAt, from, to, packet, Outcome.LOSS);
            return;
        }
        scheduler.after(conditions.latency(), () -> arrive(from, to, target, packet, sentAt));
    }

    private void arrive(String from, String to, Endpoint target, Packet packet, long sentAt) {
        Outcome outcome = isOnline(to) ? target.receive(from, packet.wire(), sentAt) : Outcome.OFFLINE;
        report(sentAt, from, to, packet, outcome);
    }

    private void report(long sentAt, String from, String to, Packet packet, Outcome outcome) {
        long fingerprint = PacketVerifier.readLong(packet.wire(), packet.signedLength());
        PacketRecord record = new PacketRecord(sentAt, scheduler.now(), from, to, packet.type(), packet.size(), outcome, fingerprint);
        for (Consumer<PacketRecord> listener : listeners) {
            listener.accept(record);
        }
    }

    private Endpoint requireEndpoint(String name) {
        Endpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("no endpoint named '" + name + "' is attached to the network");
        }
        return endpoint;
    }

    private record Link(String from, String to) {}
}
