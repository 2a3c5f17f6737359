package org.p2psim.net.nat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.sim.Scheduler;

/**
 * NAT traversal for one network: every device's NAT, the path of every pair, punching, relays and
 * keepalives. The network asks it about each data packet ({@link #outbound}, {@link #inbound}) and
 * tells it of network switches; it reports the control packets it sends through {@link Wire}.
 *
 * <p>A pair that cannot exchange packets directly (an inbound packet is filtered) is punched: both
 * sides learn their external address from the rendezvous (the first public peer online, the
 * invite's bootstrap peer), exchange it through that peer and send punch packets at once; whether
 * the holes open follows from the two {@link NatBox}es' rules. A failed attempt is retried with
 * doubling backoff, then the pair is relayed through the rendezvous (or has no path). What either
 * side sends while its pair punches is held, up to {@link NatConfig#holdBytes} per sender, and sent
 * once the punch ends ({@link Wire#released}), as a real stack queues data for a connection it is
 * still opening; the packet that revealed the need to punch is lost, as its sender only learns by silence.
 */
public final class NatTraversal {
    /** Bytes of one punch or keepalive packet: a bare signed packet header. */
    public static final int CONTROL_BYTES = 92;

    /** What the traversal needs from the network. */
    public interface Wire {
        /** One-way latency of a packet from {@code from} to {@code to} now, µs. */
        long oneWay(String from, String to);

        boolean connected(String device);

        /**
         * A control packet (kind "punch" or "keepalive") is sent now: it takes the sender's uplink and
         * the link's loss like any packet; returns whether it arrives.
         */
        boolean control(String from, String to, String kind, int bytes);

        /** The punch of {@code a} and {@code b} ended (or started over after a switch): send what was held for either. */
        void released(String a, String b);
    }

    private final NatConfig config;
    private final Scheduler scheduler;
    private final Wire wire;
    private final Map<String, NatNode> nodes = new LinkedHashMap<>();
    private final Map<String, PairState> pairs = new LinkedHashMap<>();
    private final NatStats stats = new NatStats();
    private int nextHost = 1;

    public NatTraversal(NatConfig config, Scheduler scheduler, Wire wire) {
        this.config = config;
        this.scheduler = scheduler;
        this.wire = wire;
    }

    public NatConfig config() {
        return config;
    }

    public NatStats stats() {
        return stats;
    }

    /** Puts {@code device} behind {@code wifi} now (and behind {@code cellular} after a switch); starts its keepalives. */
    public void assign(String device, NatType wifi, NatType cellular) {
        NatNode node = new NatNode(device, wifi, cellular, new NatBox(wifi, nextHost++));
        nodes.put(device, node);
        if (config.keepaliveMicros() > 0 && !(wifi.isPublic() && cellular.isPublic())) {
            scheduler.after(config.keepaliveMicros(), () -> keepalive(node));
        }
    }

    /** Puts {@code device} behind the same NAT as {@code neighbour} (one home router, one carrier NAT): hairpinning applies between them. */
    public void assignBehind(String device, String neighbour) {
        NatNode other = node(neighbour);
        NatNode node = new NatNode(device, other.wifi, other.cellular, other.box);
        nodes.put(device, node);
        if (config.keepaliveMicros() > 0 && !other.isPublic()) {
            scheduler.after(config.keepaliveMicros(), () -> keepalive(node));
        }
    }

    /** The device's NAT now ("none" if it was never assigned one). */
    public NatType type(String device) {
        NatNode node = nodes.get(device);
        return node == null ? NatType.preset("none") : node.type();
    }

    /** The device's live bindings now. */
    public List<Binding> bindings(String device) {
        NatNode node = nodes.get(device);
        return node == null ? List.of() : node.box.bindings(scheduler.now());
    }

    // ---- data packets ----

    /** Where a data packet from {@code from} to {@code to} goes now and from which external source. */
    public Flow outbound(String from, String to, int bytes) {
        long now = scheduler.now();
        NatNode a = node(from);
        NatNode b = node(to);
        PairState pair = pair(from, to);
        if (holding(pair)) {
            return hold(pair, from, bytes);
        }
        if (pair.path == PathKind.RELAYED) {
            return relayed(pair, a, b, bytes, now);
        }
        HostPort destination = a.learned.containsKey(to) ? a.learned.get(to) : advertised(b, now);
        if (destination == null) {
            startPunch(pair, now);
            if (holding(pair)) {
                return hold(pair, from, bytes);
            }
            stats.natDropped++;
            return Flow.refused(Flow.Refusal.NO_PATH);
        }
        if (a.box == b.box || destination.host() == a.box.host()) {
            if (!a.type().hairpin()) {
                stats.natDropped++;
                pair.settle(PathKind.NONE, a.type() + ": no hairpinning between devices behind the same NAT");
                return Flow.refused(Flow.Refusal.NO_PATH);
            }
        }
        return new Flow(a.box.outbound(from, destination, now), destination, null, Flow.Refusal.NONE);
    }

    /** What {@code to}'s NAT does with a packet of {@code flow} arriving now; a refused packet may start a punch. */
    public Verdict inbound(String from, String to, Flow flow) {
        long now = scheduler.now();
        NatNode b = node(to);
        Verdict verdict = b.box.host() != flow.destination().host() ? Verdict.FILTERED : b.box.inbound(flow.source(), flow.destination().port(), now);
        if (verdict == Verdict.PASS && !to.equals(b.box.deviceAt(flow.destination().port())) && !b.isPublic()) {
            verdict = Verdict.FILTERED;
        }
        PairState pair = pair(from, to);
        if (verdict == Verdict.PASS) {
            if (flow.relay() == null) {
                b.learned.put(from, flow.source());
                if (pair.path == PathKind.UNKNOWN || pair.path == PathKind.NONE && pair.reason.startsWith("binding")) {
                    pair.settle(PathKind.DIRECT, "inbound packets pass " + b.type() + " without a punch");
                }
            }
            return verdict;
        }
        stats.natDropped++;
        if (verdict == Verdict.EXPIRED && pair.path != PathKind.PUNCHING) {
            pair.reason = "binding expired";
        }
        if (node(from).isPublic() || b.isPublic()) {
            // the NATed side gets through again by sending itself: nothing to punch
            if (pair.path == PathKind.UNKNOWN) {
                pair.settle(PathKind.DIRECT, verdict == Verdict.EXPIRED ? "binding expired" : "filtered until the NATed side sends");
            }
        } else if (pair.path != PathKind.RELAYED) {
            startPunch(pair, now);
        }
        return verdict;
    }

    private boolean holding(PairState pair) {
        return pair.path == PathKind.PUNCHING && config.holdBytes() > 0;
    }

    /** Holds a packet until the punch ends, or drops it when the sender's hold for this peer is full. */
    private Flow hold(PairState pair, String from, int bytes) {
        if (pair.held(from) + bytes > config.holdBytes()) {
            stats.natDropped++;
            stats.holdDropped++;
            return Flow.refused(Flow.Refusal.HOLD_FULL);
        }
        pair.hold(from, bytes);
        stats.held++;
        return Flow.refused(Flow.Refusal.HOLD);
    }

    /** Settles the pair's punch and lets what was held for it go (by the path just found). */
    private void end(PairState pair, PathKind kind, String why) {
        pair.settle(kind, why);
        release(pair);
    }

    private void release(PairState pair) {
        if (pair.heldBytes() > 0) {
            pair.clearHeld();
            wire.released(pair.a, pair.b);
        }
    }

    private Flow relayed(PairState pair, NatNode a, NatNode b, int bytes, long now) {
        NatNode relay = nodes.get(pair.relay);
        if (now - pair.circuitStart > config.relayMaxMicros() || pair.circuitBytes + bytes > config.relayMaxBytes()) {
            stats.natDropped++;
            pair.path = PathKind.UNKNOWN;
            pair.reason = "relay limit reached (" + config.relayMaxMicros() / 1_000_000 + " s, " + config.relayMaxBytes() + " B); punching again";
            startPunch(pair, now);
            return Flow.refused(Flow.Refusal.RELAY_LIMIT);
        }
        HostPort relayAddress = new HostPort(relay.box.host(), NatBox.DEVICE_PORT);
        a.box.outbound(a.name, relayAddress, now);
        HostPort destination = advertised(b, now);
        pair.circuitBytes += bytes;
        stats.relayedBytes += bytes;
        stats.relayedBytesBy.merge(relay.name, (long) bytes, Long::sum);
        return new Flow(relayAddress, destination, relay.name, Flow.Refusal.NONE);
    }

    // ---- rendezvous and punching ----

    /** The rendezvous: the first public device online, or null. */
    NatNode rendezvous() {
        for (NatNode n : nodes.values()) {
            if (n.isPublic() && wire.connected(n.name)) {
                return n;
            }
        }
        return null;
    }

    /** {@code node}'s external address as a peer can first learn it, or null when none can be known. */
    private HostPort advertised(NatNode node, long now) {
        if (node.isPublic()) {
            return new HostPort(node.box.host(), NatBox.DEVICE_PORT);
        }
        if (node.advertised == null) {
            NatNode r = rendezvous();
            if (r != null) {
                node.advertised = stun(node, r, now);
            } else if (node.type().mapping() == NatType.Mapping.EIM) {
                // one external port for every destination: the one it announced through the invite
                node.advertised = node.box.outbound(node.name, new HostPort(0, 0), now);
            }
        }
        return node.advertised;
    }

    private HostPort stun(NatNode node, NatNode r, long now) {
        wire.control(node.name, r.name, "punch", CONTROL_BYTES);
        wire.control(r.name, node.name, "punch", CONTROL_BYTES);
        return node.box.outbound(node.name, new HostPort(r.box.host(), NatBox.DEVICE_PORT), now);
    }

    private void startPunch(PairState pair, long now) {
        if (pair.path == PathKind.PUNCHING || pair.path == PathKind.RELAYED || pair.path == PathKind.NONE && pair.finalNone) {
            return;
        }
        pair.path = PathKind.PUNCHING;
        pair.punchStart = now;
        pair.round = 0;
        pair.epoch++;
        attempt(pair, pair.epoch);
    }

    private void attempt(PairState pair, int epoch) {
        if (epoch != pair.epoch) {
            return; // a switch started this pair's punch over meanwhile
        }
        long now = scheduler.now();
        NatNode a = node(pair.a);
        NatNode b = node(pair.b);
        NatNode r = rendezvous();
        if (r == null) {
            pair.finalNone = true;
            end(pair, PathKind.NONE, a.type() + " ↔ " + b.type() + ": no public peer to rendezvous through");
            return;
        }
        if (pair.attempts == 0) {
            stats.pairsTried++;
        }
        pair.attempts++;
        pair.round++;
        stats.punchAttempts++;
        a.advertised = stun(a, r, now);
        b.advertised = stun(b, r, now);
        long exchange = wire.oneWay(a.name, r.name) + wire.oneWay(r.name, b.name);
        int boxes = a.switches * 1000 + b.switches;
        scheduler.after(exchange, () -> punch(pair, boxes, epoch));
    }

    private void punch(PairState pair, int boxes, int epoch) {
        NatNode a = node(pair.a);
        NatNode b = node(pair.b);
        if (boxes != a.switches * 1000 + b.switches || pair.path != PathKind.PUNCHING || epoch != pair.epoch) {
            return; // a switch reset the pair meanwhile
        }
        long now = scheduler.now();
        Punch.Result result = wire.connected(a.name) && wire.connected(b.name)
                ? Punch.run(a, b, now, wire) : Punch.Result.failed("a side was offline during the punch");
        if (result.succeeded()) {
            stats.punchSuccesses++;
            stats.firstAttemptSuccesses += pair.round == 1 ? 1 : 0;
            if (!pair.everPunched) {
                pair.everPunched = true;
                stats.pairsPunched++;
            }
            long done = now + result.micros();
            pair.punchMicros = done - pair.punchStart;
            stats.punchMicros.add(pair.punchMicros);
            end(pair, PathKind.PUNCHED, "punched on attempt " + pair.round + " (" + a.type() + " ↔ " + b.type() + ")");
            return;
        }
        if (pair.round <= config.punchRetries()) {
            long backoff = config.punchBackoffMicros() << (pair.round - 1);
            scheduler.after(backoff, () -> attempt(pair, epoch));
            return;
        }
        NatNode r = rendezvous();
        if (config.relay() && r != null) {
            pair.relay = r.name;
            pair.circuitStart = now;
            pair.circuitBytes = 0;
            end(pair, PathKind.RELAYED, result.reason() + "; relayed via " + r.name);
        } else {
            end(pair, PathKind.NONE, result.reason() + (config.relay() ? "; no relay online" : "; relays off"));
        }
    }

    // ---- keepalives and mobility ----

    /** Refreshes the binding to the rendezvous (if the device learned its address there) and to every peer it has a punched or direct path to. */
    private void keepalive(NatNode node) {
        long now = scheduler.now();
        if (wire.connected(node.name) && !node.isPublic()) {
            NatNode r = rendezvous();
            boolean toRendezvous = r != null && node.advertised != null;
            if (toRendezvous) {
                node.box.outbound(node.name, new HostPort(r.box.host(), NatBox.DEVICE_PORT), now);
                wire.control(node.name, r.name, "keepalive", CONTROL_BYTES);
                stats.keepaliveBytes += CONTROL_BYTES;
            }
            for (PairState pair : pairs.values()) {
                String peer = pair.a.equals(node.name) ? pair.b : pair.b.equals(node.name) ? pair.a : null;
                boolean kept = pair.path == PathKind.PUNCHED || pair.path == PathKind.DIRECT;
                if (peer != null && kept && node.learned.containsKey(peer) && !(toRendezvous && peer.equals(r.name))) {
                    node.box.outbound(node.name, node.learned.get(peer), now);
                    wire.control(node.name, peer, "keepalive", CONTROL_BYTES);
                    stats.keepaliveBytes += CONTROL_BYTES;
                }
            }
        }
        scheduler.after(config.keepaliveMicros(), () -> keepalive(node));
    }

    /**
     * {@code device} moved to another network: another NAT (per its profile), no bindings, every pair
     * starts over; a pair with data held for its punch punches again at once.
     */
    public void switched(String device) {
        NatNode node = nodes.get(device);
        if (node == null) {
            return;
        }
        NatType next = node.nextType();
        node.switches++;
        node.box = new NatBox(next, nextHost++);
        node.advertised = null;
        node.learned.clear();
        List<PairState> again = new ArrayList<>();
        for (PairState pair : pairs.values()) {
            if (pair.a.equals(device) || pair.b.equals(device)) {
                node(pair.a.equals(device) ? pair.b : pair.a).learned.remove(device);
                pair.path = PathKind.UNKNOWN;
                pair.finalNone = false;
                pair.reason = "network switch: bindings dropped, path to be found again";
                if (pair.heldBytes() > 0) {
                    again.add(pair);
                }
            }
        }
        again.forEach(pair -> startPunch(pair, scheduler.now()));
    }

    // ---- pairs ----

    /** Every pair that has exchanged packets, in the order they first did. */
    public List<PairPath> paths() {
        List<PairPath> out = new ArrayList<>();
        for (PairState p : pairs.values()) {
            out.add(path(p));
        }
        return out;
    }

    /** The path between {@code a} and {@code b} now (looking changes nothing: a pair never seen is {@code unknown}). */
    public PairPath path(String a, String b) {
        PairState p = pairs.get(key(a, b));
        return path(p != null ? p : new PairState(a.compareTo(b) <= 0 ? a : b, a.compareTo(b) <= 0 ? b : a));
    }

    private PairPath path(PairState p) {
        return new PairPath(p.a, p.b, p.path, p.reason, type(p.a).name(), type(p.b).name(), p.attempts, p.punchMicros, p.relay);
    }

    private PairState pair(String x, String y) {
        boolean xFirst = x.compareTo(y) <= 0;
        return pairs.computeIfAbsent(key(x, y), k -> new PairState(xFirst ? x : y, xFirst ? y : x));
    }

    private static String key(String x, String y) {
        return x.compareTo(y) <= 0 ? x + "\u0000" + y : y + "\u0000" + x;
    }

    private NatNode node(String device) {
        return nodes.computeIfAbsent(device, d -> new NatNode(d, NatType.preset("none"), NatType.preset("none"),
                new NatBox(NatType.preset("none"), nextHost++)));
    }
}
