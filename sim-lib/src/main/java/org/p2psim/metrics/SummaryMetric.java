package org.p2psim.metrics;

import java.util.function.ToDoubleFunction;
import org.p2psim.metrics.collect.Collectors;

/**
 * One named summary metric: its name (a key of {@code summaryMap()}, a sweep column, a
 * {@code summary.json} field), its unit, a one-line description, and how it is computed from the
 * collectors. The full definitions are in the package documentation.
 */
public record SummaryMetric(String name, String unit, String description, ToDoubleFunction<Collectors> value) {
    public double of(Collectors c) {
        return value.applyAsDouble(c);
    }
}
