/**
 * The notebook front door: {@link org.p2psim.Simulation} builds a run (devices, network, sync
 * strategy, seed), runs it in simulated time and hands out its metrics as Tablesaw tables.
 */
package org.p2psim;
