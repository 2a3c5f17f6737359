/**
 * Scenarios: immutable records of a simulated world (devices, topology, network, sync strategy,
 * crypto, workload, schedule of timed actions), read from YAML with validated binding and written
 * back as canonical YAML.
 *
 * <p>{@link org.p2psim.scenario.Scenario#load(String)} takes a file or a built-in name
 * ({@code scenarios/*.yaml} of the checkout, or of the sim-lib jar). Loading parses the YAML into a
 * tree, applies overrides by field path ({@link org.p2psim.scenario.Overrides}), then binds the tree
 * field by field ({@code ScenarioFormat}); every error is a
 * {@link org.p2psim.scenario.ScenarioException} naming the file, the field path, the value and what
 * is allowed. The format is documented, field by field, in {@code scenarios/README.md}.
 * {@code ScenarioFormat} coordinates one format per section ({@code DeviceFormat}, {@code NetFormat},
 * {@code SyncFormat}, {@code WorkloadFormat}, {@code ScheduleFormat}, {@code ExpectFormat}, and
 * {@link org.p2psim.scenario.Profiles} for behaviour profiles). The sync strategies a scenario can
 * name are registered in {@code org.p2psim.sync.registry.Strategies}.
 *
 * <p>The values the sections bind to are the records of {@code org.p2psim.scenario.spec}
 * (devices, network, schedule, expectations, units); this package uses them, and they know nothing
 * of it. {@link org.p2psim.scenario.SyncSpec} stays here, as it checks a strategy's parameters
 * through the {@code sync} section's format.
 */
package org.p2psim.scenario;
