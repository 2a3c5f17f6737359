package org.p2psim.sync.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.metrics.facts.PacketRow;

class GossipPushTest {

    /**
     * Ten devices, fanout 2, anti-entropy only every hour: the author pushes the new event to exactly
     * two peers at once; every device that stores it pushes it on to at most two others, never back to
     * the one it came from, and only once.
     */
    @Test
    void eachDevicePushesANewEventOnceToFanoutPeers(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(2).devices(10).signatures(SignatureMode.FAST)
                .strategy("gossip-push", Map.of("fanout", 2, "antiEntropy", Duration.ofHours(1))).directory(dir).build()) {
            sim.runFor(Duration.ofSeconds(1));
            long before = sim.metrics().packetRows().size();
            sim.post("d00", "general", "rumour");
            sim.runFor(Duration.ofSeconds(5));
            List<PacketRow> events = sim.metrics().packetRows().subList((int) before, sim.metrics().packetRows().size())
                    .stream().filter(r -> r.type().equals("event")).toList();
            Map<String, Integer> pushes = new HashMap<>();
            Map<String, String> firstFrom = new HashMap<>();
            for (PacketRow r : events) {
                pushes.merge(r.from(), 1, Integer::sum);
            }
            assertEquals(2, pushes.get("d00"));
            pushes.values().forEach(n -> assertTrue(n <= 2, pushes.toString()));
            for (PacketRow r : events) {
                firstFrom.putIfAbsent(r.to(), r.from());
            }
            for (PacketRow r : events) {
                assertTrue(!r.to().equals(firstFrom.get(r.from())) || r.from().equals("d00"),
                        r.from() + " pushed back to " + r.to() + ", from whom it had it");
            }
            assertEquals(pushes.size(), sim.devices().stream().filter(d -> d.store().size() == 1).count(),
                    "every device that got it pushed it on, and only those");
        }
    }

    /** With loss the rumour dies out short of some devices; anti-entropy brings it to them. */
    @Test
    void antiEntropyRepairsWhatPushMissed(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(3).devices(12).loss(0.5).signatures(SignatureMode.FAST)
                .strategy("gossip-push", Map.of("fanout", 1, "antiEntropy", "20s")).directory(dir).build()) {
            sim.post("d00", "general", "rumour");
            sim.runFor(Duration.ofSeconds(2));
            assertTrue(sim.devices().stream().anyMatch(d -> d.store().size() == 0), "push alone must miss someone here");
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(10)), sim.devicesTable().print());
            assertTrue(sim.metrics().packetRows().stream().anyMatch(r -> r.type().equals("recon")));
        }
    }
}
