package org.p2psim.scenario.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param profiles        the behaviour profiles of the devices, by weight, in order (empty: no profiles);
 *                        see {@link #profileAssignment()}
 */
public record DeviceSpec(int count, List<String> names, Duration clockOffsetSd, double clockDriftPpmSd,
                         Duration skewWindow, int maxPeers, Duration peerExchange, Map<String, Double> profiles) {
    public static final int MAX_DEVICES = 10_000;
    /** The largest clock drift spread a scenario may set, in ppm (a quartz clock drifts tens of ppm). */
    public static final double MAX_DRIFT_PPM = 10_000;

    /**
     * The simulator's device defaults, declared only here (the scenario format, {@code
     * Simulation.Builder} and scenarios/README.md read them; ScenarioReadmeDefaultsTest checks the
     * README): no clock offsets or drift, a 60 s skew window, 8 peers, peer exchange every 60 s, no
     * profiles. Its count is 0; take {@link #withCount} or {@link #count}.
     */
    public static final DeviceSpec DEFAULTS = new DeviceSpec(0, List.of(), Duration.ZERO, 0, Duration.ofSeconds(60), 8,
            Duration.ofSeconds(60), Map.of());

    public DeviceSpec {
        names = List.copyOf(names);
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        if (!names.isEmpty() && names.size() != count) {
            throw new IllegalArgumentException("devices.count must equal the number of devices.names (" + names.size() + "), was " + count);
        }
    }

    /** {@code count} devices with generated names and the simulator's defaults otherwise. */
    public static DeviceSpec count(int count) {
        return DEFAULTS.withCount(count);
    }

    /** Devices with these names and the simulator's defaults otherwise. */
    public static DeviceSpec named(List<String> names) {
        return DEFAULTS.withNames(names);
    }

    /** These devices with another count (and generated names). */
    public DeviceSpec withCount(int newCount) {
        return new DeviceSpec(newCount, List.of(), clockOffsetSd, clockDriftPpmSd, skewWindow, maxPeers, peerExchange, profiles);
    }

    /** These devices with these names (and as many of them). */
    public DeviceSpec withNames(List<String> newNames) {
        return new DeviceSpec(newNames.size(), newNames, clockOffsetSd, clockDriftPpmSd, skewWindow, maxPeers, peerExchange, profiles);
    }

    /**
     * Which profile each device present at the start follows: the devices are dealt out in order, in
     * blocks, one block per profile of {@link #profiles} in its order, of sizes proportional to the
     * weights (largest remainders round, ties to the earlier profile). Empty without profiles.
     */
    public Map<String, String> profileAssignment() {
        Map<String, String> result = new LinkedHashMap<>();
        if (profiles.isEmpty()) {
            return result;
        }
        List<String> order = new ArrayList<>(profiles.keySet());
        int[] sizes = blockSizes(order);
        List<String> devices = deviceNames();
        int next = 0;
        for (int p = 0; p < order.size(); p++) {
            for (int i = 0; i < sizes[p]; i++) {
                result.put(devices.get(next++), order.get(p));
            }
        }
        return result;
    }

    private int[] blockSizes(List<String> order) {
        double total = profiles.values().stream().mapToDouble(Double::doubleValue).sum();
        int[] sizes = new int[order.size()];
        double[] remainders = new double[order.size()];
        int dealt = 0;
        for (int p = 0; p < order.size(); p++) {
            double exact = count * profiles.get(order.get(p)) / total;
            sizes[p] = (int) Math.floor(exact);
            remainders[p] = exact - sizes[p];
            dealt += sizes[p];
        }
        for (; dealt < count; dealt++) {
            int best = 0;
            for (int p = 1; p < order.size(); p++) {
                if (remainders[p] > remainders[best] + 1e-9) {   // ties (up to rounding) go to the earlier profile
                    best = p;
                }
            }
            sizes[best]++;
            remainders[best] = -1;
        }
        return sizes;
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
