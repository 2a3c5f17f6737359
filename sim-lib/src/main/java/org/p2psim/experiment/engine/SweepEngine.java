package org.p2psim.experiment.engine;

import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Runs the points of a sweep somewhere else than the sweep's own threads. An implementation runs
 * every task with the runner (in any order, anywhere) and returns the results; the sweep puts them
 * in point order, so the table is the same as with its own threads, row for row.
 */
public interface SweepEngine {
    /** The results of running every task with {@code runner}, in any order. */
    List<PointResult> run(List<PointTask> tasks, PointRunner runner);

    /** Also writes a finished sweep's table in the engine's own format into the sweep directory (default: nothing). */
    default void save(Table table, Path dir) {}

    /** "spark (local[*])". */
    String describe();

    /** Makes an engine by name; found with {@link java.util.ServiceLoader} (see {@link SweepEngines}). */
    interface Provider {
        String name();

        /** The engine, at {@code master} (an engine-specific address; null for its default). */
        SweepEngine create(String master);
    }
}
