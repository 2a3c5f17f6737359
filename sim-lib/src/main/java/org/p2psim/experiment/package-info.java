/**
 * Running scenarios: {@link org.p2psim.experiment.ScenarioRun} builds the simulation of a scenario
 * with one seed (devices, network, history, scheduled actions, workload) and runs it;
 * {@link org.p2psim.experiment.RunDirectory} writes and reads a run directory (summary.json,
 * metrics/*.csv, run.sqlite, scenario.yaml, devices/*.sqlite) and replays a run from its recorded
 * timeline. Parameter sweeps over scenarios × seeds come here next.
 */
package org.p2psim.experiment;
