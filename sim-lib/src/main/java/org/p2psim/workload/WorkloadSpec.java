package org.p2psim.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The real-world activity of a scenario: the channels, the history devices hold before the run,
 * and the messages they post during it. Each part becomes a {@link Generator}; the workloads to
 * come (behaviour profiles, reply chains, files, churn) are further parts.
 */
public record WorkloadSpec(List<String> channels, HistorySpec history, MessagesSpec messages) {
    public static final List<String> DEFAULT_CHANNELS = List.of("general");
    public static final WorkloadSpec NONE = new WorkloadSpec(DEFAULT_CHANNELS, HistorySpec.NONE, MessagesSpec.NONE);

    public WorkloadSpec {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("workload.channels must name at least one channel");
        }
    }

    /** The generators of this workload, in the order they are installed. */
    public List<Generator> generators() {
        List<Generator> result = new ArrayList<>();
        result.add(new HistoryGenerator(history, channels));
        if (messages.ratePerMinute() > 0) {
            result.add(new PoissonMessages(messages, channels));
        }
        return result;
    }
}
