package org.p2psim.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.device.Device;
import org.p2psim.device.DeviceClock;
import org.p2psim.device.DeviceSetup;
import org.p2psim.device.PeerTable;
import org.p2psim.device.World;
import org.p2psim.event.EventId;
import org.p2psim.event.EventIds;
import org.p2psim.event.EventRejectedException;
import org.p2psim.event.EventSealer;
import org.p2psim.metrics.Metrics;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.net.Network;
import org.p2psim.net.PacketRecord;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.SimTime;
import org.p2psim.sim.WorkPool;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.StoredEvent;

/**
 * The assembled world of one run: the scheduler, the seeded streams, the network, the community
 * key and sealer, the members' directory, and every device with its keys, store, clock and peer
 * table, attached in the order given. Devices that join later are attached here too.
 */
public final class Community implements AutoCloseable {
    private final WorldSettings settings;
    private final Path directory;
    private final boolean temporaryDirectory;
    private final Scheduler scheduler = new Scheduler();
    private final RandomStreams streams;
    private final Network network;
    private final Metrics metrics = new Metrics();
    /** One copy of each event's id and bytes for all stores: every device ends up holding every event. */
    private final StoredEvent.Pool sharedEvents = new StoredEvent.Pool();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, String> namesById = new HashMap<>();
    private final List<Device.StoreListener> storeListeners = new ArrayList<>();
    private final World world;
    private boolean started;

    public Community(WorldSettings settings) {
        this.settings = settings;
        this.streams = new RandomStreams(settings.seed());
        this.temporaryDirectory = settings.directory() == null;
        this.directory = temporaryDirectory ? createTempDirectory() : settings.directory();
        this.network = new Network(scheduler, streams.stream("network"));
        network.defaults(settings.net());
        network.onPacket(this::recordPacket);
        this.world = buildWorld();
        var initialPeers = settings.topology().peers(settings.devices().deviceNames(), streams.stream("topology"));
        try {
            initialPeers.forEach((name, peers) -> attach(name, name, peers, world.sealer()));
            settings.stores().keySet().forEach(this::adoptImportedStore);
        } catch (RuntimeException e) {
            closeAfterFailedBuild(e);
            throw e;
        }
    }

    private World buildWorld() {
        KeyDirectory members = new KeyDirectory();
        for (String name : settings.devices().deviceNames()) {
            members.add(keysOf(name).publicKey());
        }
        CommunityKey key = CommunityKey.generate(streams.stream("community/key"));
        EventSealer sealer = new EventSealer(key, members, settings.signatures());
        return World.on(WorkPool.configured(), scheduler, network, metrics, key, sealer, members,
                SimTime.of(settings.devices().skewWindow()), settings.signatures(), new EventIds());
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
        DeviceStore store = devices.get(name).store();
        for (StoredEvent row : store.events()) {
            try {
                world.sealer().open(EventId.parse(row.eventId()), row.ciphertext());
            } catch (EventRejectedException e) {
                String file = String.valueOf(settings.stores().get(name));
                throw new IllegalArgumentException(file + " cannot be imported as " + name + ": its event " + row.eventId()
                        + " is refused (" + e.getMessage() + "); a store imports into a simulation"
                        + " with the seed and the devices of the run that wrote it");
            }
            metrics.eventCreated(row.eventId(), name, -1);
            metrics.eventStored(name, row.eventId(), row.ciphertext().length, 0);
        }
    }

    /** Attaches a device named {@code name} of {@code account} that starts out knowing {@code initialPeers}. */
    Device attach(String name, String account, List<String> initialPeers, EventSealer sealer) {
        DeviceSetup setup = new DeviceSetup(name, account, keysOf(name), sealer, openStore(name), settings.strategy().get(),
                new PeerTable(name, initialPeers, settings.devices().maxPeers()), clockOf(name),
                streams.stream("device/" + name + "/nonces"), streams.stream("device/" + name + "/file-keys"),
                streams.stream("device/" + name + "/sync"),
                streams.stream("device/" + name + "/timers"), settings.devices().peerExchange());
        Device device = new Device(world, setup);
        devices.put(name, device);
        namesById.put(device.id().hex(), name);
        device.knowNames(namesById::get);
        storeListeners.forEach(device::addStoreListener);
        if (world.events().isOn()) {
            device.addStoreListener(world.events()); // cancels the openings of copies it no longer needs
        }
        network.attach(name, device);
        return device;
    }

    /** Adds a member's key and its device, started now if the run has started. */
    Device admit(String name, String account, String bootstrapPeer, EventSealer sealer) {
        world.members().add(keysOf(name).publicKey());
        Device device = attach(name, account, List.of(bootstrapPeer), sealer);
        device.learnAddress(bootstrapPeer, network.address(bootstrapPeer));
        if (started) {
            device.start();
        }
        return device;
    }

    /** Starts every device, the first time only. */
    public void startOnce() {
        if (!started) {
            started = true;
            devices.values().forEach(Device::start);
        }
    }

    public boolean started() {
        return started;
    }

    /** From now on, {@code listener} hears of every event any device stores (devices that join later included). */
    public void onEventStored(Device.StoreListener listener) {
        storeListeners.add(listener);
        devices.values().forEach(d -> d.addStoreListener(listener));
    }

    private DeviceClock clockOf(String device) {
        return deviceClock(settings.seed(), device, settings.devices().clockOffsetSd(), settings.devices().clockDriftPpmSd());
    }

    /** The clock a device named {@code device} has in every run with {@code seed} and these clock spreads. */
    public static DeviceClock deviceClock(long seed, String device, Duration offsetSd, double driftPpmSd) {
        RandomGenerator random = new RandomStreams(seed).stream("device/" + device + "/clock");
        long offset = Math.round(random.nextGaussian() * SimTime.of(offsetSd));
        return new DeviceClock(offset, random.nextGaussian() * driftPpmSd);
    }

    Ed25519KeyPair keysOf(String device) {
        return keysOf(streams, device);
    }

    private static Ed25519KeyPair keysOf(RandomStreams streams, String device) {
        return Ed25519KeyPair.generate(streams.stream("device/" + device + "/keys"));
    }

    /** The id a device named {@code device} has in every run with {@code seed} (its keys come from the seed and its name). */
    public static DeviceId deviceId(long seed, String device) {
        return DeviceId.ofPublicKey(keysOf(new RandomStreams(seed), device).publicKey());
    }

    private DeviceStore openStore(String device) {
        Path file = directory.resolve("devices").resolve(device + ".sqlite");
        Path source = settings.stores().get(device);
        return (source == null ? DeviceStore.create(file, device) : DeviceStore.createFrom(source, file, device)).shareWith(sharedEvents);
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

    public long seed() {
        return settings.seed();
    }

    public Path directory() {
        return directory;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public RandomStreams streams() {
        return streams;
    }

    public Network network() {
        return network;
    }

    public Metrics metrics() {
        return metrics;
    }

    public World world() {
        return world;
    }

    /** The device named {@code name}; refused naming the devices there are. */
    public Device device(String name) {
        Device device = devices.get(name);
        if (device == null) {
            throw new IllegalArgumentException("no device named '" + name + "'; devices are " + devices.keySet());
        }
        return device;
    }

    /** The device named {@code name}, or null. */
    public Device findDevice(String name) {
        return devices.get(name);
    }

    /** Every device, in the order attached. */
    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    /** The name of the device with this id (hex), or null. */
    public String deviceNameOf(String deviceId) {
        return namesById.get(deviceId);
    }

    /** Writes every device's pending rows to its SQLite file. */
    public void flush() {
        devices.values().forEach(d -> d.store().flush());
    }

    /** Closes every device's store; a temporary run directory is deleted. */
    @Override
    public void close() {
        if (world != null) {
            world.pool().close();
        }
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
}
