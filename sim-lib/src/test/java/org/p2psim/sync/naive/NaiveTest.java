package org.p2psim.sync.naive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.net.Packet;

class NaiveTest {

    static Simulation twoPeers(Path dir, String mode) {
        Simulation sim = Simulation.builder().seed(1).devices("alice", "bob").signatures(SignatureMode.FAST)
                .network(n -> n.mtu(576)).strategy("naive", Map.of("mode", mode)).directory(dir).build();
        sim.history("alice", 300, "general");
        return sim;
    }

    /** 300 ids at a 576-byte MTU: 28 a packet, so 11 HAVE packets a round, and bob gets all 300 from the first round. */
    @Test
    void idsModeSendsTheWholeIdListInMtuSizedRanges(@TempDir Path dir) {
        try (Simulation sim = twoPeers(dir, "ids")) {
            sim.runFor(Duration.ofSeconds(10));
            List<PacketRow> haves = sim.metrics().packetRows().stream().filter(r -> r.type().equals("have") && r.from().equals("alice")).toList();
            int perPacket = (576 - Packet.OVERHEAD - 33) / 16;
            assertEquals(28, perPacket);
            assertEquals(11, haves.size());
            assertTrue(haves.stream().allMatch(r -> r.bytes() <= 576));
            assertEquals(300, sim.device("bob").store().size());
            assertEquals(300, sim.metrics().packetRows().stream().filter(r -> r.type().equals("event")).count(),
                    "alice sends each event bob lacks once; bob has nothing to send");
        }
    }

    @Test
    void eventsModeSendsEveryEventEveryRound(@TempDir Path dir) {
        try (Simulation sim = twoPeers(dir, "events")) {
            sim.runFor(Duration.ofSeconds(25));
            long events = sim.metrics().packetRows().stream().filter(r -> r.type().equals("event")).count();
            assertTrue(events >= 900, "alice's 300 at least twice, then bob's copies back: " + events);
            assertTrue(sim.metrics().packetRows().stream().allMatch(r -> r.type().equals("event")));
            assertTrue(sim.metrics().converged());
        }
    }
}
