package org.p2psim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2psim.scenario.spec.DeviceSpec;

/** The builder produces a scenario's spec records, starting from their declared defaults. */
class SimulationSpecTest {
    static final class Plain extends SimulationSpec.Builder<Plain> {
        WorldSettings settings() {
            return spec().settings();
        }
    }

    @Test
    void defaultsAreTheSpecRecordsDefaults() {
        DeviceSpec devices = new Plain().settings().devices();
        assertEquals(DeviceSpec.DEFAULTS.withNames(List.of("alice", "bob")), devices);
    }

    @Test
    void settersChangeOnlyTheirField() {
        DeviceSpec devices = new Plain().devices(3).maxPeers(4).peerExchange(Duration.ofSeconds(5))
                .clockSkew(Duration.ofSeconds(2), 10).skewWindow(Duration.ofSeconds(90)).settings().devices();
        assertEquals(new DeviceSpec(3, List.of("d00", "d01", "d02"), Duration.ofSeconds(2), 10, Duration.ofSeconds(90), 4,
                Duration.ofSeconds(5), Map.of()), devices);
    }

    @Test
    void aDeviceFromAStoreJoinsTheDevices() {
        WorldSettings settings = new Plain().devices("a").deviceFromStore("b", Path.of("b.sqlite")).settings();
        assertEquals(List.of("a", "b"), settings.devices().deviceNames());
    }
}
