/**
 * The world of one run, apart from the system under test and from the driver: {@link
 * org.p2psim.world.Community} assembles keys, community key and sealer, members, stores, clocks,
 * peer tables and devices from {@link org.p2psim.world.WorldSettings}; {@link
 * org.p2psim.world.Actions} is the typed real-world API (post, read, invite, join, leave…) that
 * workloads, notebooks and replay call, recording the timeline; {@link
 * org.p2psim.world.RunTables} reads the result tables. {@code org.p2psim.Simulation} is the façade.
 */
package org.p2psim.world;
