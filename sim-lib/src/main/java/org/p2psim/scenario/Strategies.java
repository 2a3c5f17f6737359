package org.p2psim.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.p2psim.net.Packet;
import org.p2psim.sync.Params;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.bloom.BloomFilter;
import org.p2psim.sync.bloom.BloomSaltedParams;
import org.p2psim.sync.bloom.BloomSaltedStrategy;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.bloom.BloomSeedStrategy;
import org.p2psim.sync.gossip.GossipPushParams;
import org.p2psim.sync.gossip.GossipPushStrategy;
import org.p2psim.sync.naive.NaiveParams;
import org.p2psim.sync.naive.NaiveStrategy;
import org.p2psim.sync.range.RangeReconParams;
import org.p2psim.sync.range.RangeReconStrategy;
import org.p2psim.sync.wantlist.WantListParams;
import org.p2psim.sync.wantlist.WantListStrategy;

/**
 * The sync strategies a scenario can name, in registration order, each with its parameter record
 * (as Caffeine's simulator registers its policies). A new strategy registers a {@link StrategyType}
 * here (or at start-up through {@link #register}; a {@link RecordStrategyType} binds any parameter
 * record); scenarios, {@code Simulation.builder().strategy(name, params)}, the CLI's {@code
 * strategies} command and the effective scenario written to a run directory pick it up.
 */
public final class Strategies {
    public static final String DEFAULT = BloomSeedStrategy.NAME;

    private static final Map<String, StrategyType<?>> REGISTRY = new LinkedHashMap<>();

    static {
        register(new BloomSeed());
        register(new RecordStrategyType<>(BloomSaltedStrategy.NAME,
                "Bloom filters in the same packet budget, a fresh salt each round, each covering recent events plus a"
                        + " rotating slice of the id space sized for the target rate; knowledge of a peer is evidence per event",
                BloomSaltedParams.class, BloomSaltedParams.DEFAULTS, BloomSaltedStrategy::new));
        register(new RecordStrategyType<>(WantListStrategy.NAME,
                "devices send lists of the ids they hold (recent ones, then round robin) and ask explicitly for the ids they lack",
                WantListParams.class, WantListParams.DEFAULTS, WantListStrategy::new));
        register(new RecordStrategyType<>(GossipPushStrategy.NAME,
                "epidemic push of each new event to f random peers, with range reconciliation against one random peer as anti-entropy",
                GossipPushParams.class, GossipPushParams.DEFAULTS, GossipPushStrategy::new));
        register(new RecordStrategyType<>(RangeReconStrategy.NAME,
                "range-based set reconciliation after negentropy: fingerprints of (timestamp, id) ranges, split until small id lists remain",
                RangeReconParams.class, RangeReconParams.DEFAULTS, RangeReconStrategy::new));
        register(new RecordStrategyType<>(NaiveStrategy.NAME,
                "the ceiling: every id (or every event) to every peer every round",
                NaiveParams.class, NaiveParams.DEFAULTS, NaiveStrategy::new));
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

    /** The strategy whose parameter record is of {@code paramsType}. */
    static synchronized StrategyType<?> ofParams(Class<?> paramsType) {
        for (StrategyType<?> type : REGISTRY.values()) {
            if (type.paramsType() == paramsType) {
                return type;
            }
        }
        throw new IllegalArgumentException(paramsType.getSimpleName() + " is not the parameter record of a registered strategy;"
                + " registered: " + names());
    }

    /**
     * Strategy {@code name} with {@code params} (keys as in a scenario's {@code sync} section; values
     * as Java numbers, booleans, Durations, enums or the text a scenario would hold), checked exactly
     * as a scenario file is: {@code spec("want-list", Map.of("interval", "5s"))}. Missing keys take
     * the defaults.
     */
    public static SyncSpec spec(String name, Map<String, ?> params) {
        ObjectNode sync = JsonNodeFactory.instance.objectNode();
        sync.put("strategy", name);
        params.forEach((key, value) -> sync.set(key, ScenarioFiles.YAML.valueToTree(
                value instanceof Duration d ? Units.formatDuration(d) : value instanceof Enum<?> e ? Params.label(e) : value)));
        return SyncFormat.readSync(new Node("strategy " + name, "sync", sync));
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
        private static final Map<String, String> DOCS = new LinkedHashMap<>();

        static {
            DOCS.put("interval", "how often a device sends a filter to each peer (the recent level's schedule)");
            DOCS.put("bytes", "the whole filter packet in bytes, header and signature included");
            DOCS.put("hashes", "hash functions per id");
            DOCS.put("recentWindow", "events authored this recently are checked first against a received filter");
            DOCS.put("recentBatch", "recent events checked per received filter, newest first");
            DOCS.put("olderBatch", "older events checked per received filter, round robin");
            DOCS.put("maxPerRound", "events sent per received filter at most");
            DOCS.put("saltEachRound", "not the seed's: a fresh salt per round, the receiver keeps only the newest filter");
            DOCS.put("segment", "events per segment of the cumulative filter: recent covers the newest, medium the newest 3, full all");
            DOCS.put("mediumEvery", "how often a peer gets the medium level");
            DOCS.put("fullEvery", "how often a peer gets the full level (and first)");
        }

        @Override
        public String name() {
            return BloomSeedStrategy.NAME;
        }

        @Override
        public String description() {
            return "the seed's Bloom sync: every interval each device sends each peer a filter (recent, medium or full level)"
                    + " of what it holds; peers OR-merge them and answer with the recent and older events the filters lack";
        }

        @Override
        public List<String> parameters() {
            return List.copyOf(DOCS.keySet());
        }

        @Override
        public Map<String, String> parameterDocs() {
            return DOCS;
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
            int segment = sync.integer("segment", 1, Integer.MAX_VALUE, d.segment());
            Duration mediumEvery = sync.positiveDuration("mediumEvery", d.mediumEvery());
            Duration fullEvery = sync.positiveDuration("fullEvery", d.fullEvery());
            try {
                return new BloomSeedParams(interval, bytes, hashes, recentWindow, recentBatch, olderBatch, maxPerRound, salt,
                        segment, mediumEvery, fullEvery);
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
            m.put("segment", p.segment());
            m.put("mediumEvery", Units.formatDuration(p.mediumEvery()));
            m.put("fullEvery", Units.formatDuration(p.fullEvery()));
            return m;
        }

        @Override
        public Supplier<SyncStrategy> factory(BloomSeedParams params) {
            return () -> new BloomSeedStrategy(params);
        }
    }
}
