package org.p2psim.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages each device holds before the run starts, authored one a second up to time 0.
 *
 * @param each     messages of every device not in {@code byDevice}
 * @param byDevice messages of named devices
 * @param channel  the channel they are posted in; null for the workload's first channel
 */
public record HistorySpec(int each, Map<String, Integer> byDevice, String channel) {
    public static final HistorySpec NONE = new HistorySpec(0, Map.of(), null);

    public HistorySpec {
        byDevice = Collections.unmodifiableMap(new LinkedHashMap<>(byDevice));
        if (each < 0 || byDevice.values().stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("workload.history.count must be >= 0, was " + (each < 0 ? each : byDevice));
        }
        if (each != 0 && !byDevice.isEmpty()) {
            throw new IllegalArgumentException("workload.history.count is either one number for every device or a map of device to number, not both");
        }
    }

    /** {@code count} messages on every device. */
    public static HistorySpec each(int count) {
        return new HistorySpec(count, Map.of(), null);
    }

    /** Messages on the named devices only. */
    public static HistorySpec of(Map<String, Integer> byDevice) {
        return new HistorySpec(0, byDevice, null);
    }

    public int countFor(String device) {
        return byDevice.getOrDefault(device, each);
    }
}
