/**
 * What a scenario is made of, as plain immutable values: the devices at the start
 * ({@link org.p2psim.scenario.spec.DeviceSpec}), the network ({@link org.p2psim.scenario.spec.NetSpec},
 * with its {@link org.p2psim.scenario.spec.LatencySpec} and {@link org.p2psim.scenario.spec.LossSpec}),
 * the timed actions of the schedule ({@link org.p2psim.scenario.spec.ScheduledAction},
 * {@link org.p2psim.scenario.spec.Action}), the expected outcomes
 * ({@link org.p2psim.scenario.spec.Expectation}), and the {@link org.p2psim.scenario.spec.Units} in
 * which scenario files write durations, rates and sizes. Each record checks its own fields on
 * construction and can be built in code ({@code NetSpec.DEFAULTS.loss(0.1)}) as well as read from
 * YAML.
 *
 * <p>{@code org.p2psim.scenario} reads these values from YAML and writes them back; this package
 * knows nothing of files, YAML or the scenario format, so the dependency runs one way. The sync
 * section's {@code SyncSpec} is not here: {@code SyncSpec.of(name, Map)} checks its parameters
 * through the scenario format, so it lives with it.
 */
package org.p2psim.scenario.spec;
