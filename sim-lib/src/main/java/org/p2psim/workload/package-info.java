/**
 * Real-world activity: generators of the events users cause (history before the run, messages at
 * Poisson arrival times), each drawing from its own named random stream "workload/…" and acting only
 * through a {@link org.p2psim.workload.WorkloadContext}, so that everything they do is recorded in
 * the simulation's timeline and a run can be replayed from it. A scenario's {@code workload} section
 * is a {@link org.p2psim.workload.WorkloadSpec}; its parts become generators. When a profiled
 * device is online and its user active is planned in {@code workload.presence}.
 */
package org.p2psim.workload;
