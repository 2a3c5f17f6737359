package org.p2psim.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Who starts out knowing whom: the initial peer table of every device. */
public sealed interface Topology {

    /** The initial peers of each device, keyed and ordered like {@code devices}. */
    Map<String, List<String>> peers(List<String> devices, RandomGenerator random);

    static Topology fullMesh() {
        return new FullMesh();
    }

    static Topology star(String hub) {
        return new Star(hub);
    }

    static Topology randomRegular(int degree) {
        return new RandomRegular(degree);
    }

    static Topology explicit(Map<String, List<String>> peers) {
        return new Explicit(peers);
    }

    /** Everyone knows everyone. */
    record FullMesh() implements Topology {
        @Override
        public Map<String, List<String>> peers(List<String> devices, RandomGenerator random) {
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (String device : devices) {
                List<String> others = new ArrayList<>(devices);
                others.remove(device);
                result.put(device, others);
            }
            return result;
        }
    }

    /** Everyone knows the hub; the hub knows everyone. */
    record Star(String hub) implements Topology {
        @Override
        public Map<String, List<String>> peers(List<String> devices, RandomGenerator random) {
            if (!devices.contains(hub)) {
                throw new IllegalArgumentException("topology.hub '" + hub + "' is not one of the devices " + devices);
            }
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (String device : devices) {
                result.put(device, device.equals(hub) ? without(devices, hub) : List.of(hub));
            }
            return result;
        }
    }

    /**
     * A random graph where every device has {@code degree} peers (links are symmetric), drawn by
     * the configuration model and redrawn until it has no self-loops or double links.
     */
    record RandomRegular(int degree) implements Topology {
        private static final int ATTEMPTS = 1_000;

        @Override
        public Map<String, List<String>> peers(List<String> devices, RandomGenerator random) {
            int n = devices.size();
            if (degree < 1 || degree >= n || (n * degree) % 2 != 0) {
                throw new IllegalArgumentException("topology.degree must be in [1, " + (n - 1) + "] with devices × degree even; was "
                        + degree + " for " + n + " devices");
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Map<String, List<String>> graph = tryPairing(devices, random);
                if (graph != null) {
                    return graph;
                }
            }
            throw new IllegalStateException("no simple " + degree + "-regular graph found on " + n + " devices in " + ATTEMPTS + " attempts");
        }

        private Map<String, List<String>> tryPairing(List<String> devices, RandomGenerator random) {
            List<String> stubs = new ArrayList<>();
            for (String device : devices) {
                for (int i = 0; i < degree; i++) {
                    stubs.add(device);
                }
            }
            for (int i = stubs.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                stubs.set(i, stubs.set(j, stubs.get(i)));
            }
            Map<String, List<String>> graph = new LinkedHashMap<>();
            devices.forEach(d -> graph.put(d, new ArrayList<>()));
            for (int i = 0; i < stubs.size(); i += 2) {
                String a = stubs.get(i);
                String b = stubs.get(i + 1);
                if (a.equals(b) || graph.get(a).contains(b)) {
                    return null;
                }
                graph.get(a).add(b);
                graph.get(b).add(a);
            }
            return graph;
        }
    }

    /** Peer lists given by hand; every name must be a device. */
    record Explicit(Map<String, List<String>> peers) implements Topology {
        @Override
        public Map<String, List<String>> peers(List<String> devices, RandomGenerator random) {
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (String device : devices) {
                List<String> list = peers.getOrDefault(device, List.of());
                for (String peer : list) {
                    if (!devices.contains(peer)) {
                        throw new IllegalArgumentException("topology.peers." + device + " names '" + peer
                                + "', which is not one of the devices " + devices);
                    }
                }
                result.put(device, List.copyOf(list));
            }
            return result;
        }
    }

    private static List<String> without(List<String> devices, String device) {
        List<String> others = new ArrayList<>(devices);
        others.remove(device);
        return others;
    }
}
