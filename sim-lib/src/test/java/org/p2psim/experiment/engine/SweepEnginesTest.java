package org.p2psim.experiment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p2psim.experiment.Sweep;
import tech.tablesaw.api.Table;

/**
 * The engine hook: a sweep runs its points on the configured engine ({@code -Dp2psim.engine}), and the
 * table equals the one from its own threads. The engine here runs the tasks in reverse order in this
 * JVM, so the test also shows that rows are put back in point order.
 */
class SweepEnginesTest {
    static final List<String> USED = Collections.synchronizedList(new ArrayList<>());

    /** Found through META-INF/services of the test classpath, as sim-spark's provider is. */
    public static final class InlineProvider implements SweepEngine.Provider {
        @Override
        public String name() {
            return "inline";
        }

        @Override
        public SweepEngine create(String master) {
            return new SweepEngine() {
                @Override
                public List<PointResult> run(List<PointTask> tasks, PointRunner runner) {
                    USED.add(master);
                    List<PointResult> out = new ArrayList<>();
                    for (int i = tasks.size() - 1; i >= 0; i--) {
                        out.add(runner.run(tasks.get(i)));
                    }
                    return out;
                }

                @Override
                public String describe() {
                    return "inline";
                }
            };
        }
    }

    @AfterEach
    void clear() {
        System.clearProperty(SweepEngines.ENGINE_PROPERTY);
        System.clearProperty(SweepEngines.MASTER_PROPERTY);
        USED.clear();
    }

    private static Sweep sweep() {
        return Sweep.of("two-peers", Map.of("duration", "1m", "crypto.signatures", "fast")).vary("net.loss", 0.0, 0.3).seeds(2);
    }

    @Test
    void noPropertyMeansTheSweepsOwnThreads() {
        assertNull(SweepEngines.configured());
        System.setProperty(SweepEngines.ENGINE_PROPERTY, "local");
        assertNull(SweepEngines.configured());
    }

    @Test
    void theConfiguredEngineRunsTheSweepAndTheRowsEqualTheLocalOnes() {
        Table local = sweep().threads(1).run();
        System.setProperty(SweepEngines.ENGINE_PROPERTY, "inline");
        System.setProperty(SweepEngines.MASTER_PROPERTY, "here");
        Table engine = sweep().run();
        assertEquals(List.of("here"), USED);
        assertEquals(4, engine.rowCount());
        assertEquals(local.write().toString("csv"), engine.write().toString("csv"));
    }

    @Test
    void anUnknownEngineIsNamedWithTheKnownOnes() {
        System.setProperty(SweepEngines.ENGINE_PROPERTY, "hadoop");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, SweepEngines::configured);
        assertTrue(e.getMessage().contains("'hadoop'") && e.getMessage().contains("inline"), e.getMessage());
    }
}
