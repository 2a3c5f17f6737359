package org.p2psim.experiment.engine;

import java.io.Serializable;

/**
 * One run of a sweep, as it is shipped to an engine: its row {@code index}, a label for errors,
 * the effective scenario as YAML ({@code Scenario.toYaml}) and the seed.
 */
public record PointTask(int index, String label, String scenarioYaml, long seed) implements Serializable {}
