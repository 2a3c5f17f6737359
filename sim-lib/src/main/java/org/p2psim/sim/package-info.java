/**
 * The simulated world: virtual time, the queue of timed actions, the seeded random streams, and
 * the timeline of real-world events.
 *
 * <p>Time is a {@code long} count of microseconds since the start of the run. The {@link
 * org.p2psim.sim.Scheduler} keeps a priority queue of actions ordered by (time, sequence number):
 * actions run one by one at their own instant, never in tick batches, so a quiet simulated year
 * costs only what happens in it. Every random choice draws from a {@link
 * org.p2psim.sim.RandomStreams named stream} split from the run's single seed, so the same seed
 * gives the same run, byte for byte.
 *
 * <p>The {@link org.p2psim.sim.Timeline} holds what happened in the real world, in order: each
 * {@link org.p2psim.sim.SimEvent} is a record of its kind (a message, a file, a join, a leave, …)
 * with typed fields. {@link org.p2psim.sim.SimEventCodec} alone turns one into its stored row
 * {@code (time, kind, device, detail)}, as in the {@code sim_events} table and a saved timeline,
 * and back.
 *
 * <p>This package depends on nothing else of p2psim.
 */
package org.p2psim.sim;
