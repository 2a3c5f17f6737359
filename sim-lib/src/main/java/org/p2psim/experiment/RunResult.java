package org.p2psim.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.p2psim.Simulation;
import org.p2psim.scenario.Scenario;
import tech.tablesaw.api.Table;

/**
 * One finished run: the effective scenario (with the run's seed), its directory, the summary
 * metrics and the trace hash. {@code simulation} is closed (its device files are written), but its
 * metrics and timeline can still be read; {@code wallSeconds} is wall-clock time, measured apart
 * from the simulation and not part of {@code summary.json}. {@code expectations} are the scenario's
 * expected outcomes ({@code expect:}) checked against this run, in the scenario's order.
 */
public record RunResult(Scenario scenario, long seed, Path directory, Simulation simulation, ObjectNode summary,
                        LinkedHashMap<String, Double> metrics, String traceSha256, double wallSeconds,
                        List<ExpectationResult> expectations) {

    public RunResult {
        expectations = List.copyOf(expectations);
    }

    /** The {@code expectations} table: one row per check with its measured value and "pass" or "fail". */
    public Table expectationsTable() {
        return Expectations.table(expectations);
    }

    /** Whether every expectation of the scenario was met (true when it has none). */
    public boolean expectationsMet() {
        return expectations.stream().allMatch(ExpectationResult::pass);
    }


    /** The run directory, to read its tables back. */
    public RunDirectory open() {
        return RunDirectory.open(directory);
    }
}
