package org.p2psim.scenario;

import java.util.Map;
import java.util.function.Supplier;
import org.p2psim.sync.SyncStrategy;

/**
 * The sync strategy of every device and its parameters ({@code params} is the record of the
 * registered {@link StrategyType} named {@code strategy}, e.g. {@code BloomSeedParams}).
 *
 * <pre>{@code
 * SyncSpec.of("want-list")                                   // the defaults
 * SyncSpec.of("gossip-push", Map.of("fanout", 4))            // checked like a scenario's sync section
 * SyncSpec.of(RangeReconParams.DEFAULTS)                      // a parameter record
 * }</pre>
 */
public record SyncSpec(String strategy, Object params) {

    /** The default strategy ({@link Strategies#DEFAULT}, bloom-seed) with its default parameters; declared only here. */
    public static final SyncSpec DEFAULT = of(Strategies.DEFAULT);

    public SyncSpec {
        StrategyType<?> type = Strategies.get(strategy);
        if (!type.paramsType().isInstance(params)) {
            throw new IllegalArgumentException("strategy '" + strategy + "' takes " + type.paramsType().getSimpleName()
                    + ", not " + (params == null ? "null" : params.getClass().getSimpleName()));
        }
    }

    public static SyncSpec defaults() {
        return DEFAULT;
    }

    /** Strategy {@code name} with its default parameters. */
    public static SyncSpec of(String name) {
        StrategyType<?> type = Strategies.get(name);
        return new SyncSpec(type.name(), type.defaults());
    }

    /** Strategy {@code name} with parameters by key, checked as in a scenario file; see {@link Strategies#spec}. */
    public static SyncSpec of(String name, Map<String, ?> params) {
        return Strategies.spec(name, params);
    }

    /** The registered strategy that takes this parameter record. */
    public static SyncSpec of(Object params) {
        return new SyncSpec(Strategies.ofParams(params.getClass()).name(), params);
    }

    public StrategyType<?> type() {
        return Strategies.get(strategy);
    }

    public Supplier<SyncStrategy> factory() {
        return Strategies.factory(type(), params);
    }
}
