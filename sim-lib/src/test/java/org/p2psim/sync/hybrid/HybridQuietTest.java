package org.p2psim.sync.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.net.PacketRecord;
import org.p2psim.net.PacketType;

/** An idle pair stops paying a filter every interval, and a new event still travels within two rounds. */
class HybridQuietTest {

    private record Outcome(long filters, long coded, double lateArrivalSeconds) {}

    private static Outcome run(Path dir, int quietLevels) {
        List<PacketRecord> records = new ArrayList<>();
        try (Simulation sim = Simulation.builder().seed(3).devices("alice", "bob").directory(dir)
                .strategy("hybrid", Map.of("quietLevels", quietLevels)).network(n -> n.onPacket(records::add)).build()) {
            sim.history("alice", 50, "general");
            sim.runFor(Duration.ofMinutes(20));
            assertEquals(50, sim.device("bob").store().size());
            String late = sim.post("alice", "general", "after twenty quiet minutes");
            double postedAt = sim.nowSeconds();
            assertTrue(sim.runUntil(() -> sim.device("bob").store().contains(late), Duration.ofMinutes(5)), "the late event arrived");
            double arrival = sim.nowSeconds() - postedAt;
            return new Outcome(count(records, PacketType.FILTER), count(records, PacketType.CODED), arrival);
        }
    }

    private static long count(List<PacketRecord> records, PacketType type) {
        return records.stream().filter(r -> r.type() == type).count();
    }

    @Test
    void anIdlePairSendsFarFewerRoundsAndANewEventStillArrivesWithinTwoFilterIntervals(@TempDir Path dir) {
        Outcome everyRound = run(dir.resolve("every"), 0);
        Outcome quiet = run(dir.resolve("quiet"), 3);
        // 20 min at 10 s: about 120 filters per device with every round; thinned to every 8th: about 17
        assertTrue(quiet.filters() * 4 < everyRound.filters(), quiet + " vs " + everyRound);
        assertTrue(quiet.coded() * 3 < everyRound.coded(), quiet + " vs " + everyRound);
        // the poster's filter changed (next round, ≤ 10 s), so the peer's comes back (≤ 10 s more), then the push
        assertTrue(quiet.lateArrivalSeconds() <= 21, "late event after " + quiet.lateArrivalSeconds() + " s");
    }
}
