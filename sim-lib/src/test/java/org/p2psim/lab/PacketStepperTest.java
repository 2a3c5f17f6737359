package org.p2psim.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.metrics.facts.PacketRow;

class PacketStepperTest {

    private static Simulation threePeers(long seed) {
        Simulation sim = Simulation.builder().seed(seed).devices("alice", "bob", "carol").loss(0.2).build();
        sim.history("alice", 6, "general");
        sim.history("carol", 4, "general");
        return sim;
    }

    private static boolean between(PacketRow p, String a, String b) {
        return List.of(a, b).contains(p.from()) && List.of(a, b).contains(p.to());
    }

    @Test
    void aStepStopsRightAfterTheEventThatDecidesTheNextPacket() {
        try (Simulation stepped = threePeers(1); Simulation twin = threePeers(1)) {
            PacketStepper steps = PacketStepper.of(stepped).devices("alice", "bob");
            for (int i = 0; i < 15; i++) {
                PacketStep step = steps.next();
                assertTrue(step.found());
                // the twin runs one event at a time until a packet between alice and bob has its fate
                int seen = twin.metrics().packetRows().size();
                List<PacketRow> decided = new ArrayList<>();
                while (decided.isEmpty()) {
                    assertTrue(twin.step());
                    List<PacketRow> rows = twin.metrics().packetRows();
                    rows.subList(seen, rows.size()).stream().filter(p -> between(p, "alice", "bob")).forEach(decided::add);
                    seen = rows.size();
                }
                assertEquals(twin.scheduler().executed(), stepped.scheduler().executed(), "step " + i + " ran as many events");
                assertEquals(twin.scheduler().now(), stepped.scheduler().now());
                assertEquals(decided, step.packets());
                assertEquals(step.packet().doneAt(), stepped.scheduler().now(), "it stops at the packet's fate");
                assertTrue(between(step.packet(), "alice", "bob"));
            }
        }
    }

    @Test
    void steppingThroughIsTheSameRunAsRunningStraightThroughAndAnotherSeedDiffers() {
        String stepped;
        try (Simulation sim = threePeers(1)) {
            PacketStep last = PacketStepper.of(sim).next(25);
            assertTrue(last.found());
            assertTrue(last.html().contains("<svg") && last.html().contains("stroke-width=\"3.5\""), "the card highlights the packet");
            sim.runFor(Duration.ofMinutes(3).minus(Duration.ofNanos(sim.scheduler().now() * 1000)));
            stepped = sim.traceSha256();
        }
        assertEquals(straight(1), stepped);
        assertNotEquals(straight(2), stepped);
    }

    private static String straight(long seed) {
        try (Simulation sim = threePeers(seed)) {
            sim.runFor(Duration.ofMinutes(3));
            return sim.traceSha256();
        }
    }

    @Test
    void aStepThatFindsNoPacketStopsAtItsLimitAndSaysSo() {
        try (Simulation sim = threePeers(1)) {
            PacketStep step = PacketStepper.of(sim).limit(Duration.ofMillis(1)).next();
            assertFalse(step.found());
            assertEquals(1_000L, sim.scheduler().now());
            assertTrue(step.headline().startsWith("no packet"), step.headline());
        }
    }

    @Test
    void theCardTellsWhatTheStepChanged() {
        try (Simulation sim = Simulation.builder().seed(1).devices("alice", "bob").build()) {
            sim.history("alice", 3, "general");
            PacketStepper steps = PacketStepper.of(sim).devices("alice", "bob");
            PacketStep step = steps.next();
            while (!step.packet().type().equals("event")) {
                step = steps.next();
            }
            assertEquals(1, step.heldAfter().get("bob") - step.heldBefore().get("bob"), "bob stored the event it received");
            assertTrue(step.notes().contains("bob holds " + step.heldAfter().get("bob") + " events (+1)"), step.notes().toString());
            assertTrue(step.headline().contains("alice → bob event"), step.headline());
        }
    }
}
