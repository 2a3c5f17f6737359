/**
 * The simulated world: virtual time, the queue of timed actions, and the seeded random streams.
 *
 * <p>Time is a {@code long} count of microseconds since the start of the run. The {@link
 * org.p2psim.sim.Scheduler} keeps a priority queue of actions ordered by (time, sequence number):
 * actions run one by one at their own instant, never in tick batches, so a quiet simulated year
 * costs only what happens in it. Every random choice draws from a {@link
 * org.p2psim.sim.RandomStreams named stream} split from the run's single seed, so the same seed
 * gives the same run, byte for byte.
 *
 * <p>This package depends on nothing else of p2psim.
 */
package org.p2psim.sim;
