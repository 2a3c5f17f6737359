package org.p2psim.workload.presence;

/**
 * One device's planned presence over a run: when it is online, and within that, when its user is
 * active (reading and writing). Active time is always online time.
 */
public record ActivityPlan(Intervals online, Intervals active) {}
