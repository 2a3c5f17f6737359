package org.p2psim.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.p2psim.event.EventId;
import org.p2psim.metrics.Metrics;
import org.p2psim.metrics.facts.FilterFacts;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.Scheduler;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.StoredEvent;

/**
 * A bare world for unit tests of one strategy: devices with real stores and a strategy each, joined
 * by a lossless fixed-latency "network" that logs every packet and can drop chosen ones. Events are
 * random bytes named by their BLAKE3 id; no crypto, no signatures.
 */
public final class FakeWorld implements AutoCloseable {
    public static final long LATENCY = 10_000;

    public record Sent(long at, String from, String to, PacketType type, byte[] body) {
        public int packetBytes() {
            return Packet.OVERHEAD + body.length;
        }
    }

    public final Scheduler scheduler = new Scheduler();
    public final Metrics metrics = new Metrics();
    public final List<Sent> log = new ArrayList<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Long> authored = new HashMap<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private final Path dir;
    private final int mtu;
    private Predicate<Sent> drop = s -> false;

    public FakeWorld(Path dir, int mtu) {
        this.dir = dir;
        this.mtu = mtu;
    }

    /** Adds a device whose peers are every other device added (now and later). */
    public Device add(String name, SyncStrategy strategy) {
        Device d = new Device(name, strategy, DeviceStore.create(dir.resolve(name + ".sqlite"), name));
        devices.put(name, d);
        return d;
    }

    public Device device(String name) {
        return devices.get(name);
    }

    public void drop(Predicate<Sent> rule) {
        this.drop = rule;
    }

    /** A new event authored at {@code authoredTs}: its sealed bytes, stored nowhere yet. */
    public byte[] newEvent(long authoredTs) {
        byte[] sealed = new byte[120];
        random.nextBytes(sealed);
        authored.put(EventId.of(sealed).hex(), authoredTs);
        return sealed;
    }

    /** Gives {@code device} {@code count} new events authored one second apart ending at {@code lastTs}. */
    public List<EventId> history(String device, int count, long lastTs) {
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] sealed = newEvent(lastTs - (count - 1 - i) * 1_000_000L);
            devices.get(device).store(sealed);
            ids.add(EventId.of(sealed));
        }
        return ids;
    }

    public void start() {
        devices.values().forEach(d -> {
            d.strategy.start(d);
            d.markStarted();
        });
    }

    public boolean converged() {
        return devices.values().stream().allMatch(d -> d.store.size() == authored.size());
    }

    @Override
    public void close() {
        devices.values().forEach(d -> d.store.close());
    }

    /** One device: its store, its strategy and the strategy's window on it. */
    public final class Device implements SyncContext {
        public final String name;
        public final SyncStrategy strategy;
        public final DeviceStore store;
        public boolean online = true;
        private final RandomGenerator stream;
        private boolean started;

        Device(String name, SyncStrategy strategy, DeviceStore store) {
            this.name = name;
            this.strategy = strategy;
            this.store = store;
            this.stream = new SplittableRandom(name.hashCode());
        }

        /** Stores a sealed event here (authored or received) and tells the strategy once started. */
        public void store(byte[] sealed) {
            store(sealed, null);
        }

        private void store(byte[] sealed, String from) {
            EventId id = EventId.of(sealed);
            if (store.contains(id.hex())) {
                return;
            }
            long ts = authored.get(id.hex());
            store.insert(new StoredEvent(id.hex(), "general", ts, scheduler.now(), sealed));
            if (started) {
                strategy.onEventStored(id, ts, from);
            }
        }

        void markStarted() {
            started = true;
        }

        @Override
        public String deviceName() {
            return name;
        }

        @Override
        public List<String> peers() {
            return devices.keySet().stream().filter(n -> !n.equals(name)).toList();
        }

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public long clock() {
            return scheduler.now();
        }

        @Override
        public RandomGenerator random() {
            return stream;
        }

        @Override
        public DeviceStore store() {
            return store;
        }

        @Override
        public boolean send(String peer, PacketType type, byte[] body) {
            if (!online) {
                return false;
            }
            Sent s = new Sent(scheduler.now(), name, peer, type, body.clone());
            log.add(s);
            Device to = devices.get(peer);
            if (!drop.test(s) && s.packetBytes() <= mtu) {
                scheduler.after(LATENCY, () -> {
                    if (to.online && type == PacketType.EVENT) {
                        to.store(s.body(), name);
                    } else if (to.online) {
                        to.strategy.onPacket(name, new Packet(type, null, s.at(), s.body(), new byte[0]), s.at());
                    }
                });
            }
            return true;
        }

        @Override
        public int mtu() {
            return mtu;
        }

        @Override
        public FilterFacts filterFacts() {
            return metrics;
        }
    }
}
