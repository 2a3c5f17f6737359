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
 * <p>A run may use every core and stay deterministic: {@link org.p2psim.sim.WorkPool} is the run's
 * threads (system property {@value org.p2psim.sim.WorkPool#THREADS_PROPERTY}, default every core; 1
 * computes everything inline) and {@link org.p2psim.sim.WorkAhead} starts work that is a pure
 * function of bytes (a signature check, an event's opening) on its workers when the bytes are known,
 * for the simulation thread to take in event order: the value it takes is the one an inline
 * computation gives, so the trace is the same on 1 and N threads. Only pure functions of bytes go
 * ahead; nothing that reads or changes simulated state.
 *
 * <p>This package depends on nothing else of p2psim.
 */
package org.p2psim.sim;
