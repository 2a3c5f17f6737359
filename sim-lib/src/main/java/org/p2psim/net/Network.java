package org.p2psim.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.p2psim.net.link.Handover;
import org.p2psim.net.link.LatencyModel;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.net.link.LinkEditor;
import org.p2psim.net.link.LinkTable;
import org.p2psim.net.link.Probability;
import org.p2psim.net.link.TokenBucket;
import org.p2psim.net.nat.Flow;
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.SimTime;

/**
 * Carries packets between named devices in simulated time.
 *
 * <p>The path of one packet, each step at its own simulated instant (no ticks):
 * <ol>
 *   <li>at send: refused over the MTU ({@link Outcome#MTU}) or when the sender is offline or
 *       between networks ({@link Outcome#OFFLINE});</li>
 *   <li>the sender's uplink: the token bucket gives its departure time, or a full queue drops it
 *       ({@link Outcome#QUEUE}); see {@link org.p2psim.net.link.Bandwidth};</li>
 *   <li>entering the network: blocked by a partition in force ({@link Outcome#PARTITION}), lost by the
 *       directed link's {@link org.p2psim.net.link.LossModel} ({@link Outcome#LOSS}), duplicated with
 *       the link's probability; each copy draws its own latency from the link's {@link LatencyModel};</li>
 *   <li>the receiver's downlink: dropped if the receiver no longer has the address the packet was
 *       sent to ({@link Outcome#STALE_ADDRESS}), is offline or between networks, or its queue is
 *       full; else queued until its departure time;</li>
 *   <li>delivery: checked again for a stale address and for being offline, then handed to the
 *       receiver's {@link Endpoint} with the packet's source address, and accepted or rejected.</li>
 * </ol>
 * Every packet, and every duplicate copy, ends as exactly one {@link PacketRecord}, handed to the
 * listeners in the order fates are decided.
 *
 * <p><b>Addresses.</b> Every device has a current address, a number: {@link #FIRST_ADDRESS}, then one
 * more per {@link #switchAddress} (after a handover gap, 0 to 2 s by default, drawn from the network's
 * stream, during which it is {@link Outcome#OFFLINE}); a packet to an address its receiver has left,
 * or still in its sender's uplink when the sender switches, ends as {@link Outcome#STALE_ADDRESS}.
 * Receivers learn a sender's new address from the source address the {@link Endpoint} is handed.
 *
 * <p>All randomness comes from the network's own generator, in a fixed order per packet (loss,
 * duplication, latency per copy) and only when a model is random; state lives in insertion-ordered
 * collections: the same seed gives the same packet log.
 *
 * <p><b>NATs</b> ({@link #enableNat}, off by default): each data packet also passes its sender's and receiver's
 * NAT ({@link NatLayer}): refused ({@code NAT_*} outcomes), or held while its pair punches. Off, nothing more is drawn or sent.
 *
 * <p>Conditions are set fluently and take effect at the current instant; {@link #at} schedules a
 * change for later (examples in the package documentation).
 */
public final class Network {
    public static final int DEFAULT_MTU = 1400;
    /** Every device's address when it is attached. */
    public static final int FIRST_ADDRESS = 0;
    /** The default handover gap after an address switch: uniform between these, in µs ({@link Handover}). */
    public static final long DEFAULT_HANDOVER_MIN = Handover.DEFAULT.min();
    public static final long DEFAULT_HANDOVER_MAX = Handover.DEFAULT.max();

    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Map<String, DeviceLink> devices = new LinkedHashMap<>();
    private final LinkTable links = new LinkTable();
    private final List<PartitionHandle> partitions = new ArrayList<>();
    private final List<Consumer<PacketRecord>> listeners = new ArrayList<>();
    private final List<Consumer<DeviceLink>> everyDevice = new ArrayList<>();
    private int mtu = DEFAULT_MTU;
    private Handover handover = Handover.DEFAULT;
    private long duplications;
    private NatLayer nat;

    public Network(Scheduler scheduler, RandomGenerator random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    public void attach(String name, Endpoint endpoint) {
        if (devices.containsKey(name)) {
            throw new IllegalArgumentException("an endpoint named '" + name + "' is already attached");
        }
        DeviceLink device = new DeviceLink(name, endpoint, scheduler::now);
        devices.put(name, device);
        everyDevice.forEach(setting -> setting.accept(device));
    }

    public void onPacket(Consumer<PacketRecord> listener) {
        listeners.add(listener);
    }

    // ---- link conditions ----

    /** Edits the conditions of every link that does not set its own. */
    public LinkEditor defaults() {
        return links.defaults();
    }

    /** Replaces the default conditions. */
    public Network defaults(LinkConditions conditions) {
        defaults().set(conditions);
        return this;
    }

    public LinkConditions defaultConditions() {
        return links.defaultConditions();
    }

    /** Edits both directions between {@code a} and {@code b}. */
    public LinkEditor link(String a, String b) {
        requireLink(a, b);
        return links.link(a, b);
    }

    /** Sets every field of both directions between {@code a} and {@code b}. */
    public Network link(String a, String b, LinkConditions conditions) {
        link(a, b).set(conditions);
        return this;
    }

    /** Edits the direction {@code from → to} only. */
    public LinkEditor oneWay(String from, String to) {
        requireLink(from, to);
        return links.oneWay(from, to);
    }

    /** The conditions now in force on the directed link {@code from → to}. */
    public LinkConditions conditions(String from, String to) {
        requireLink(from, to);
        return links.conditions(from, to);
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

    // ---- devices ----

    /** The connection of device {@code name}: online state and bandwidth. */
    public DeviceLink device(String name) {
        DeviceLink device = devices.get(name);
        if (device == null) {
            throw new IllegalArgumentException("no endpoint named '" + name + "' is attached to the network; attached: " + devices.keySet());
        }
        return device;
    }

    /**
     * Applies {@code setting} to every attached device now, and to every device attached later:
     * {@code network.everyDevice(d -> d.uplink(125_000).downlink(1_250_000))}.
     */
    public Network everyDevice(Consumer<DeviceLink> setting) {
        everyDevice.add(setting);
        devices.values().forEach(setting);
        return this;
    }

    /** Names of the attached devices, in the order they were attached. */
    public List<String> deviceNames() {
        return List.copyOf(devices.keySet());
    }

    public boolean isOnline(String name) {
        DeviceLink device = devices.get(name);
        return device != null && device.isOnline();
    }

    /** Whether a packet from {@code from} to {@code to} sent now could arrive: both online, not between networks, no partition. */
    public boolean canReach(String from, String to) {
        return devices.containsKey(from) && devices.containsKey(to) && devices.get(from).isConnected(scheduler.now())
                && devices.get(to).isConnected(scheduler.now()) && !isPartitioned(from, to);
    }

    public void setOnline(String name, boolean isOnline) {
        device(name).online(isOnline);
    }

    // ---- addresses ----

    /** The current address of device {@code name}: {@link #FIRST_ADDRESS}, then one more per switch. */
    public int address(String name) {
        return device(name).address();
    }

    /**
     * Moves device {@code name} to another network now (Wi-Fi to cellular or back): it gets the next
     * address, after a handover gap drawn from {@link #handover(Duration, Duration)}. Packets in flight
     * to its old address, and any sent there later, are dropped as {@link Outcome#STALE_ADDRESS}.
     * Returns the new address.
     */
    public int switchAddress(String name) {
        NatLayer.switched(nat, name);
        return device(name).switchAddress(Math.addExact(scheduler.now(), handover.draw(random)));
    }

    /** As {@link #switchAddress(String)}, with a handover gap of exactly {@code gap} (no random draw). */
    public int switchAddress(String name, Duration gap) {
        long micros = Handover.exactly(gap).min();
        NatLayer.switched(nat, name);
        return device(name).switchAddress(Math.addExact(scheduler.now(), micros));
    }

    /**
     * Sets the range of the handover gap after {@link #switchAddress(String)}: uniform between
     * {@code min} and {@code max} inclusive (default 0 to 2 s); equal bounds draw nothing.
     */
    public Network handover(Duration min, Duration max) {
        handover = Handover.of(min, max);
        return this;
    }

    /** The shortest handover gap, µs. */
    public long handoverMin() {
        return handover.min();
    }

    /** The longest handover gap, µs. */
    public long handoverMax() {
        return handover.max();
    }

    // ---- NATs ----

    /** Turns NATs on (devices are put behind theirs with {@code nat().assign}); {@code random}: its own stream. */
    public NatTraversal enableNat(NatConfig config, RandomGenerator natRandom) {
        nat = new NatLayer(this, scheduler, config, natRandom, this::reportRecord);
        return nat.traversal();
    }

    /** NAT traversal, or null when NATs are off. */
    public NatTraversal nat() {
        return nat == null ? null : nat.traversal();
    }

    // ---- partitions ----

    /** Puts {@code partition} in force now. */
    public PartitionHandle partition(Partition partition) {
        PartitionHandle handle = handle(partition);
        handle.activate();
        return handle;
    }

    /** Cuts {@code a} and {@code b} apart, both ways, now. */
    public PartitionHandle partition(Collection<String> a, Collection<String> b) {
        return partition(Partition.between(a, b));
    }

    /** Blocks packets from {@code from} to {@code to}, now; the reverse direction still passes. */
    public PartitionHandle partitionOneWay(Collection<String> from, Collection<String> to) {
        return partition(Partition.oneWay(from, to));
    }

    /** Cuts {@code group} off from every other device, both ways, now. */
    public PartitionHandle isolate(Collection<String> group) {
        return partition(Partition.isolate(group));
    }

    /**
     * Puts {@code partition} in force from simulated time {@code start} (since the run began) for
     * {@code duration}, then heals it. The handle can heal it earlier, or before it starts.
     */
    public PartitionHandle partition(Partition partition, Duration start, Duration duration) {
        PartitionHandle handle = handle(partition);
        handle.schedule(scheduler, start, duration);
        return handle;
    }

    /** Whether a partition in force now blocks packets from {@code from} to {@code to}. */
    public boolean isPartitioned(String from, String to) {
        return partitions.stream().anyMatch(handle -> handle.partition().blocks(from, to));
    }

    /** The partitions in force now, in the order they started. */
    public List<PartitionHandle> partitions() {
        return List.copyOf(partitions);
    }

    // ---- changes at a later simulated time ----

    /** Runs {@code change} at simulated time {@code time} since the run began: {@code at(ofSeconds(30), n -> n.link("a", "b").loss(0.5))}. */
    public Scheduler.Timer at(Duration time, Consumer<Network> change) {
        return scheduler.at(SimTime.of(time), () -> change.accept(this));
    }

    /** Runs {@code change} after {@code delay} of simulated time from now. */
    public Scheduler.Timer after(Duration delay, Consumer<Network> change) {
        return scheduler.after(SimTime.of(delay), () -> change.accept(this));
    }

    /** How many packets the network has delivered twice so far (each copy also has its own record). */
    public long duplications() {
        return duplications;
    }

    // ---- the path of a packet ----

    /** Sends {@code packet} from {@code from} to {@code to}'s current address; its fate is reported to the listeners. */
    public void send(String from, String to, Packet packet) {
        send(from, to, device(to).address(), packet);
    }

    /**
     * Sends {@code packet} from {@code from} to device {@code to} at {@code toAddress}, the address
     * the sender believes {@code to} has; if {@code to} has another by the time it arrives, the packet
     * is dropped as {@link Outcome#STALE_ADDRESS}. Its fate is reported to the listeners.
     */
    public void send(String from, String to, int toAddress, Packet packet) {
        send(from, to, toAddress, packet, scheduler.now());
    }

    /** As above, for a packet first sent at {@code sentAt}: now, or earlier when NATs held it while its pair punched. */
    void send(String from, String to, int toAddress, Packet packet, long sentAt) {
        DeviceLink sender = device(from);
        device(to);
        Outcome refused = packet.size() > mtu ? Outcome.MTU : sender.isConnected(scheduler.now()) ? null : Outcome.OFFLINE;
        Flow flow = nat == null || refused != null ? null : nat.outbound(from, to, packet.size());
        if (nat != null && nat.held(flow, from, to, toAddress, packet, sentAt)) {
            return;
        }
        Transit transit = new Transit(from, sender.address(), to, toAddress, packet, sentAt, false, flow);
        refused = refused != null ? refused : NatLayer.refusal(flow);
        long departs = refused != null ? TokenBucket.DROPPED : sender.uplinkBucket().admit(scheduler.now(), packet.size());
        if (refused != null || departs == TokenBucket.DROPPED) {
            report(transit, refused != null ? refused : Outcome.QUEUE);
        } else {
            runAt(departs, () -> enterNetwork(transit));
        }
    }

    /** The packet has left its sender's uplink. */
    private void enterNetwork(Transit transit) {
        DeviceLink sender = device(transit.from);
        if (!sender.isConnected(scheduler.now())) {
            report(transit, Outcome.OFFLINE);
            return;
        }
        if (sender.address() != transit.fromAddress) {
            report(transit, Outcome.STALE_ADDRESS);
            return;
        }
        if (isPartitioned(transit.from, transit.to)) {
            report(transit, Outcome.PARTITION);
            return;
        }
        LinkConditions conditions = links.conditions(transit.from, transit.to);
        if (links.lossState(transit.from, transit.to, conditions.loss()).nextLost(random)) {
            report(transit, Outcome.LOSS);
            return;
        }
        boolean twice = Probability.bernoulli(random, conditions.duplicate());
        propagate(transit, conditions.latency());
        if (twice) {
            duplications++;
            propagate(transit.copy(), conditions.latency());
        }
    }

    /** Each copy draws its latency; a relayed one also waits in the relay's uplink and takes its hop. */
    private void propagate(Transit transit, LatencyModel latency) {
        long relayHop = nat == null ? 0 : nat.relayHop(transit.flow, transit.to, transit.packet.size());
        scheduler.after(latency.sample(random) + relayHop, () -> reachReceiver(transit));
    }

    /** The packet reaches the receiver's downlink. */
    private void reachReceiver(Transit transit) {
        DeviceLink receiver = device(transit.to);
        Outcome unreachable = unreachable(transit, receiver);
        Outcome refused = unreachable != null || nat == null ? unreachable : nat.inbound(transit.from, transit.to, transit.flow);
        if (refused != null) {
            report(transit, refused);
            return;
        }
        long departs = receiver.downlinkBucket().admit(scheduler.now(), transit.packet.size());
        if (departs == TokenBucket.DROPPED) {
            report(transit, Outcome.QUEUE);
        } else {
            runAt(departs, () -> deliver(transit, receiver));
        }
    }

    private void deliver(Transit transit, DeviceLink receiver) {
        Outcome unreachable = unreachable(transit, receiver);
        Outcome outcome = unreachable != null ? unreachable
                : receiver.endpoint().receive(transit.from, transit.fromAddress, transit.packet.wire(), transit.sentAt);
        report(transit, outcome);
    }

    /** Why {@code receiver} cannot take the packet now (it left the address, or is offline or between networks), or null. */
    private Outcome unreachable(Transit transit, DeviceLink receiver) {
        if (receiver.address() != transit.toAddress) {
            return Outcome.STALE_ADDRESS;
        }
        return receiver.isConnected(scheduler.now()) ? null : Outcome.OFFLINE;
    }

    private void report(Transit t, Outcome outcome) {
        reportRecord(new PacketRecord(t.sentAt, scheduler.now(), t.from, t.to, t.packet.type(), t.packet.size(),
                outcome, t.packet.fingerprint(), t.duplicate));
    }

    private void reportRecord(PacketRecord record) {
        listeners.forEach(listener -> listener.accept(record));
    }

    /** Runs {@code task} at {@code time}: at once when that is now, so an unshaped packet takes no extra event. */
    private void runAt(long time, Runnable task) {
        if (time == scheduler.now()) {
            task.run();
        } else {
            scheduler.at(time, task);
        }
    }

    // ---- per-link state ----

    /** Throws unless both ends of the link are attached. */
    private void requireLink(String from, String to) {
        device(from);
        device(to);
    }

    private PartitionHandle handle(Partition partition) {
        partition.named().forEach(this::device);
        return new PartitionHandle(partition, partitions);
    }

    /** A packet (or a duplicate copy of one) on its way, from and to the addresses it was sent between. */
    private record Transit(String from, int fromAddress, String to, int toAddress, Packet packet, long sentAt, boolean duplicate,
                           Flow flow) {
        Transit copy() {
            return new Transit(from, fromAddress, to, toAddress, packet, sentAt, true, flow);
        }
    }
}
