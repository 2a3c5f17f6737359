package org.p2psim;

import org.p2psim.client.Client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Device;
import org.p2psim.device.Topology;
import org.p2psim.experiment.ReplayResult;
import org.p2psim.experiment.RunDirectory;
import org.p2psim.experiment.RunResult;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.net.Network;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimTime;
import tech.tablesaw.api.Table;

/**
 * A device that switches networks (Wi-Fi ↔ cellular, seed 004 §9 "Mobile User") gets a new address;
 * its peers lose what they send to the old one until they learn the new one from its next packet
 * or from peer exchange, and the run still converges.
 */
class AddressSwitchTest {
    private static final String STALE = "stale-address";

    private static void oneMessageEach(Simulation sim) {
        for (Device device : sim.devices()) {
            Client.of(device).sendMessage("general", "hello from " + device.name());
        }
    }

    private static List<PacketRow> stale(Simulation sim) {
        return sim.metrics().packetRows().stream().filter(r -> r.reason().equals(STALE)).toList();
    }

    @Test
    void packetsToTheOldAddressAreDroppedAsStaleAndCounted(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(1).devices(3).directory(dir).build()) {
            sim.network().handover(Duration.ofSeconds(15), Duration.ofSeconds(15));   // longer than a sync round
            oneMessageEach(sim);
            sim.runFor(Duration.ofMinutes(1));
            assertEquals(1, sim.switchNetwork("d02"));
            assertEquals(1, sim.network().address("d02"));
            assertEquals(Network.FIRST_ADDRESS, sim.device("d00").addressOf("d02"), "d00 does not know yet");
            sim.runFor(Duration.ofMinutes(1));

            List<PacketRow> stale = stale(sim);
            assertTrue(stale.size() >= 2, "each peer sends a filter to the old address during the gap: " + stale.size());
            assertTrue(stale.stream().allMatch(r -> r.to().equals("d02") && r.fate().equals("dropped")), stale.toString());
            Table undelivered = sim.metrics().undelivered();
            int row = undelivered.stringColumn("reason").indexOf("dropped:" + STALE);
            assertTrue(row >= 0, undelivered.print());
            assertEquals(stale.size(), undelivered.longColumn("packets").get(row));
            assertEquals(1, sim.device("d00").addressOf("d02"), "relearnt from d02's next packet");
            assertEquals(1, sim.device("d01").addressOf("d02"));
            assertEquals(Network.FIRST_ADDRESS, sim.device("d02").addressOf("d00"), "d00 did not move");
        }
    }

    @Test
    void theInspectorSaysWhoIsBetweenNetworks(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(1).devices(2).directory(dir).build()) {
            sim.network().handover(Duration.ofSeconds(2), Duration.ofSeconds(2));
            sim.switchNetwork("d01");
            Table matrix = org.p2psim.inspect.Inspection.of(sim).network().matrix();
            assertEquals(List.of("d01 between networks", "d01 between networks"), matrix.stringColumn("why").asList());
            sim.runFor(Duration.ofSeconds(2));
            assertEquals(List.of("ok", "ok"), org.p2psim.inspect.Inspection.of(sim).network().matrix().stringColumn("why").asList());
        }
    }

    /**
     * Six devices, d05 switches every 3 minutes while everyone posts: every switch costs a few stale
     * packets, sent within one sync round (10 s) plus the handover gap after the switch, and the run
     * converges with every event everywhere.
     */
    @Test
    void peersRelearnFromTheNextPacketAndTheRunConverges(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(2).devices(6).loss(0.05).signatures(SignatureMode.FAST)
                .directory(dir).build()) {
            List<Long> switches = new ArrayList<>();
            List<Long> relearnt = new ArrayList<>();
            for (int minute = 0; minute < 21; minute++) {
                long start = sim.scheduler().now();
                sim.post("d0" + (minute % 6), "general", "minute " + minute);
                if (minute % 3 == 2) {
                    sim.runFor(Duration.ofMillis(1_300L * (minute / 3)));   // at another phase of the sync rounds each time
                    long at = sim.scheduler().now();
                    switches.add(at);
                    int address = sim.switchNetwork("d05");
                    assertTrue(sim.runUntil(() -> everyoneKnows(sim, "d05", address), Duration.ofSeconds(50)),
                            "peers relearn d05's address within 50 s");
                    relearnt.add(sim.scheduler().now() - at);
                }
                sim.runFor(Duration.ofNanos((start + SimTime.ofSeconds(60) - sim.scheduler().now()) * 1000));   // to the next minute
            }
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(10)), sim.devicesTable().print());
            assertEquals(21, sim.metrics().truthSize());
            assertEquals(7, sim.network().address("d05"));
            for (Device device : sim.devices()) {
                if (!device.name().equals("d05")) {
                    assertEquals(7, device.addressOf("d05"), device.name() + " knows d05's last address");
                }
            }
            List<PacketRow> stale = stale(sim);
            assertTrue(stale.stream().allMatch(r -> r.to().equals("d05")), "only d05 moved");
            for (long at : switches) {
                List<PacketRow> after = stale.stream().filter(r -> r.sentAt() >= at && r.sentAt() < at + SimTime.ofSeconds(180)).toList();
                assertTrue(!after.isEmpty(), "the switch at " + SimTime.format(at) + " cost packets");
                long lastSent = after.get(after.size() - 1).sentAt() - at;
                assertTrue(lastSent <= SimTime.ofSeconds(25), "peers still sent to the old address "
                        + SimTime.format(lastSent) + " after the switch at " + SimTime.format(at) + ": more than two sync rounds");
            }
            assertTrue(relearnt.stream().allMatch(t -> t <= SimTime.ofSeconds(25)), "relearnt after " + relearnt + " µs");
            System.out.printf("%d switches of d05: %d packets dropped as stale (%.1f per switch) of %d sent;"
                    + " every peer knew the new address after %s s%n", switches.size(), stale.size(),
                    stale.size() / (double) switches.size(), sim.metrics().packetRows().size(),
                    relearnt.stream().map(t -> String.format("%.1f", SimTime.toSeconds(t))).toList());
        }
    }

    private static boolean everyoneKnows(Simulation sim, String device, int address) {
        return sim.devices().stream().filter(d -> !d.name().equals(device)).allMatch(d -> d.addressOf(device) == address);
    }

    /**
     * d00 never reaches d02 directly (a one-way cut), so after d00 switches, d02 can only learn its
     * new address second-hand: from d01's peer exchange. Then d02's packets reach d00 again.
     */
    @Test
    void peerExchangeCarriesTheNewAddress(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(3).devices(3).peerExchange(Duration.ofSeconds(30))
                .directory(dir).build()) {
            sim.network().partitionOneWay(List.of("d00"), List.of("d02"));
            oneMessageEach(sim);
            sim.runFor(Duration.ofMinutes(1));
            sim.switchNetwork("d00");
            Device d02 = sim.device("d02");
            assertEquals(Network.FIRST_ADDRESS, d02.addressOf("d00"));
            sim.runUntil(() -> d02.addressOf("d00") == 1, Duration.ofMinutes(2));
            assertEquals(1, d02.addressOf("d00"), "learnt through d01's peer list");
            long learnt = sim.scheduler().now();
            sim.runFor(Duration.ofSeconds(30));
            List<PacketRow> fromD02 = sim.metrics().packetRows().stream()
                    .filter(r -> r.from().equals("d02") && r.to().equals("d00") && r.sentAt() >= learnt).toList();
            assertTrue(!fromD02.isEmpty());
            assertTrue(fromD02.stream().allMatch(r -> r.fate().equals("delivered")), fromD02.toString());
            assertTrue(sim.metrics().packetRows().stream().anyMatch(r -> r.from().equals("d02") && r.reason().equals(STALE)),
                    "before it learnt, d02 sent to the old address");
        }
    }

    // ---- the scenario action, determinism and replay ----

    static final String COMMUTER = """
            name: commuter
            duration: 6m
            seed: 4
            devices: {count: 4}
            net: {latency: {mean: 30ms, sd: 10ms}, loss: 0.02}
            crypto: {signatures: fast}
            workload:
              channels: [general]
              messages: {ratePerMinute: 2, until: 5m, textLength: 30}
            schedule:
              - {at: 1m, switch: d01}
              - {at: 2m, leave: d02}
              - {at: 150s, switch: d02}
              - {at: 3m, reconnect: d02}
              - {at: 3m, switch: d01}
              - {at: 4m, switch: d03}
            """;

    @Test
    void aScheduledSwitchIsRecordedAndAReplayMatches(@TempDir Path tmp) {
        Scenario scenario = Scenario.parse(COMMUTER, "commuter.yaml");
        RunResult run = ScenarioRun.of(scenario).seed(4).directory(tmp.resolve("run")).run();
        List<SimEvent> switches = run.simulation().timeline().events().stream()
                .filter(e -> e.kind().equals(SimEvent.SWITCH)).toList();
        assertEquals(List.of("d01", "d02", "d01", "d03"), switches.stream().map(SimEvent::device).toList());
        assertEquals(2, run.simulation().network().address("d01"));
        assertTrue(stale(run.simulation()).size() > 0);
        assertEquals(1.0, run.metrics().get("converged"), "every event everywhere by the end");

        ReplayResult replay = RunDirectory.replay(tmp.resolve("run"));
        assertTrue(replay.matches(), replay.toString());
        assertEquals(run.traceSha256(), replay.traceSha256());
    }

    @Test
    void sameSeedSameTraceOtherSeedAnother(@TempDir Path tmp) {
        Scenario scenario = Scenario.parse(COMMUTER, "commuter.yaml");
        String a = ScenarioRun.of(scenario).seed(4).directory(tmp.resolve("a")).run().traceSha256();
        String b = ScenarioRun.of(scenario).seed(4).directory(tmp.resolve("b")).run().traceSha256();
        String c = ScenarioRun.of(scenario).seed(5).directory(tmp.resolve("c")).run().traceSha256();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void aSwitchWithoutAnyStaleTrafficChangesNothingElse(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(6).devices(2).topology(Topology.explicit(java.util.Map.of()))
                .directory(dir).build()) {
            sim.switchNetwork("d00");
            sim.runFor(Duration.ofMinutes(1));
            assertEquals(0, sim.metrics().packetRows().size(), "strangers send nothing, switch or not");
            assertEquals(1, sim.timeline().size());
        }
    }
}
