package org.p2psim.sync.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.p2psim.sync.RecordStrategyType;
import org.p2psim.sync.StrategyType;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.bloom.BloomSaltedParams;
import org.p2psim.sync.bloom.BloomSaltedStrategy;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.bloom.BloomSeedStrategy;
import org.p2psim.sync.gossip.GossipPushParams;
import org.p2psim.sync.gossip.GossipPushStrategy;
import org.p2psim.sync.hybrid.HybridParams;
import org.p2psim.sync.hybrid.HybridStrategy;
import org.p2psim.sync.naive.NaiveParams;
import org.p2psim.sync.naive.NaiveStrategy;
import org.p2psim.sync.oracle.OracleParams;
import org.p2psim.sync.oracle.OracleStrategy;
import org.p2psim.sync.range.RangeReconParams;
import org.p2psim.sync.range.RangeReconStrategy;
import org.p2psim.sync.riblt.RibltParams;
import org.p2psim.sync.riblt.RibltStrategy;
import org.p2psim.sync.wantlist.WantListParams;
import org.p2psim.sync.wantlist.WantListStrategy;

/**
 * The sync strategies by name, in registration order, each registered once with its parameter
 * record and factory (as Caffeine's simulator registers its policies). A new strategy registers a
 * {@link RecordStrategyType} here (or at start-up through {@link #register}); this is the one
 * binding path: the scenario format's {@code sync} section, {@code SyncSpec},
 * {@code Simulation.builder().strategy(name, params)}, the CLI's {@code strategies} command and the
 * effective scenario written to a run directory all go through it.
 */
public final class Strategies {
    public static final String DEFAULT = BloomSeedStrategy.NAME;

    private static final Map<String, StrategyType<?>> REGISTRY = new LinkedHashMap<>();

    static {
        register(new RecordStrategyType<>(BloomSeedStrategy.NAME,
                "the seed's Bloom sync: every interval each device sends each peer a filter (recent, medium or full level)"
                        + " of what it holds; peers OR-merge them and answer with the recent and older events the filters lack",
                BloomSeedParams.class, BloomSeedParams.DEFAULTS, BloomSeedStrategy::new));
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
        register(new RecordStrategyType<>(RibltStrategy.NAME,
                "rateless IBLT (Yang, Gilad and Alizadeh 2024): coded symbols of the whole set streamed in MTU-sized packets"
                        + " until the peer decodes the difference (about 1.35 symbols per difference), then wants and pushes",
                RibltParams.class, RibltParams.DEFAULTS, RibltStrategy::new));
        register(new RecordStrategyType<>(HybridStrategy.NAME,
                "the seed's plan 4: its Bloom filters for recent events, a rateless IBLT reconciliation of the history every"
                        + " historyInterval (and at start-up), and explicit wants and pushes of what that finds",
                HybridParams.class, HybridParams.DEFAULTS, HybridStrategy::new));
        register(new RecordStrategyType<>(NaiveStrategy.NAME,
                "the ceiling: every id (or every event) to every peer every round",
                NaiveParams.class, NaiveParams.DEFAULTS, NaiveStrategy::new));
        register(new RecordStrategyType<>(OracleStrategy.NAME,
                "the attainable bound, not a protocol: sees who holds what and who is online, and sends each event once to"
                        + " each peer lacking it as soon as both are online (again only when the packet was lost)",
                OracleParams.class, OracleParams.DEFAULTS, OracleStrategy::new));
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

    public static synchronized StrategyType<?> find(String name) {
        return REGISTRY.get(name);
    }

    /** The strategy whose parameter record is of {@code paramsType}. */
    public static synchronized StrategyType<?> ofParams(Class<?> paramsType) {
        for (StrategyType<?> type : REGISTRY.values()) {
            if (type.paramsType() == paramsType) {
                return type;
            }
        }
        throw new IllegalArgumentException(paramsType.getSimpleName() + " is not the parameter record of a registered strategy;"
                + " registered: " + names());
    }

    @SuppressWarnings("unchecked")
    public static <P> Supplier<SyncStrategy> factory(StrategyType<P> type, Object params) {
        return type.factory((P) params);
    }

    @SuppressWarnings("unchecked")
    /** The parameter values of {@code params} by key, as {@link StrategyType#write}. */
    public static <P> LinkedHashMap<String, Object> write(StrategyType<P> type, Object params) {
        return type.write((P) params);
    }
}
