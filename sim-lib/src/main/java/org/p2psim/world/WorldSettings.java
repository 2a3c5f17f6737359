package org.p2psim.world;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Topology;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.scenario.spec.DeviceSpec;
import org.p2psim.sync.SyncStrategy;

/**
 * What a {@link Community} is assembled from: the seed, where device files go ({@code null}: a
 * temporary directory), the initial devices and their settings as a scenario's {@link DeviceSpec},
 * who knows whom, the links' default conditions, the sync strategy, and the stores some devices
 * start from.
 */
public record WorldSettings(long seed, Path directory, DeviceSpec devices, Topology topology, LinkConditions net,
        Supplier<SyncStrategy> strategy, SignatureMode signatures, Map<String, Path> stores) {
    public WorldSettings {
        stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
    }
}
