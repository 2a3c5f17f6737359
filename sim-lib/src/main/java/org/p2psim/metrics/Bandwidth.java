package org.p2psim.metrics;

import org.p2psim.metrics.collect.Collectors;

/** The bandwidth ratios and the reconciliation floor, from the packet ledger and the first deliveries. */
final class Bandwidth {
    private Bandwidth() {}

    static double overheadRatio(Collectors c) {
        long first = c.latencies().firstDeliveryBytes();
        return first == 0 ? Double.NaN : c.packets().bytesSent() / (double) first;
    }

    /** Σ over devices (registration order) of log₂ C(2¹²⁸, d) / 8, d being the events the device received. */
    static double floorIdBytes(Collectors c) {
        double bytes = 0;
        for (long received : c.truth().received()) {
            bytes += ReconciliationFloor.idBytes(received);
        }
        return bytes;
    }

    static double floorBytes(Collectors c) {
        return c.latencies().firstDeliveryBytes() + floorIdBytes(c);
    }

    static double bytesOverFloor(Collectors c) {
        double floor = floorBytes(c);
        return floor == 0 ? Double.NaN : c.packets().bytesSent() / floor;
    }
}
