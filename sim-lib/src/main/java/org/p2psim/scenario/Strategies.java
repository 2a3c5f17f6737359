package org.p2psim.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.p2psim.net.Packet;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.bloom.BloomFilter;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.bloom.BloomSeedStrategy;

/**
 * The sync strategies a scenario can name, in registration order. A new strategy registers a
 * {@link StrategyType} here (or at start-up through {@link #register}); scenarios, the CLI's
 * {@code strategies} command and the effective scenario written to a run directory pick it up.
 */
public final class Strategies {
    public static final String DEFAULT = BloomSeedStrategy.NAME;

    private static final Map<String, StrategyType<?>> REGISTRY = new LinkedHashMap<>();

    static {
        register(new BloomSeed());
    }

    private Strategies() {}

    public static synchronized void register(StrategyType<?> type) {
        if (REGISTRY.putIfAbsent(type.name(), type) != null) {
            throw new IllegalArgumentException("a sync strategy named '" + type.name() + "' is already registered");
        }
    }

    public static synchronized List<StrategyType<?>> all() {
        return List.copyOf(REGISTRY.values());
    }

    public static synchronized List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The strategy named {@code name}; the message lists the known ones otherwise. */
    public static synchronized StrategyType<?> get(String name) {
        StrategyType<?> type = REGISTRY.get(name);
        if (type == null) {
            throw new IllegalArgumentException("sync.strategy must be one of " + names() + ", was '" + name + "'");
        }
        return type;
    }

    static synchronized StrategyType<?> find(String name) {
        return REGISTRY.get(name);
    }

    @SuppressWarnings("unchecked")
    static <P> Supplier<SyncStrategy> factory(StrategyType<P> type, Object params) {
        return type.factory((P) params);
    }

    @SuppressWarnings("unchecked")
    static <P> LinkedHashMap<String, Object> write(StrategyType<P> type, Object params) {
        return type.write((P) params);
    }

    /** The seed's Bloom sync ({@link BloomSeedStrategy}) with {@link BloomSeedParams}. */
    static final class BloomSeed implements StrategyType<BloomSeedParams> {
        @Override
        public String name() {
            return BloomSeedStrategy.NAME;
        }

        @Override
        public String description() {
            return "the seed's Bloom sync: every interval each device sends its filter of everything it holds to each peer,"
                    + " which answers with the recent and older events the filter lacks";
        }

        @Override
        public List<String> parameters() {
            return List.of("interval", "bytes", "hashes", "recentWindow", "recentBatch", "olderBatch", "maxPerRound", "saltEachRound");
        }

        @Override
        public BloomSeedParams defaults() {
            return BloomSeedParams.DEFAULTS;
        }

        @Override
        public BloomSeedParams bind(Node.Fields sync) {
            BloomSeedParams d = BloomSeedParams.DEFAULTS;
            Duration interval = sync.positiveDuration("interval", d.interval());
            boolean salt = sync.bool("saltEachRound", d.saltEachRound());
            int smallest = Packet.OVERHEAD + BloomFilter.wireBytes(8, salt);
            int bytes = sync.integer("bytes", smallest, 65_535, d.packetBytes());
            int hashes = sync.integer("hashes", 1, 32, d.hashes());
            Duration recentWindow = sync.positiveDuration("recentWindow", d.recentWindow());
            int recentBatch = sync.integer("recentBatch", 1, Integer.MAX_VALUE, d.recentBatch());
            int olderBatch = sync.integer("olderBatch", 1, Integer.MAX_VALUE, d.olderBatch());
            int maxPerRound = sync.integer("maxPerRound", 1, Integer.MAX_VALUE, d.maxPerRound());
            try {
                return new BloomSeedParams(interval, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, salt);
            } catch (IllegalArgumentException e) {
                throw sync.node().error("is not a valid bloom-seed configuration: " + e.getMessage());
            }
        }

        @Override
        public LinkedHashMap<String, Object> write(BloomSeedParams p) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            m.put("interval", Units.formatDuration(p.interval()));
            m.put("bytes", p.packetBytes());
            m.put("hashes", p.hashes());
            m.put("recentWindow", Units.formatDuration(p.recentWindow()));
            m.put("recentBatch", p.recentBatch());
            m.put("olderBatch", p.olderBatch());
            m.put("maxPerRound", p.maxPerRound());
            m.put("saltEachRound", p.saltEachRound());
            return m;
        }

        @Override
        public Supplier<SyncStrategy> factory(BloomSeedParams params) {
            return () -> new BloomSeedStrategy(params);
        }
    }
}
