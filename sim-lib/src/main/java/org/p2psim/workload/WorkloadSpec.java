package org.p2psim.workload;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real-world activity of a scenario: the channels, the history devices hold before the run,
 * the messages posted on a script ({@link MessagesSpec}), and the {@link Profile}s that the
 * scenario's people follow. Each part becomes a {@link Generator}.
 *
 * @param channels   the community's channels
 * @param history    messages devices hold before the run
 * @param messages   scripted Poisson chatter, the same for every device it names
 * @param profiles   every profile the scenario uses, by name (built-ins it names, and its own)
 * @param startOfDay the time of day at which the run starts (for working hours)
 * @param maxThread  the most messages a reply chain holds
 */
public record WorkloadSpec(List<String> channels, HistorySpec history, MessagesSpec messages, Map<String, Profile> profiles,
                           LocalTime startOfDay, int maxThread) {
    public static final List<String> DEFAULT_CHANNELS = List.of("general");
    public static final LocalTime DEFAULT_START_OF_DAY = LocalTime.of(9, 0);
    public static final int DEFAULT_MAX_THREAD = 12;
    public static final WorkloadSpec NONE = new WorkloadSpec(DEFAULT_CHANNELS, HistorySpec.NONE, MessagesSpec.NONE, Map.of(),
            DEFAULT_START_OF_DAY, DEFAULT_MAX_THREAD);

    public WorkloadSpec {
        channels = List.copyOf(channels);
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("workload.channels must name at least one channel");
        }
        if (maxThread < 2) {
            throw new IllegalArgumentException("workload.maxThread must be >= 2 (a message and its answer), was " + maxThread);
        }
    }

    /** The generators of this workload, in the order they are installed. */
    public List<Generator> generators() {
        List<Generator> result = new ArrayList<>();
        result.add(new HistoryGenerator(history, channels));
        if (messages.ratePerMinute() > 0) {
            result.add(new PoissonMessages(messages, channels));
        }
        if (!profiles.isEmpty()) {
            Population population = new Population(startOfDay);
            result.add(new ProfileActivity(population, channels));
            result.add(new ReplyChains(population, maxThread));
        }
        return result;
    }
}
