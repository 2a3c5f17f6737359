package org.p2psim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.p2psim.client.Client;
import org.p2psim.client.FileInfo;
import org.p2psim.client.MessagePage;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Device;
import org.p2psim.device.DeviceClock;
import org.p2psim.device.DeviceSetup;
import org.p2psim.device.Invite;
import org.p2psim.device.PeerTable;
import org.p2psim.device.Topology;
import org.p2psim.device.World;
import org.p2psim.event.EventId;
import org.p2psim.event.EventRejectedException;
import org.p2psim.event.EventSealer;
import org.p2psim.event.Message;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.metrics.Metrics;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.net.Bandwidth;
import org.p2psim.net.LatencyModel;
import org.p2psim.net.LinkConditions;
import org.p2psim.net.LossModel;
import org.p2psim.net.Network;
import org.p2psim.net.PacketRecord;
import org.p2psim.scenario.Scenario;
import org.p2psim.sync.registry.Strategies;
import org.p2psim.scenario.SyncSpec;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimTime;
import org.p2psim.sim.Timeline;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.bloom.BloomSeedStrategy;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * One simulation run: devices on a network, all driven by one seed.
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().seed(7).devices("alice", "bob").loss(0.2).build();
 * sim.history("alice", 200, "general");
 * sim.runUntilConverged(Duration.ofMinutes(30));
 * sim.metrics().completeness();
 * }</pre>
 */
public final class Simulation implements AutoCloseable {
    /** Messages on one page of a scroll-back {@link #read}. */
    public static final int READ_PAGE = 50;
    private final long seed;
    private final Path directory;
    private final boolean temporaryDirectory;
    private final Scheduler scheduler = new Scheduler();
    private final RandomStreams streams;
    private final Network network;
    private final Metrics metrics = new Metrics();
    private final Timeline timeline = new Timeline();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, String> namesById = new HashMap<>();
    private final List<Device.StoreListener> storeListeners = new ArrayList<>();
    /** Invites created in this run, by id: a replayed join finds the invite it used here. */
    private final Map<String, Invite> invites = new HashMap<>();
    /** Each inviter's seeded stream of invite tokens. */
    private final Map<String, RandomGenerator> inviteTokens = new HashMap<>();
    private final Builder settings;
    private final World world;
    private boolean started;

    private Simulation(Builder b) {
        this.seed = b.seed;
        this.streams = new RandomStreams(b.seed);
        this.temporaryDirectory = b.directory == null;
        this.directory = temporaryDirectory ? createTempDirectory() : b.directory;
        this.network = new Network(scheduler, streams.stream("network"));
        network.defaults(b.net);
        network.onPacket(this::recordPacket);
        this.settings = b;
        this.world = buildWorld(b);
        Map<String, List<String>> initialPeers = b.topology.peers(b.devices, streams.stream("topology"));
        try {
            initialPeers.forEach((name, peers) -> attachDevice(name, name, peers, world.sealer()));
            b.stores.keySet().forEach(this::adoptImportedStore);
        } catch (RuntimeException e) {
            closeAfterFailedBuild(e);
            throw e;
        }
        b.networkSetup.accept(network);
    }

    /** A refused import leaves no store open and no temporary directory behind. */
    private void closeAfterFailedBuild(RuntimeException failure) {
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A device started from an existing store holds its events from time 0: each must open with
     * this community's key and come from a member, else the store is refused; each joins the ground
     * truth as history of the importing device (created just before time 0, stored at 0).
     */
    private void adoptImportedStore(String name) {
        Device device = devices.get(name);
        DeviceStore store = device.store();
        for (StoredEvent row : store.events()) {
            try {
                world.sealer().open(EventId.parse(row.eventId()), row.ciphertext());
            } catch (EventRejectedException e) {
                String file = String.valueOf(settings.stores.get(name));
                throw new IllegalArgumentException(file + " cannot be imported as " + name + ": its event " + row.eventId()
                        + " is refused (" + e.getMessage() + "); a store imports into a simulation"
                        + " with the seed and the devices of the run that wrote it");
            }
            metrics.eventCreated(row.eventId(), name, -1);
            metrics.eventStored(name, row.eventId(), row.ciphertext().length, 0);
        }
    }

    private Device attachDevice(String name, String account, List<String> initialPeers, EventSealer sealer) {
        DeviceSetup setup = new DeviceSetup(name, account, keysOf(name), sealer, openStore(name), settings.strategy.get(),
                new PeerTable(name, initialPeers, settings.maxPeers), clockOf(name),
                streams.stream("device/" + name + "/nonces"), streams.stream("device/" + name + "/sync"),
                streams.stream("device/" + name + "/timers"), settings.peerExchange);
        Device device = new Device(world, setup);
        devices.put(name, device);
        namesById.put(device.id().hex(), name);
        device.knowNames(namesById::get);
        storeListeners.forEach(device::addStoreListener);
        network.attach(name, device);
        return device;
    }

    /** A clock offset and drift drawn for {@code device} from normal distributions of the configured spread. */
    private DeviceClock clockOf(String device) {
        return deviceClock(seed, device, settings.clockOffsetSd, settings.clockDriftPpmSd);
    }

    /**
     * The clock a device named {@code device} has in every run with {@code seed} and these clock
     * spreads ({@link Builder#clockSkew}): how a run directory's device clocks are known again.
     */
    public static DeviceClock deviceClock(long seed, String device, Duration offsetSd, double driftPpmSd) {
        RandomGenerator random = new RandomStreams(seed).stream("device/" + device + "/clock");
        long offset = Math.round(random.nextGaussian() * SimTime.of(offsetSd));
        return new DeviceClock(offset, random.nextGaussian() * driftPpmSd);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The simulation of a scenario: {@code Simulation.of(Scenario.load("two-peers")).seed(7).build()}
     * gives it set up and scheduled at time 0; {@code .directory(dir).run()} runs it into a run directory.
     */
    public static ScenarioRun of(Scenario scenario) {
        return ScenarioRun.of(scenario);
    }

    private World buildWorld(Builder b) {
        KeyDirectory members = new KeyDirectory();
        for (String name : b.devices) {
            members.add(keysOf(name).publicKey());
        }
        CommunityKey key = CommunityKey.generate(streams.stream("community/key"));
        EventSealer sealer = new EventSealer(key, members, b.signatures);
        return new World(scheduler, network, metrics, key, sealer, members, SimTime.of(b.skewWindow), b.signatures);
    }

    private Ed25519KeyPair keysOf(String device) {
        return keysOf(streams, device);
    }

    private static Ed25519KeyPair keysOf(RandomStreams streams, String device) {
        return Ed25519KeyPair.generate(streams.stream("device/" + device + "/keys"));
    }

    /**
     * The id a device named {@code device} has in every run with {@code seed} (its keys come from the
     * seed and its name): how a run directory's device files are matched to the author ids they hold.
     */
    public static DeviceId deviceId(long seed, String device) {
        return DeviceId.ofPublicKey(keysOf(new RandomStreams(seed), device).publicKey());
    }

    private DeviceStore openStore(String device) {
        Path file = directory.resolve("devices").resolve(device + ".sqlite");
        Path source = settings.stores.get(device);
        return source == null ? DeviceStore.create(file, device) : DeviceStore.createFrom(source, file, device);
    }

    private void recordPacket(PacketRecord r) {
        metrics.packet(new PacketRow(r.sentAt(), r.doneAt(), r.from(), r.to(), r.type().label(), r.bytes(),
                r.outcome().fate().label(), r.outcome().reason(), r.fingerprint(), r.duplicate()));
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("p2psim-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory", e);
        }
    }

    // ---- the world ----

    public long seed() {
        return seed;
    }

    /** The run's directory: {@code devices/NAME.sqlite} for every device. */
    public Path directory() {
        return directory;
    }

    public Device device(String name) {
        Device device = devices.get(name);
        if (device == null) {
            throw new IllegalArgumentException("no device named '" + name + "'; devices are " + devices.keySet());
        }
        return device;
    }

    /** The app-facing API of the device called {@code name}: {@code sim.client("alice").sendMessage(...)}. */
    public Client client(String name) {
        return Client.of(device(name));
    }

    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    /** The name of the device with this id (hex), or null when no device of this run has it. */
    public String deviceNameOf(String deviceId) {
        return namesById.get(deviceId);
    }

    public Network network() {
        return network;
    }

    public Metrics metrics() {
        return metrics;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Simulated time in seconds. */
    public double nowSeconds() {
        return SimTime.toSeconds(scheduler.now());
    }

    /**
     * Gives {@code device} {@code count} messages in {@code channel} authored before the run, one a
     * second, ending just before time 0: history the device holds when the simulation starts.
     */
    public Simulation history(String device, int count, String channel) {
        if (started) {
            throw new IllegalStateException("history must be added before the simulation starts running");
        }
        Device author = device(device);
        for (int i = 0; i < count; i++) {
            long authoredTs = -SimTime.ofSeconds(count - i);
            author.authorBefore(new Message(channel, device + " #" + (i + 1)), authoredTs);
        }
        return this;
    }

    // ---- real-world events: each is recorded in the timeline, then happens ----

    /** {@code device} posts {@code text} in {@code channel} now. Returns the new event's id. */
    public String post(String device, String channel, String text) {
        Device author = device(device);
        timeline.record(SimEvent.message(scheduler.now(), device, channel, text));
        return Client.of(author).sendMessage(channel, text);
    }

    /** {@code device} answers the message {@code parentId} (which it must hold) with {@code text} now. Returns the answer's id. */
    public String reply(String device, String parentId, String text) {
        Device author = device(device);
        timeline.record(SimEvent.reply(scheduler.now(), device, parentId, text));
        return Client.of(author).reply(parentId, text);
    }

    /**
     * {@code device}'s user scrolls back through {@code channel} now: the newest page of
     * {@value #READ_PAGE} messages, then up to {@code pages − 1} older ones. Returns how many
     * messages they saw.
     */
    public int read(String device, String channel, int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("a read covers at least 1 page, was " + pages);
        }
        Client client = client(device);
        timeline.record(SimEvent.read(scheduler.now(), device, channel, pages));
        MessagePage page = client.getMessages(channel, READ_PAGE);
        int seen = page.size();
        for (int i = 1; i < pages && page.size() == READ_PAGE; i++) {
            page = client.getMessages(channel, READ_PAGE, page.olderCursor());
            seen += page.size();
        }
        metrics.read(device, seen);
        return seen;
    }

    /**
     * From now on, {@code listener} hears of every event any device stores (devices that join later
     * included): how workloads react to what people see, e.g. by answering.
     */
    public Simulation onEventStored(Device.StoreListener listener) {
        storeListeners.add(listener);
        devices.values().forEach(d -> d.addStoreListener(listener));
        return this;
    }

    /**
     * {@code device} shares a file now: {@code content} under {@code name} and media type
     * {@code mime} in {@code channel}, as one meta event and a chunk event per 500 bytes.
     * Returns the file's id.
     */
    public String upload(String device, String channel, byte[] content, String name, String mime) {
        Device author = device(device);
        timeline.record(SimEvent.file(scheduler.now(), device, channel, name, mime, content));
        return Client.of(author).uploadFile(channel, content, name, mime);
    }

    /** {@code device} shares the file at {@code path} now, under its own name and the type its extension suggests. */
    public String upload(String device, String channel, Path path) {
        String name = path.getFileName().toString();
        try {
            return upload(device, channel, Files.readAllBytes(path), name, Client.mimeOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to upload it: " + e.getMessage(), e);
        }
    }

    /**
     * {@code inviter} creates an invite to this community now: the community key, the inviter's
     * address and a token from the inviter's seeded stream. Recorded in the timeline; the inviter
     * authors an {@code invite} grant naming the invite's id (never its key).
     */
    public Invite invite(String inviter) {
        Device device = device(inviter);
        RandomGenerator tokens = inviteTokens.computeIfAbsent(inviter, d -> streams.stream("device/" + d + "/invites"));
        byte[] token = new byte[16];
        tokens.nextBytes(token);
        Invite invite = new Invite(world.communityKey(), inviter, HexFormat.of().formatHex(token));
        timeline.record(SimEvent.invite(scheduler.now(), inviter, invite.id()));
        invites.put(invite.id(), invite);
        Client.of(device).recordInvite(invite.id());
        return invite;
    }

    /** A new device joins now, invited by {@code bootstrapPeer}: {@code join(name, invite(bootstrapPeer))}. */
    public Device join(String name, String bootstrapPeer) {
        requireNewDevice(name);
        device(bootstrapPeer);
        requireNewAccount(name, name);
        return join(name, invite(bootstrapPeer));
    }

    /**
     * A new device joins {@code account} now through {@code bootstrapPeer}: when that is the
     * bootstrap peer's account, the peer authorises it ({@link #addDevice}); otherwise the peer
     * invites it and it joins the new account {@code account} ({@link #join(String, Invite, String)}).
     */
    public Device join(String name, String bootstrapPeer, String account) {
        requireNewDevice(name);
        if (device(bootstrapPeer).account().equals(account)) {
            return addDevice(name, bootstrapPeer);
        }
        requireNewAccount(name, account);
        return join(name, invite(bootstrapPeer), account);
    }

    /** A new device joins now with an invite, in an account of its own name: {@code join(name, invite, name)}. */
    public Device join(String name, Invite invite) {
        return join(name, invite, name);
    }

    /**
     * A new device joins the new account {@code account} now with an invite: a community key and the
     * address of one bootstrap peer. It learns further peers by peer exchange; its public key is
     * added to the members' directory, as the seed's out-of-band exchange does ("anyone with the key
     * is authorised"), and it authors a {@code join} grant naming itself, its account and the invite.
     * With another community's key it joins the network but can open none of the events it receives.
     * An account that already has a device is joined through it: {@link #addDevice}.
     */
    public Device join(String name, Invite invite, String account) {
        requireNewDevice(name);
        String bootstrapPeer = invite.bootstrapPeer();
        device(bootstrapPeer);
        requireNewAccount(name, account);
        timeline.record(SimEvent.join(scheduler.now(), name, bootstrapPeer, account, invite.id()));
        EventSealer sealer = invite.communityKey().equals(world.communityKey())
                ? world.sealer() : new EventSealer(invite.communityKey(), world.members(), world.signatures());
        Device device = admit(name, account, bootstrapPeer, sealer);
        Client.of(device).announceJoin(invite.id());
        return device;
    }

    /**
     * A new device {@code newDevice} joins the account of {@code existingDeviceOfAccount} now (a
     * user adds a phone to the laptop's account): the existing device authors an
     * {@code authorize-device} grant for it, then the new device, bootstrapping from the existing
     * one, authors its {@code join} grant. Recorded in the timeline as a join into that account.
     */
    public Device addDevice(String newDevice, String existingDeviceOfAccount) {
        requireNewDevice(newDevice);
        Device existing = device(existingDeviceOfAccount);
        String account = existing.account();
        timeline.record(SimEvent.join(scheduler.now(), newDevice, existingDeviceOfAccount, account, null));
        Client.of(existing).authorizeDevice(DeviceId.ofPublicKey(keysOf(newDevice).publicKey()).hex());
        Device device = admit(newDevice, account, existingDeviceOfAccount, world.sealer());
        Client.of(device).announceJoin(null);
        return device;
    }

    /** Adds a member's key and its device, started when the run is. */
    private Device admit(String name, String account, String bootstrapPeer, EventSealer sealer) {
        world.members().add(keysOf(name).publicKey());
        Device device = attachDevice(name, account, List.of(bootstrapPeer), sealer);
        device.learnAddress(bootstrapPeer, network.address(bootstrapPeer));
        if (started) {
            device.start();
        }
        return device;
    }

    private void requireNewDevice(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a new device needs a non-blank name, got " + (name == null ? "null" : "'" + name + "'"));
        }
        if (devices.containsKey(name)) {
            throw new IllegalArgumentException("a device named '" + name + "' already exists");
        }
    }

    /** An invited device starts a new account: one that no device of the run belongs to yet. */
    private void requireNewAccount(String name, String account) {
        if (account == null || account.isBlank() || account.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("device " + name + " needs an account name, non-blank and without tabs, got "
                    + (account == null ? "null" : "'" + account + "'"));
        }
        List<String> holders = devices.values().stream().filter(d -> d.account().equals(account)).map(Device::name).toList();
        if (!holders.isEmpty()) {
            throw new IllegalArgumentException("account '" + account + "' already has devices " + holders + "; a new device"
                    + " joins it through one of them: addDevice(\"" + name + "\", \"" + holders.get(0) + "\")");
        }
    }

    /** {@code device} goes offline now, saying goodbye to its peers when {@code graceful}. */
    public void leave(String device, boolean graceful) {
        timeline.record(new SimEvent(scheduler.now(), SimEvent.LEAVE, device, graceful ? "graceful" : "abrupt"));
        device(device).leave(graceful);
    }

    /** {@code device} comes back online now. */
    public void reconnect(String device) {
        timeline.record(new SimEvent(scheduler.now(), SimEvent.RECONNECT, device, ""));
        device(device).reconnect();
    }

    /**
     * {@code device} moves to another network now (Wi-Fi to cellular or back): it gets a new address
     * after a brief handover gap ({@link Network#switchAddress(String)}). Packets on their way to its
     * old address are lost as stale, and so are those its peers send there until they learn the new
     * one: from its next packet, or from peer exchange. Returns the new address.
     */
    public int switchNetwork(String device) {
        device(device);
        timeline.record(new SimEvent(scheduler.now(), SimEvent.SWITCH, device, ""));
        return network.switchAddress(device);
    }

    /** Schedules a recorded real-world event to happen again at its time: how a replay re-enacts a timeline. */
    public void replay(SimEvent event) {
        scheduler.at(event.time(), () -> {
            switch (event.kind()) {
                case SimEvent.MESSAGE -> post(event.device(), event.channel(), event.text());
                case SimEvent.REPLY -> reply(event.device(), event.parentId(), event.text());
                case SimEvent.READ -> read(event.device(), event.channel(), event.pages());
                case SimEvent.FILE -> upload(event.device(), event.channel(), event.fileContent(), event.fileName(), event.mime());
                case SimEvent.INVITE -> replayInvite(event);
                case SimEvent.JOIN -> replayJoin(event);
                case SimEvent.LEAVE -> leave(event.device(), event.detail().equals("graceful"));
                case SimEvent.SWITCH -> switchNetwork(event.device());
                default -> reconnect(event.device());
            }
        });
    }

    /** Creates the recorded invite again: the same inviter draws the same token, so it has the recorded id. */
    private void replayInvite(SimEvent event) {
        String id = invite(event.device()).id();
        if (!id.equals(event.detail())) {
            throw new IllegalStateException("replaying the invite by " + event.device() + " at " + SimTime.format(event.time())
                    + " gives invite id " + id + ", the timeline recorded " + event.detail() + "; a timeline replays in a"
                    + " simulation with the seed and devices of the run that recorded it");
        }
    }

    /** A join with its recorded invite, or (without one) a device authorisation or a join invited now. */
    private void replayJoin(SimEvent event) {
        String inviteId = event.inviteId();
        if (inviteId == null) {
            join(event.device(), event.via(), event.account());
            return;
        }
        Invite invite = invites.get(inviteId);
        if (invite == null) {
            throw new IllegalStateException("replaying the join of " + event.device() + " at " + SimTime.format(event.time())
                    + ": it used invite " + inviteId + ", which no invite of this run created (only invites made with"
                    + " Simulation.invite are replayed)");
        }
        join(event.device(), invite, event.account());
    }

    /** The real-world events so far. */
    public Timeline timeline() {
        return timeline;
    }

    /** Runs {@code action} at simulated time {@code at} (from the start of the run). */
    public Simulation at(Duration at, Consumer<Simulation> action) {
        scheduler.at(SimTime.of(at), () -> action.accept(this));
        return this;
    }

    // ---- running ----

    public boolean step() {
        startOnce();
        return scheduler.step();
    }

    public Simulation runFor(Duration duration) {
        startOnce();
        scheduler.runFor(duration);
        return this;
    }

    /** Runs until {@code condition} holds or {@code limit} of simulated time passes; returns whether it held. */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        startOnce();
        return scheduler.runUntil(condition, limit);
    }

    /** Runs until every device holds every event, or {@code limit} passes. */
    public boolean runUntilConverged(Duration limit) {
        return runUntil(metrics::converged, limit);
    }

    private void startOnce() {
        if (!started) {
            started = true;
            devices.values().forEach(Device::start);
        }
    }

    // ---- results ----

    /** Completeness of every device from time 0 until now, as a step curve. */
    public Table completeness() {
        return metrics.completeness(scheduler.now());
    }

    /**
     * Per device: events held, completeness, duplicates, online now, share of time online, what its
     * user read, and its account.
     */
    public Table devicesTable() {
        Table t = metrics.devicesTable(scheduler.now());
        StringColumn account = StringColumn.create("account");
        for (String name : t.stringColumn("device")) {
            Device d = devices.get(name);
            account.append(d == null ? "" : d.account());
        }
        return t.addColumns(account);
    }

    /**
     * Every event some device holds and another lacks, one row per (holder, lacker, event), with
     * whether the holder's strategy believes the lacker already has it (e.g. a Bloom false positive
     * that keeps the holder from sending it; see {@link SyncStrategy#believesPeerHas}).
     */
    public Table missingEvents() {
        StringColumn holderColumn = StringColumn.create("holder");
        StringColumn lackerColumn = StringColumn.create("lacker");
        StringColumn eventColumn = StringColumn.create("event_id");
        BooleanColumn believed = BooleanColumn.create("holder_believes_lacker_has_it");
        for (Device holder : devices.values()) {
            for (Device lacker : devices.values()) {
                if (holder == lacker) {
                    continue;
                }
                for (String id : holder.store().eventIdsInArrivalOrder()) {
                    if (!lacker.store().contains(id)) {
                        holderColumn.append(holder.name());
                        lackerColumn.append(lacker.name());
                        eventColumn.append(id);
                        believed.append(holder.strategy().believesPeerHas(lacker.name(), id));
                    }
                }
            }
        }
        return Table.create("missing events", holderColumn, lackerColumn, eventColumn, believed);
    }

    /**
     * How every device came to hold the file's chunks: one row per chunk stored per device
     * ({@code device}, {@code time_s}, {@code chunks_held}, {@code chunk_count}, {@code fraction}),
     * read from the devices' stores. The chunk count comes from the uploader's store.
     */
    public Table fileProgress(String fileId) {
        int total = chunkCountOf(fileId);
        Table all = null;
        for (Device d : devices.values()) {
            Table t = Client.of(d).fileProgress(fileId);
            t.insertColumn(0, StringColumn.create("device", t.rowCount()).set(Selection.withRange(0, t.rowCount()), d.name()));
            all = all == null ? t : all.append(t);
        }
        all.addColumns(IntColumn.create("chunk_count", all.rowCount()).setMissingTo(total),
                all.intColumn("chunks_held").divide(total).setName("fraction"));
        return all.setName("file " + fileId + ": chunks held over time");
    }

    /**
     * Per device: chunks of the file held, whether it is complete (meta and every chunk), and when
     * it became so ({@code completed_s}, missing while incomplete).
     */
    public Table fileCompletion(String fileId) {
        int total = chunkCountOf(fileId);
        StringColumn device = StringColumn.create("device");
        IntColumn held = IntColumn.create("chunks_held");
        IntColumn count = IntColumn.create("chunk_count");
        BooleanColumn complete = BooleanColumn.create("complete");
        DoubleColumn completed = DoubleColumn.create("completed_s");
        for (Device d : devices.values()) {
            Table progress = Client.of(d).fileProgress(fileId);
            FileInfo meta = Client.of(d).findFile(fileId).orElse(null);
            boolean done = meta != null && meta.complete();
            device.append(d.name());
            held.append(progress.rowCount());
            count.append(total);
            complete.append(done);
            if (done) {
                double last = progress.rowCount() == 0 ? 0 : progress.doubleColumn("time_s").get(progress.rowCount() - 1);
                completed.append(Math.max(last, SimTime.toSeconds(meta.receivedTs())));
            } else {
                completed.appendMissing();
            }
        }
        return Table.create("file " + fileId + ": completion per device", device, held, count, complete, completed);
    }

    private int chunkCountOf(String fileId) {
        for (Device d : devices.values()) {
            var found = Client.of(d).findFile(fileId);
            if (found.isPresent()) {
                return found.get().chunkCount();
            }
        }
        throw new IllegalArgumentException("no device of this run holds a file with id " + fileId);
    }

    public String traceSha256() {
        return metrics.traceSha256();
    }

    /** Writes every device's pending rows to its SQLite file. */
    public void flush() {
        devices.values().forEach(d -> d.store().flush());
    }

    /** Closes every device's store; a temporary run directory (no {@code directory} given) is deleted. */
    @Override
    public void close() {
        devices.values().forEach(d -> d.store().close());
        if (temporaryDirectory) {
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary run directory " + root, e);
        }
    }

    /** Settings of a run; every one has a default. */
    public static final class Builder {
        private long seed = 1;
        private Path directory;
        private final List<String> devices = new ArrayList<>(List.of("alice", "bob"));
        private Topology topology = Topology.fullMesh();
        private int maxPeers = 8;
        private Duration peerExchange = Duration.ofSeconds(60);
        private Duration clockOffsetSd = Duration.ZERO;
        private double clockDriftPpmSd;
        private LinkConditions net = LinkConditions.DEFAULT;
        private Consumer<Network> networkSetup = n -> {};
        private Duration skewWindow = Duration.ofSeconds(60);
        private Supplier<SyncStrategy> strategy = BloomSeedStrategy::new;
        private SignatureMode signatures = SignatureMode.REAL;
        private final Map<String, Path> stores = new LinkedHashMap<>();

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Where device files go; must not exist yet or be empty. Default: a new temporary directory,
         * deleted when the simulation is closed.
         */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Device {@code name} starts from a copy of an existing store file (e.g. one exported from an
         * earlier run): it holds those events from time 0, as history. The file is checked and left
         * untouched; one that is not a p2psim store, belongs to another device, or holds events this
         * community cannot open (build with the seed and devices of the run that wrote it) is refused.
         * The device is added to {@link #devices} if it is not there.
         */
        public Builder deviceFromStore(String name, Path storeFile) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("deviceFromStore needs a device name, got '" + name + "'");
            }
            stores.put(name, java.util.Objects.requireNonNull(storeFile, "storeFile"));
            return this;
        }

        public Builder devices(String... names) {
            if (names.length == 0) {
                throw new IllegalArgumentException("a simulation needs at least one device");
            }
            devices.clear();
            for (String name : names) {
                if (devices.contains(name)) {
                    throw new IllegalArgumentException("device name '" + name + "' is given twice");
                }
                devices.add(name);
            }
            return this;
        }

        /** {@code count} devices named d00, d01, … (d000 … from 100 devices on). */
        public Builder devices(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("devices must be >= 1, was " + count);
            }
            String format = "d%0" + Math.max(2, String.valueOf(count - 1).length()) + "d";
            String[] names = new String[count];
            for (int i = 0; i < count; i++) {
                names[i] = String.format(format, i);
            }
            return devices(names);
        }

        /** Who starts out knowing whom (default: full mesh). */
        public Builder topology(Topology topology) {
            this.topology = topology;
            return this;
        }

        /** Most peers a device learns by discovery (its initial peers are always kept). Default 8. */
        public Builder maxPeers(int maxPeers) {
            if (maxPeers < 1) {
                throw new IllegalArgumentException("maxPeers must be >= 1, was " + maxPeers);
            }
            this.maxPeers = maxPeers;
            return this;
        }

        /** How often devices send their peer lists to their peers; zero turns peer exchange off. */
        public Builder peerExchange(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("peerExchange must be >= 0, was " + interval);
            }
            this.peerExchange = interval;
            return this;
        }

        /**
         * Device clocks: each gets an offset drawn from normal(0, {@code offsetSd}) and a drift
         * from normal(0, {@code driftPpmSd}) parts per million.
         */
        public Builder clockSkew(Duration offsetSd, double driftPpmSd) {
            if (offsetSd.isNegative() || driftPpmSd < 0) {
                throw new IllegalArgumentException("clock skew spreads must be >= 0, were " + offsetSd + " and " + driftPpmSd + " ppm");
            }
            this.clockOffsetSd = offsetSd;
            this.clockDriftPpmSd = driftPpmSd;
            return this;
        }

        /** One-way latency of every link, the same for every packet. Default 50 ms. */
        public Builder latency(Duration latency) {
            return latency(LatencyModel.fixed(latency));
        }

        /** One-way latency of every link, normal(mean, sd) truncated at 0, drawn per packet. */
        public Builder latency(Duration mean, Duration sd) {
            return latency(LatencyModel.normal(mean, sd));
        }

        /** One-way latency of every link (e.g. {@link LatencyModel#logNormal} for a heavy tail). */
        public Builder latency(LatencyModel model) {
            this.net = net.withLatency(model);
            return this;
        }

        /** Probability that a packet is lost, independently per packet. */
        public Builder loss(double loss) {
            this.net = net.withLoss(loss);
            return this;
        }

        /** Bursty (Gilbert–Elliott) loss on every link: long-run loss rate and mean run of consecutive losses. */
        public Builder burstyLoss(double averageLoss, double meanBurstLength) {
            this.net = net.withLoss(LossModel.bursty(averageLoss, meanBurstLength));
            return this;
        }

        /** Probability that the network delivers a packet twice. */
        public Builder duplicate(double probability) {
            this.net = net.withDuplicate(probability);
            return this;
        }

        /** Every device's uplink and downlink rate in bytes/s (1 Mbit/s = 125 000). Default unlimited. */
        public Builder bandwidth(double uplinkBytesPerSecond, double downlinkBytesPerSecond) {
            Bandwidth.requireRate("net.uplink", uplinkBytesPerSecond);
            Bandwidth.requireRate("net.downlink", downlinkBytesPerSecond);
            return network(n -> n.everyDevice(d -> d.uplink(uplinkBytesPerSecond).downlink(downlinkBytesPerSecond)));
        }

        /**
         * Further network set-up, run once the initial devices are attached:
         * {@code network(n -> n.link("alice", "bob").loss(0.3))}. Calls accumulate in order.
         */
        public Builder network(Consumer<Network> setup) {
            this.networkSetup = networkSetup.andThen(setup);
            return this;
        }

        /** Largest accepted difference between a packet's timestamp and the receiver's clock. */
        public Builder skewWindow(Duration window) {
            this.skewWindow = window;
            return this;
        }

        /**
         * How packets are signed: {@code REAL} Ed25519 (default) or the {@code FAST} stand-in of the
         * same size. Every outcome but CPU time is the same in both.
         */
        public Builder signatures(SignatureMode mode) {
            this.signatures = mode;
            return this;
        }

        /** The seed's Bloom sync with these parameters. */
        public Builder bloom(BloomSeedParams params) {
            return strategy(() -> new BloomSeedStrategy(params));
        }

        /** The sync strategy; called once per device. */
        public Builder strategy(Supplier<SyncStrategy> strategy) {
            this.strategy = strategy;
            return this;
        }

        /**
         * A registered strategy with its defaults: {@code strategy("range-recon")}. The names and
         * parameters are those of {@code bin/p2psim strategies} ({@link Strategies#names()}).
         */
        public Builder strategy(String name) {
            return sync(SyncSpec.of(name));
        }

        /**
         * A registered strategy with parameters by key, checked as a scenario's {@code sync} section is:
         * {@code strategy("gossip-push", Map.of("fanout", 4, "antiEntropy", "20s"))}; missing keys take
         * the defaults, unknown keys and bad values are refused naming the key and what is allowed.
         */
        public Builder strategy(String name, Map<String, ?> params) {
            return sync(SyncSpec.of(name, params));
        }

        /** A registered strategy with its parameter record: {@code sync(SyncSpec.of(WantListParams.DEFAULTS))}. */
        public Builder sync(SyncSpec spec) {
            return strategy(spec.factory());
        }

        public Simulation build() {
            stores.keySet().stream().filter(n -> !devices.contains(n)).forEach(devices::add);
            return new Simulation(this);
        }
    }
}
