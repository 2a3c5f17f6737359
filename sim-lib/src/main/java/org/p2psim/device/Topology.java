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
     * A random graph where every device has {@code degree} peers (links are symmetric), by the
     * pairing model with local rejection (Steger and Wormald, 1999): random pairs of free link
     * ends are joined unless that would make a self-loop or a double link, and the whole pairing
     * starts over only when no allowed pair is left. Rejecting whole pairings instead succeeds with
     * probability about e^(−(d²−1)/4), hopeless from degree 6 on.
     */
    record RandomRegular(int degree) implements Topology {
        private static final int ATTEMPTS = 100;

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
            List<String> ends = new ArrayList<>();
            for (String device : devices) {
                for (int i = 0; i < degree; i++) {
                    ends.add(device);
                }
            }
            Map<String, List<String>> graph = new LinkedHashMap<>();
            devices.forEach(d -> graph.put(d, new ArrayList<>()));
            while (!ends.isEmpty()) {
                int[] pair = allowedPair(ends, graph, random);
                if (pair == null) {
                    return null;
                }
                String a = ends.get(pair[0]);
                String b = ends.get(pair[1]);
                graph.get(a).add(b);
                graph.get(b).add(a);
                removeAt(ends, Math.max(pair[0], pair[1]));
                removeAt(ends, Math.min(pair[0], pair[1]));
            }
            return graph;
        }

        /** A random allowed pair of free ends: a few random tries, then an exhaustive search from a random start. */
        private static int[] allowedPair(List<String> ends, Map<String, List<String>> graph, RandomGenerator random) {
            int m = ends.size();
            for (int tries = 0; tries < 50; tries++) {
                int i = random.nextInt(m);
                int j = random.nextInt(m);
                if (allowed(ends, graph, i, j)) {
                    return new int[] {i, j};
                }
            }
            int offset = random.nextInt(m);
            for (int x = 0; x < m; x++) {
                for (int y = x + 1; y < m; y++) {
                    int i = (x + offset) % m;
                    int j = (y + offset) % m;
                    if (allowed(ends, graph, i, j)) {
                        return new int[] {i, j};
                    }
                }
            }
            return null;
        }

        private static boolean allowed(List<String> ends, Map<String, List<String>> graph, int i, int j) {
            String a = ends.get(i);
            String b = ends.get(j);
            return i != j && !a.equals(b) && !graph.get(a).contains(b);
        }

        /** Removes index {@code i} by moving the last element into it: O(1), order does not matter here. */
        private static void removeAt(List<String> list, int i) {
            String last = list.remove(list.size() - 1);
            if (i < list.size()) {
                list.set(i, last);
            }
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
