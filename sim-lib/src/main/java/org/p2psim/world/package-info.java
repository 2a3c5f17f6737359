/**
 * The world of one run, apart from the system under test and from the driver: {@link
 * org.p2psim.world.Community} assembles keys, community key and sealer, members, stores, clocks,
 * peer tables and devices from {@link org.p2psim.world.WorldSettings}; {@link
 * org.p2psim.world.Actions} is the typed real-world API (post, read, invite, join, leave…) that
 * workloads, notebooks and replay call, recording the timeline; {@link
 * org.p2psim.world.RunTables} reads the result tables; {@link org.p2psim.world.NetworkScript} applies
 * a scenario's network (conditions and timed network actions) for a run and for a rebuilt one; {@link
 * org.p2psim.world.SimulationSpec} is what {@code Simulation.builder()} produces, defaults read
 * from the scenario's spec records. {@code org.p2psim.Simulation} is the façade over all of these.
 */
package org.p2psim.world;
