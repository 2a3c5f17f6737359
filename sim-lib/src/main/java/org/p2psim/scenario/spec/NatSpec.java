package org.p2psim.scenario.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.p2psim.net.Network;
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.net.nat.NatType;

/**
 * The {@code net.nat} section: which NAT each device is behind and how devices get through.
 * Absent (null in {@link NetSpec#nat()}), there are no NATs and nothing of this is simulated.
 *
 * @param mix            presets by weight, dealt out to the devices in blocks in order (a {@code default} is a mix of one)
 * @param profiles       per behaviour profile, its devices' NAT on Wi-Fi and on cellular (overrides the mix)
 * @param cellular       the NAT of a device without a profile entry after it switches to cellular
 * @param bindingTimeout every binding's idle timeout, or null for each preset's own
 * @param config         keepalive, relay and punch settings
 */
public record NatSpec(Map<String, Double> mix, Map<String, Networks> profiles, String cellular, Duration bindingTimeout,
                      NatConfig config) {

    /** A device's NAT on its two networks. */
    public record Networks(String wifi, String cellular) {
    }

    public NatSpec {
        mix = Collections.unmodifiableMap(new LinkedHashMap<>(mix));
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    /** Every device behind {@code preset}, the defaults otherwise. */
    public static NatSpec everyDevice(String preset) {
        NatType.preset(preset);
        return new NatSpec(Map.of(preset, 1.0), Map.of(), "cgnat", null, NatConfig.DEFAULTS);
    }

    /** The NAT type of a preset, with this section's binding timeout. */
    public NatType type(String preset) {
        NatType type = NatType.preset(preset);
        return bindingTimeout == null || type.isPublic() ? type : type.withTimeout(bindingTimeout.toNanos() / 1_000);
    }

    /** Each device's NATs: its profile's entry, else the mix dealt out in blocks (largest remainders). */
    public Map<String, Networks> assignment(List<String> devices, Map<String, String> profileOf) {
        List<String> mixed = new ArrayList<>();
        for (String d : devices) {
            if (!profiles.containsKey(profileOf.getOrDefault(d, ""))) {
                mixed.add(d);
            }
        }
        List<String> presets = new ArrayList<>(mix.keySet());
        double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        int[] sizes = new int[presets.size()];
        int dealt = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) Math.floor(mixed.size() * mix.get(presets.get(i)) / total);
            dealt += sizes[i];
        }
        for (; dealt < mixed.size(); dealt++) {
            sizes[largestRemainder(presets, sizes, mixed.size(), total)]++;
        }
        Map<String, Networks> out = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < sizes.length; i++) {
            for (int j = 0; j < sizes[i]; j++) {
                out.put(mixed.get(next++), new Networks(presets.get(i), cellular));
            }
        }
        for (String d : devices) {
            Networks byProfile = profiles.get(profileOf.getOrDefault(d, ""));
            if (byProfile != null) {
                out.put(d, byProfile);
            }
        }
        return out;
    }

    /** Turns NATs on in {@code network} and puts every device behind its NAT; {@code random}: the "nat" stream. */
    public NatTraversal install(Network network, List<String> devices, Map<String, String> profileOf, RandomGenerator random) {
        NatTraversal nat = network.enableNat(config, random);
        assignment(devices, profileOf).forEach((device, n) -> nat.assign(device, type(n.wifi()), type(n.cellular())));
        return nat;
    }

    private int largestRemainder(List<String> presets, int[] sizes, int n, double total) {
        int best = 0;
        double bestGap = -1;
        for (int i = 0; i < sizes.length; i++) {
            double gap = n * mix.get(presets.get(i)) / total - sizes[i];
            if (gap > bestGap + 1e-12) {
                best = i;
                bestGap = gap;
            }
        }
        return best;
    }
}
