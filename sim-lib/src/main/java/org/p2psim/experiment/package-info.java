/**
 * Running scenarios: {@link org.p2psim.experiment.ScenarioRun} builds the simulation of a scenario
 * with one seed (devices, network, history, scheduled actions, workload) and runs it;
 * {@link org.p2psim.experiment.RunDirectory} writes and reads a run directory (summary.json,
 * metrics/*.csv, run.sqlite, scenario.yaml, devices/*.sqlite) and replays a run from its recorded
 * timeline. {@link org.p2psim.experiment.Sweep} runs a scenario over the cartesian product of
 * varied fields × seeds, in parallel, into one Tablesaw table (and, with {@code runInto}, a sweep
 * directory: sweep.csv, sweep.json, scenario.yaml). {@link org.p2psim.experiment.Expectations}
 * checks a scenario's expected outcomes ({@code expect:}) against a run or any simulation, into
 * {@link org.p2psim.experiment.ExpectationResult}s: pass or fail with the measured value.
 */
package org.p2psim.experiment;
