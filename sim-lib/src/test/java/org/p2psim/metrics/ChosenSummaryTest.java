package org.p2psim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import tech.tablesaw.api.Table;

/** {@code Metrics.summary(names...)}: the metrics a text discusses, in its order, readable, with what each means. */
class ChosenSummaryTest {
    @Test
    void namedMetricsInOrderWithReadableValues() {
        try (Simulation sim = Simulation.builder().seed(1).devices("alice", "bob").build()) {
            sim.history("alice", 3, "general");
            sim.runFor(Duration.ofMinutes(1));
            Table t = sim.metrics().summary("converged", "mean_completeness", "bytes_sent", "convergence_s");
            assertEquals(List.of("metric", "value", "description"), t.columnNames());
            assertEquals(List.of("converged", "mean_completeness", "bytes_sent", "convergence_s"), t.stringColumn("metric").asList());
            assertEquals("yes", t.stringColumn("value").get(0));
            assertEquals("100 %", t.stringColumn("value").get(1));
            assertTrue(t.stringColumn("value").get(2).matches("[0-9,]+ bytes"), t.stringColumn("value").get(2));
            assertEquals(sim.metrics().convergenceSeconds(), sim.metrics().summaryMap().get("convergence_s"));
            assertTrue(t.stringColumn("value").get(3).endsWith(" s"), t.stringColumn("value").get(3));
        }
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        try (Simulation sim = Simulation.builder().seed(1).devices("alice", "bob").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.metrics().summary("completeness"));
            assertTrue(e.getMessage().startsWith("no summary metric named 'completeness'; known: [events_created"), e.getMessage());
        }
    }
}
