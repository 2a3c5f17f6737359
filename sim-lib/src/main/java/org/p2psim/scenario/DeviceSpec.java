package org.p2psim.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of a scenario at the start of the run (devices that join later are schedule actions).
 *
 * @param count           how many; with no {@code names} they are called d00, d01, … (d000 … from 101
 *                        devices on), as {@code Simulation.Builder.devices(int)} names them
 * @param names           explicit names, or empty for generated ones
 * @param clockOffsetSd   spread of the clock offsets, drawn per device from normal(0, sd)
 * @param clockDriftPpmSd spread of the clock drifts in parts per million
 * @param skewWindow      largest accepted difference between a packet's timestamp and the receiver's clock
 * @param maxPeers        most peers a device learns by discovery
 * @param peerExchange    how often devices send their peer lists; zero turns peer exchange off
 */
public record DeviceSpec(int count, List<String> names, Duration clockOffsetSd, double clockDriftPpmSd,
                         Duration skewWindow, int maxPeers, Duration peerExchange) {
    public static final int MAX_DEVICES = 10_000;

    public DeviceSpec {
        names = List.copyOf(names);
        if (!names.isEmpty() && names.size() != count) {
            throw new IllegalArgumentException("devices.count must equal the number of devices.names (" + names.size() + "), was " + count);
        }
    }

    /** {@code count} devices with generated names and the simulator's defaults otherwise. */
    public static DeviceSpec count(int count) {
        return new DeviceSpec(count, List.of(), Duration.ZERO, 0, Duration.ofSeconds(60), 8, Duration.ofSeconds(60));
    }

    /** Devices with these names and the simulator's defaults otherwise. */
    public static DeviceSpec named(List<String> names) {
        return new DeviceSpec(names.size(), names, Duration.ZERO, 0, Duration.ofSeconds(60), 8, Duration.ofSeconds(60));
    }

    /** The names of the devices present at the start, in order. */
    public List<String> deviceNames() {
        if (!names.isEmpty()) {
            return names;
        }
        return generatedNames(count);
    }

    /** d00, d01, … (at least two digits, more when there are over 100 devices). */
    public static List<String> generatedNames(int count) {
        String format = "d%0" + Math.max(2, String.valueOf(count - 1).length()) + "d";
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(String.format(format, i));
        }
        return List.copyOf(result);
    }
}
