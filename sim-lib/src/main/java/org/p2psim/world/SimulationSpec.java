package org.p2psim.world;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Topology;
import org.p2psim.net.Network;
import org.p2psim.net.link.Bandwidth;
import org.p2psim.net.link.LatencyModel;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.net.link.LossModel;
import org.p2psim.scenario.spec.DeviceSpec;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.sync.registry.Strategies;
import org.p2psim.scenario.SyncSpec;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.bloom.BloomSeedStrategy;

/**
 * A run as {@code Simulation.builder()} describes it: the {@link WorldSettings} (whose device
 * settings are a scenario's {@link DeviceSpec}) and further network set-up run once the initial
 * devices are attached. Its builder starts from the spec records' defaults ({@link
 * DeviceSpec#DEFAULTS}, {@link NetSpec#DEFAULTS}, {@link SyncSpec#DEFAULT}), so every default is
 * declared once, there.
 */
public record SimulationSpec(WorldSettings settings, Consumer<Network> networkSetup) {

    /** The settings of a run, each with the spec records' default; {@code B} is the concrete builder. */
    public abstract static class Builder<B extends Builder<B>> {
        /** Devices a builder starts with when none are named. */
        public static final List<String> DEFAULT_DEVICES = List.of("alice", "bob");
        private long seed = 1;
        private Path directory;
        private DeviceSpec devices = DeviceSpec.DEFAULTS.withNames(DEFAULT_DEVICES);
        private Topology topology = Topology.fullMesh();
        private LinkConditions net = NetSpec.DEFAULTS.conditions();
        private Consumer<Network> networkSetup = n -> {};
        private Supplier<SyncStrategy> strategy = SyncSpec.DEFAULT.factory();
        private SignatureMode signatures = SignatureMode.REAL;
        private final Map<String, Path> stores = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** The initial devices' settings as a scenario gives them (names, peers, exchange, clocks, skew window). */
        public B devices(DeviceSpec spec) {
            devices = spec.withNames(spec.deviceNames());
            return self();
        }

        private B devices(int maxPeers, Duration peerExchange, Duration offsetSd, double driftPpmSd, Duration skewWindow) {
            return devices(new DeviceSpec(devices.count(), devices.names(), offsetSd, driftPpmSd, skewWindow, maxPeers,
                    peerExchange, devices.profiles()));
        }

        public B seed(long seed) {
            this.seed = seed;
            return self();
        }

        /**
         * Where device files go; must not exist yet or be empty. Default: a new temporary directory,
         * deleted when the simulation is closed.
         */
        public B directory(Path directory) {
            this.directory = directory;
            return self();
        }

        /**
         * Device {@code name} starts from a copy of an existing store file (e.g. one exported from an
         * earlier run): it holds those events from time 0, as history. The file is checked and left
         * untouched; one that is not a p2psim store, belongs to another device, or holds events this
         * community cannot open (build with the seed and devices of the run that wrote it) is refused.
         * The device is added to {@link #devices} if it is not there.
         */
        public B deviceFromStore(String name, Path storeFile) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("deviceFromStore needs a device name, got '" + name + "'");
            }
            stores.put(name, java.util.Objects.requireNonNull(storeFile, "storeFile"));
            return self();
        }

        public B devices(String... names) {
            if (names.length == 0) {
                throw new IllegalArgumentException("a simulation needs at least one device");
            }
            List<String> list = new ArrayList<>();
            for (String name : names) {
                if (list.contains(name)) {
                    throw new IllegalArgumentException("device name '" + name + "' is given twice");
                }
                list.add(name);
            }
            devices = devices.withNames(list);
            return self();
        }

        /** {@code count} devices named d00, d01, … (d000 … from 100 devices on). */
        public B devices(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("devices must be >= 1, was " + count);
            }
            return devices(DeviceSpec.generatedNames(count).toArray(String[]::new));
        }

        /** Who starts out knowing whom (default: full mesh). */
        public B topology(Topology topology) {
            this.topology = topology;
            return self();
        }

        /** Most peers a device learns by discovery (its initial peers are always kept). Default 8. */
        public B maxPeers(int maxPeers) {
            if (maxPeers < 1) {
                throw new IllegalArgumentException("maxPeers must be >= 1, was " + maxPeers);
            }
            return devices(maxPeers, devices.peerExchange(), devices.clockOffsetSd(), devices.clockDriftPpmSd(), devices.skewWindow());
        }

        /** How often devices send their peer lists to their peers; zero turns peer exchange off. */
        public B peerExchange(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("peerExchange must be >= 0, was " + interval);
            }
            return devices(devices.maxPeers(), interval, devices.clockOffsetSd(), devices.clockDriftPpmSd(), devices.skewWindow());
        }

        /**
         * Device clocks: each gets an offset drawn from normal(0, {@code offsetSd}) and a drift
         * from normal(0, {@code driftPpmSd}) parts per million.
         */
        public B clockSkew(Duration offsetSd, double driftPpmSd) {
            if (offsetSd.isNegative() || driftPpmSd < 0) {
                throw new IllegalArgumentException("clock skew spreads must be >= 0, were " + offsetSd + " and " + driftPpmSd + " ppm");
            }
            return devices(devices.maxPeers(), devices.peerExchange(), offsetSd, driftPpmSd, devices.skewWindow());
        }

        /** One-way latency of every link, the same for every packet. Default 50 ms. */
        public B latency(Duration latency) {
            return latency(LatencyModel.fixed(latency));
        }

        /** One-way latency of every link, normal(mean, sd) truncated at 0, drawn per packet. */
        public B latency(Duration mean, Duration sd) {
            return latency(LatencyModel.normal(mean, sd));
        }

        /** One-way latency of every link (e.g. {@link LatencyModel#logNormal} for a heavy tail). */
        public B latency(LatencyModel model) {
            this.net = net.withLatency(model);
            return self();
        }

        /** Probability that a packet is lost, independently per packet. */
        public B loss(double loss) {
            this.net = net.withLoss(loss);
            return self();
        }

        /** Bursty (Gilbert–Elliott) loss on every link: long-run loss rate and mean run of consecutive losses. */
        public B burstyLoss(double averageLoss, double meanBurstLength) {
            this.net = net.withLoss(LossModel.bursty(averageLoss, meanBurstLength));
            return self();
        }

        /** Probability that the network delivers a packet twice. */
        public B duplicate(double probability) {
            this.net = net.withDuplicate(probability);
            return self();
        }

        /** Every device's uplink and downlink rate in bytes/s (1 Mbit/s = 125 000). Default unlimited. */
        public B bandwidth(double uplinkBytesPerSecond, double downlinkBytesPerSecond) {
            Bandwidth.requireRate("net.uplink", uplinkBytesPerSecond);
            Bandwidth.requireRate("net.downlink", downlinkBytesPerSecond);
            return network(n -> n.everyDevice(d -> d.uplink(uplinkBytesPerSecond).downlink(downlinkBytesPerSecond)));
        }

        /**
         * Further network set-up, run once the initial devices are attached:
         * {@code network(n -> n.link("alice", "bob").loss(0.3))}. Calls accumulate in order.
         */
        public B network(Consumer<Network> setup) {
            this.networkSetup = networkSetup.andThen(setup);
            return self();
        }

        /** Largest accepted difference between a packet's timestamp and the receiver's clock. */
        public B skewWindow(Duration window) {
            return devices(devices.maxPeers(), devices.peerExchange(), devices.clockOffsetSd(), devices.clockDriftPpmSd(), window);
        }

        /**
         * How packets are signed: {@code REAL} Ed25519 (default) or the {@code FAST} stand-in of the
         * same size. Every outcome but CPU time is the same in both.
         */
        public B signatures(SignatureMode mode) {
            this.signatures = mode;
            return self();
        }

        /** The seed's Bloom sync with these parameters. */
        public B bloom(BloomSeedParams params) {
            return strategy(() -> new BloomSeedStrategy(params));
        }

        /** The sync strategy; called once per device. */
        public B strategy(Supplier<SyncStrategy> strategy) {
            this.strategy = strategy;
            return self();
        }

        /**
         * A registered strategy with its defaults: {@code strategy("range-recon")}. The names and
         * parameters are those of {@code bin/p2psim strategies} ({@link Strategies#names()}).
         */
        public B strategy(String name) {
            return sync(SyncSpec.of(name));
        }

        /**
         * A registered strategy with parameters by key, checked as a scenario's {@code sync} section is:
         * {@code strategy("gossip-push", Map.of("fanout", 4, "antiEntropy", "20s"))}; missing keys take
         * the defaults, unknown keys and bad values are refused naming the key and what is allowed.
         */
        public B strategy(String name, Map<String, ?> params) {
            return sync(SyncSpec.of(name, params));
        }

        /** A registered strategy with its parameter record: {@code sync(SyncSpec.of(WantListParams.DEFAULTS))}. */
        public B sync(SyncSpec spec) {
            return strategy(spec.factory());
        }

        /** The run these settings describe; devices started from a store are added to the devices. */
        protected SimulationSpec spec() {
            List<String> names = new ArrayList<>(devices.deviceNames());
            stores.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
            WorldSettings settings = new WorldSettings(seed, directory, devices.withNames(names), topology, net, strategy,
                    signatures, stores);
            return new SimulationSpec(settings, networkSetup);
        }
    }
}
