package org.p2psim.scenario.spec;

import java.time.Duration;

/** {@code action} at simulated time {@code at} since the run began. */
public record ScheduledAction(Duration at, Action action) {}
