package org.p2psim.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.p2psim.Simulation;
import org.p2psim.scenario.Scenario;

/**
 * One finished run: the effective scenario (with the run's seed), its directory, the summary
 * metrics and the trace hash. {@code simulation} is closed (its device files are written), but its
 * metrics and timeline can still be read; {@code wallSeconds} is wall-clock time, measured apart
 * from the simulation and not part of {@code summary.json}.
 */
public record RunResult(Scenario scenario, long seed, Path directory, Simulation simulation, ObjectNode summary,
                        LinkedHashMap<String, Double> metrics, String traceSha256, double wallSeconds) {

    /** The run directory, to read its tables back. */
    public RunDirectory open() {
        return RunDirectory.open(directory);
    }
}
