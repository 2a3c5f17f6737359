package org.p2psim.device;

import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.FileKey;
import org.p2psim.event.Event;
import org.p2psim.event.EventContent;
import org.p2psim.event.EventId;
import org.p2psim.event.EventRejectedException;
import org.p2psim.event.EventSealer;
import org.p2psim.event.Payload;
import org.p2psim.metrics.facts.FilterFacts;
import org.p2psim.net.Endpoint;
import org.p2psim.net.Outcome;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.net.PacketVerifier;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.InsertOutcome;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * One device of the simulation. It authors events, checks every packet and event it receives (packet signature, replay
 * and skew; then AEAD and the author's signature), stores what passes, and lets its sync strategy decide what to send.
 * It keeps its own peer table: it learns a peer and its address from any verified packet (the packet's source address),
 * from peer-exchange packets (each peer with an address), and forgets one that says goodbye. It sends to the address it
 * knows for a peer; after that peer switched networks, packets are lost ({@link Outcome#STALE_ADDRESS}) until it learns anew.
 */
public final class Device implements Endpoint {
    private final String name;
    private final String account;
    private final Ed25519KeyPair keys;
    private final DeviceId id;
    private final World world;
    private final DeviceStore store;
    private final SyncStrategy strategy;
    private final RandomGenerator nonces;
    private final RandomGenerator fileKeys;
    private final RandomGenerator syncRandom;
    private final RandomGenerator deviceRandom;
    private final EventSealer sealer;
    private final PacketVerifier verifier;
    private final PeerTable peers;
    private final DeviceClock clock;
    private final long peerExchangeInterval;
    private final FetchPolicy fetchPolicy = new FetchPolicy();
    private Function<String, String> namesById = id -> null;
    private final List<StoreListener> storeListeners = new ArrayList<>();
    private boolean started;
    private boolean online = true;
    private RateLimit.Buckets rateLimit;
    private boolean withholding;
    private Consumer<byte[]> tap = wire -> { };

    public Device(World world, DeviceSetup setup) {
        this.name = setup.name();
        this.account = setup.account();
        this.keys = setup.keys();
        this.id = DeviceId.ofPublicKey(keys.publicKey());
        this.world = world;
        this.store = setup.store();
        this.strategy = setup.strategy();
        this.peers = setup.peers();
        this.clock = setup.clock();
        this.nonces = setup.nonces();
        this.fileKeys = setup.fileKeys();
        this.syncRandom = setup.syncRandom();
        this.deviceRandom = setup.deviceRandom();
        this.peerExchangeInterval = SimTime.of(setup.peerExchange());
        this.sealer = setup.sealer();
        this.verifier = new PacketVerifier(world.members(), world.skewWindow(), world.signatures(), world.lookahead());
        world.facts().device(name, world.scheduler().now());
    }

    public String name() {
        return name;
    }

    /** The account (user) this device belongs to. */
    public String account() {
        return account;
    }

    public DeviceId id() {
        return id;
    }

    public DeviceStore store() {
        return store;
    }

    public SyncStrategy strategy() {
        return strategy;
    }

    /** Which files' chunks this device stores; the client sets it. */
    public FetchPolicy fetchPolicy() {
        return fetchPolicy;
    }

    /** A fresh key for a file this device shares, drawn from its own stream "device/NAME/file-keys". */
    public FileKey newFileKey() {
        return FileKey.generate(fileKeys);
    }

    /** How this device names other devices by id (hex); the simulation tells it its devices' names. */
    public void knowNames(Function<String, String> namesById) {
        this.namesById = Objects.requireNonNull(namesById, "namesById");
    }

    /** The name of the device with this id (hex), or null when unknown. */
    public String nameOf(String deviceId) {
        return namesById.apply(deviceId);
    }

    /** The peers this device currently knows, in the order it learnt them. */
    public List<String> peers() {
        return peers.list();
    }

    /** The address this device last learnt for {@code peer}: where it sends to it. */
    public int addressOf(String peer) {
        return peers.addressOf(peer);
    }

    /** Learns that {@code peer} is at {@code address} (kept when newer than what is known), as an invite tells a joiner. */
    public void learnAddress(String peer, int address) {
        peers.learn(peer, address);
    }

    /** This device's clock reading now (µs): simulated time with the device's offset and drift. */
    public long clock() {
        return clock.at(world.scheduler().now());
    }

    public boolean isOnline() {
        return online;
    }

    /** Starts the sync strategy, which from then on hears of every stored event, and peer exchange. */
    public void start() {
        started = true;
        strategy.start(new Context());
        if (peerExchangeInterval > 0) {
            world.scheduler().after(deviceRandom.nextLong(peerExchangeInterval), this::exchangePeers);
        }
    }

    /** Goes offline: with a goodbye to every peer when {@code graceful}, silently otherwise. */
    public void leave(boolean graceful) {
        if (graceful) {
            peers.list().forEach(peer -> send(peer, PacketType.BYE, new byte[0]));
        }
        setOnline(false);
    }

    /** Comes back online; peers that forgot this device learn it again from its next packet. */
    public void reconnect() {
        setOnline(true);
    }

    /** Sets the online state; a device that comes back tells its strategy ({@link SyncStrategy#onOnline}). */
    private void setOnline(boolean isOnline) {
        boolean back = isOnline && !online;
        online = isOnline;
        world.network().setOnline(name, isOnline);
        world.facts().deviceOnline(name, isOnline, world.scheduler().now());
        if (back && started) {
            strategy.onOnline();
        }
    }

    private void exchangePeers() {
        if (online && peers.size() > 0) {
            byte[] body = PeerExchange.encode(peers.list(), peers::addressOf, world.network().mtu() - Packet.OVERHEAD);
            peers.list().forEach(peer -> send(peer, PacketType.PEERS, body));
        }
        world.scheduler().after(peerExchangeInterval, this::exchangePeers);
    }

    /** Signs and sends a packet; an offline device sends nothing and returns false. A withholding one sends no events. */
    private boolean send(String peer, PacketType type, byte[] body) {
        return sendAs(peer, type, body, clock());
    }

    // ---- what a member holding this device's keys can do (hostile workloads, tests) ----

    /** From now on received packets over {@code limit} per peer are dropped as {@link Outcome#RATE_LIMITED}. */
    public void limitRates(RateLimit limit) {
        rateLimit = limit.isOff() ? null : new RateLimit.Buckets(limit);
    }

    /**
     * Signs {@code body} with this device's keys at {@code timestamp} (its clock, or any value a
     * hostile member chooses) and sends it to {@code peer} (any attached device); false when offline.
     */
    public boolean sendAs(String peer, PacketType type, byte[] body, long timestamp) {
        if (!online || (withholding && type == PacketType.EVENT)) {
            return online;
        }
        transmit(peer, Packet.sign(type, world.signatures(), keys, id, timestamp, body));
        return true;
    }

    /** Hands a signed packet to the network; its signature check (an event's opening) may start ahead on another core. */
    private void transmit(String peer, Packet packet) {
        world.workAhead(packet, peer);
        world.network().send(name, peer, peers.addressOf(peer), packet);
    }

    /** Sends a packet exactly as captured (another member's signature and timestamp) from this device's address. */
    public void resend(String peer, byte[] wire) {
        Packet packet = Packet.parse(wire);
        if (online && packet != null) {
            transmit(peer, packet);
        }
    }

    /** While {@code withhold}, this device takes events but never sends one (its strategy runs as usual otherwise). */
    public void withhold(boolean withhold) {
        withholding = withhold;
    }

    /** Hears the wire bytes of every packet that reaches this device, before any check. */
    public void tap(Consumer<byte[]> listener) {
        tap = Objects.requireNonNull(listener, "listener");
    }

    /** An event sealed as this device would author it now, not stored: what a member can mine for a chosen id. */
    public Event sealUnstored(Payload payload) {
        return sealer.seal(new EventContent(id, clock(), payload), keys, nonces);
    }

    /** Stores an event from {@link #sealUnstored} as authored here now. */
    public void adopt(Event event) {
        try {
            EventContent content = sealer.open(event.id(), event.sealed());
            world.facts().eventCreated(event.id().hex(), name, world.scheduler().now());
            store(event, content, null);
        } catch (EventRejectedException e) {
            throw new IllegalArgumentException("not an event this device sealed: " + e.getMessage(), e);
        }
    }

    /** Creates, signs, seals and stores an event authored now (stamped with this device's clock). Returns it. */
    public Event author(Payload payload) {
        return create(payload, clock(), world.scheduler().now());
    }

    /**
     * Creates an event authored before the run, at simulated time {@code authoredAt} ≤ 0: history
     * the device already holds when the simulation starts.
     */
    public Event authorBefore(Payload payload, long authoredAt) {
        if (authoredAt > 0) {
            throw new IllegalArgumentException("history must be authored at or before time 0, was " + SimTime.format(authoredAt));
        }
        return create(payload, clock.at(authoredAt), authoredAt);
    }

    /** @param createdAt simulated time of creation: the ground truth's clock, not the device's */
    private Event create(Payload payload, long authoredTs, long createdAt) {
        EventContent content = new EventContent(id, authoredTs, payload);
        Event event = sealer.seal(content, keys, nonces);
        world.facts().eventCreated(event.id().hex(), name, createdAt);
        store(event, content, null);
        return event;
    }

    @Override
    public Outcome receive(String from, int fromAddress, byte[] wire, long sentAt) {
        tap.accept(wire);
        PacketVerifier.Verdict verdict = verifier.verify(wire, clock());
        if (!verdict.accepted()) {
            return verdict.outcome();
        }
        Packet packet = verdict.packet();
        if (rateLimit != null && !rateLimit.admit(from, packet.type() == PacketType.EVENT, wire.length, clock())) {
            return Outcome.RATE_LIMITED;
        }
        switch (packet.type()) {
            case BYE -> peers.remove(from);
            case PEERS -> {
                List<PeerExchange.Entry> entries = PeerExchange.decode(packet.body());
                if (entries == null) {
                    return Outcome.MALFORMED;
                }
                if (!entries.stream().allMatch(e -> PeerExchange.plausible(e, world.network()))) {
                    return Outcome.BAD_PEERS;
                }
                peers.learn(from, fromAddress);
                entries.forEach(e -> peers.learn(e.peer(), e.address()));
            }
            case EVENT -> {
                peers.learn(from, fromAddress);
                receiveEvent(from, wire, packet.body());
            }
            default -> {
                peers.learn(from, fromAddress);
                try {
                    strategy.onPacket(from, packet, sentAt);
                } catch (IllegalArgumentException | BufferUnderflowException | IndexOutOfBoundsException e) {
                    return Outcome.BAD_BODY;
                }
            }
        }
        return verdict.outcome();
    }

    /**
     * Checks a received sealed event and stores it unless it is a duplicate, refused, or a chunk of
     * a file its fetch policy declines; the strategy hears of a stored one with its sender (opened ahead or here: one answer).
     */
    private void receiveEvent(String from, byte[] wire, byte[] sealed) {
        EventSealer.Opening opening = world.events().opening(wire, sealed, sealer, id -> store.contains(id.hex()));
        if (opening == null) { // a duplicate; else opened ahead (EventLookahead) or its id only
            world.facts().duplicate(name);
            return;
        }
        try {
            EventContent content = sealer.open(opening);
            if (fetchPolicy.admit(content.payload())) {
                store(new Event(opening.id(), sealed), content, from);
            } else {
                world.facts().eventDeclined(name, opening.id().hex(), world.scheduler().now());
                strategy.onEventDeclined(opening.id());
            }
        } catch (EventRejectedException e) {
            world.facts().eventRejected(name, e.reason().label());
        }
    }

    /** Stores an event received from {@code from}, or authored here when {@code from} is null. */
    private void store(Event event, EventContent content, String from) {
        long now = world.scheduler().now();
        EventId id = world.eventIds().canonical(event.id()); // strategies keep it: one object per run
        String eventId = id.hex();
        StoredEvent row = new StoredEvent(eventId, content.payload().channelId(), content.authoredTs(), now, event.sealed());
        InsertOutcome outcome = store.insert(row, Views.rowsOf(eventId, content));
        if (outcome == InsertOutcome.INSERTED) {
            world.facts().eventStored(name, eventId, event.sealed().length, now);
            if (started) {
                strategy.onEventStored(id, content.authoredTs(), from);
            }
            for (StoreListener listener : storeListeners) {
                listener.stored(this, id, content, now);
            }
        } else {
            world.facts().duplicate(name);
        }
    }

    /** From now on, {@code listener} hears of every event this device stores, its own and received ones. */
    public void addStoreListener(StoreListener listener) {
        storeListeners.add(listener);
    }

    /** Hears of the events a device stores (after the store accepted them, so never of a duplicate). */
    @FunctionalInterface
    public interface StoreListener {
        /** {@code device} stored the event {@code id} saying {@code content} at simulated time {@code at}. */
        void stored(Device device, EventId id, EventContent content, long at);
    }

    @Override
    public String toString() {
        return "Device[" + name + ", " + store.size() + " events]";
    }

    /** The strategy's window on this device. */
    private final class Context implements SyncContext {
        @Override
        public String deviceName() {
            return name;
        }

        @Override
        public List<String> peers() {
            return peers.list();
        }

        @Override
        public Scheduler scheduler() {
            return world.scheduler();
        }

        @Override
        public long clock() {
            return Device.this.clock();
        }

        @Override
        public RandomGenerator random() {
            return syncRandom;
        }

        @Override
        public DeviceStore store() {
            return store;
        }

        @Override
        public boolean send(String peer, PacketType type, byte[] body) {
            return Device.this.send(peer, type, body);
        }

        @Override
        public boolean online() {
            return online;
        }

        @Override
        public boolean reachable(String peer) {
            boolean reachable = online && world.network().canReach(name, peer);
            if (reachable) {
                peers.learn(peer, world.network().address(peer));
            }
            return reachable;
        }

        @Override
        public int mtu() {
            return world.network().mtu();
        }

        @Override
        public FilterFacts filterFacts() {
            return world.facts();
        }
    }
}
