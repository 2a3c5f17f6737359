package org.p2psim.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A sync strategy as configurations know it: its name, a one-line description, its parameters (the keys
 * beside {@code strategy} in a scenario's {@code sync} section) with validated binding, and how to
 * make one instance per device. Registered in {@link org.p2psim.sync.registry.Strategies}.
 *
 * @param <P> the strategy's parameter record
 */
public interface StrategyType<P> {

    /** The value of {@code sync.strategy}, e.g. "bloom-seed". */
    String name();

    /** One line for {@code p2psim strategies}. */
    String description();

    /** The parameter keys, in the order they are written. */
    List<String> parameters();

    P defaults();

    /** The class of the parameter record, by which {@code Strategies.ofParams} finds the strategy. */
    default Class<?> paramsType() {
        return defaults().getClass();
    }

    /** One line per parameter, in {@link #parameters()} order (empty text where there is none). */
    default Map<String, String> parameterDocs() {
        Map<String, String> docs = new java.util.LinkedHashMap<>();
        parameters().forEach(p -> docs.put(p, ""));
        return docs;
    }

    /** Reads the parameters from the {@code sync} section; missing keys take the defaults. */
    P bind(ParamSource sync);

    /** The parameter values by key (Durations, enums, numbers, booleans, text), in {@link #parameters()} order. */
    LinkedHashMap<String, Object> write(P params);

    /** Makes the strategy of one device; called once per device. */
    Supplier<SyncStrategy> factory(P params);
}
