/**
 * Where the runs of a sweep happen: the service interface of an engine that runs a sweep's points
 * elsewhere (Apache Spark in the {@code sim-spark} module), kept free of any engine's classes so that
 * {@code sim-lib} and the notebook classpath stay light. A point travels as its effective scenario
 * (YAML) and seed; its row comes back as the metrics, expectation counts and trace hash, and
 * {@link org.p2psim.experiment.Sweep} builds the same table as with its own threads.
 */
package org.p2psim.experiment.engine;
