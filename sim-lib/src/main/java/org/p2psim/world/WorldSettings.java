package org.p2psim.world;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Topology;
import org.p2psim.net.LinkConditions;
import org.p2psim.sync.SyncStrategy;

/**
 * What a {@link Community} is assembled from: the seed, where device files go ({@code null}: a
 * temporary directory), the initial devices and who knows whom, the device and sync settings,
 * and the stores some devices start from.
 */
public record WorldSettings(long seed, Path directory, List<String> devices, Topology topology, int maxPeers,
        Duration peerExchange, Duration clockOffsetSd, double clockDriftPpmSd, LinkConditions net,
        Duration skewWindow, Supplier<SyncStrategy> strategy, SignatureMode signatures, Map<String, Path> stores) {
    public WorldSettings {
        devices = List.copyOf(devices);
        stores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stores));
    }
}
