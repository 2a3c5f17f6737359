package org.p2psim.scenario;

import java.util.function.Supplier;
import org.p2psim.sync.SyncStrategy;

/**
 * The sync strategy of every device and its parameters ({@code params} is the record of the
 * registered {@link StrategyType} named {@code strategy}, e.g. {@code BloomSeedParams}).
 */
public record SyncSpec(String strategy, Object params) {

    public static SyncSpec defaults() {
        StrategyType<?> type = Strategies.get(Strategies.DEFAULT);
        return new SyncSpec(type.name(), type.defaults());
    }

    public StrategyType<?> type() {
        return Strategies.get(strategy);
    }

    public Supplier<SyncStrategy> factory() {
        return Strategies.factory(type(), params);
    }
}
