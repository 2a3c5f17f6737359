package org.p2psim.workload;

import java.time.Duration;
import java.util.List;

/**
 * Messages posted during the run: each device posts at the times of a Poisson process (exponential
 * gaps) of {@code ratePerMinute}, from {@code start} (or from when it joins) until {@code until},
 * in a channel drawn uniformly from the workload's channels, with lorem-style text of
 * {@code textLength} characters.
 *
 * @param until   end of the arrivals; null for the end of the run
 * @param devices who posts; empty for every device, including those that join later
 */
public record MessagesSpec(double ratePerMinute, Duration start, Duration until, int textLength, List<String> devices) {
    public static final int DEFAULT_TEXT_LENGTH = 80;
    public static final MessagesSpec NONE = new MessagesSpec(0, Duration.ZERO, null, DEFAULT_TEXT_LENGTH, List.of());

    public MessagesSpec {
        devices = List.copyOf(devices);
    }
}
