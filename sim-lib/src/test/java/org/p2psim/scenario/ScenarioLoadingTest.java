package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Topology;
import org.p2psim.scenario.spec.Action;
import org.p2psim.scenario.spec.LatencySpec;
import org.p2psim.scenario.spec.LossSpec;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.scenario.spec.ScheduledAction;
import org.p2psim.sync.bloom.BloomSeedParams;

/** The built-in scenarios load from the checkout and from the classpath, with the values their files give. */
class ScenarioLoadingTest {

    @Test
    void twoPeersIsAliceAndBobWithTheirHistories() {
        Scenario s = Scenario.load("two-peers");
        assertEquals("two-peers", s.name());
        assertEquals(Duration.ofMinutes(30), s.duration());
        assertEquals(List.of("alice", "bob"), s.deviceNames());
        assertEquals(Topology.fullMesh(), s.topology());
        assertEquals(new LatencySpec.Normal(Duration.ofMillis(50), Duration.ZERO), s.net().latency());
        assertEquals(new LossSpec.Independent(0), s.net().loss());
        assertEquals("bloom-seed", s.sync().strategy());
        assertEquals(BloomSeedParams.DEFAULTS, s.sync().params());
        assertEquals(SignatureMode.REAL, s.signatures());
        assertEquals(200, s.workload().history().countFor("alice"));
        assertEquals(150, s.workload().history().countFor("bob"));
        assertEquals(0, s.workload().messages().ratePerMinute());
        assertTrue(s.schedule().isEmpty());
    }

    @Test
    void twentyDevicesHasARandomGraphLossChatterAndALeaver() {
        Scenario s = Scenario.load("twenty-devices");
        assertEquals(20, s.deviceNames().size());
        assertEquals("d00", s.deviceNames().get(0));
        assertEquals("d19", s.deviceNames().get(19));
        assertEquals(Topology.randomRegular(4), s.topology());
        assertEquals(new LossSpec.Independent(0.05), s.net().loss());
        assertEquals(new LatencySpec.Normal(Duration.ofMillis(40), Duration.ofMillis(10)), s.net().latency());
        assertEquals(Duration.ofMillis(500), s.devices().clockOffsetSd());
        assertEquals(SignatureMode.FAST, s.signatures());
        assertEquals(List.of("general", "random"), s.workload().channels());
        assertEquals(10, s.workload().history().countFor("d03"));
        assertEquals(0.5, s.workload().messages().ratePerMinute());
        assertEquals(Duration.ofMinutes(8), s.workload().messages().until());
        assertEquals(List.of(
                new ScheduledAction(Duration.ofMinutes(3), new Action.Leave("d07", true)),
                new ScheduledAction(Duration.ofMinutes(6), new Action.Reconnect("d07"))), s.schedule());
    }

    @Test
    void builtinsAreListedAndPackagedOnTheClasspath() {
        assertTrue(Scenario.builtins().containsAll(List.of("two-peers", "twenty-devices")), Scenario.builtins().toString());
        // sim-lib/pom.xml packages ../scenarios/*.yaml as scenarios/ in the jar (and target/classes)
        assertNotNull(getClass().getClassLoader().getResource("scenarios/two-peers.yaml"));
        assertNotNull(getClass().getClassLoader().getResource("scenarios/twenty-devices.yaml"));
    }

    @Test
    void aFileLoadsByPathAndTakesItsNameFromTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, "duration: 1m\ndevices: {count: 3}\n");
        Scenario s = Scenario.load(file.toString());
        assertEquals("tiny", s.name());
        assertEquals(List.of("d00", "d01", "d02"), s.deviceNames());
        assertNull(s.seed());
        assertEquals(Scenario.DEFAULT_SEED, s.seedOrDefault());
        assertEquals(NetSpec.DEFAULTS, s.net());
    }

    @Test
    void everyNetworkFormBinds() {
        Scenario s = Scenario.parse("""
                duration: 5m
                devices: {names: [a, b, c, d]}
                topology: {kind: explicit, peers: {a: [b], b: [a, c], c: [b]}}
                net:
                  latency: {base: 20ms, median: 10ms, sigma: 1}
                  loss: {goodToBad: 0.01, badToGood: 0.25}
                  duplicate: 0.01
                  mtu: 1200
                  uplink: 1Mbit/s
                  downlink: 125kB/s
                  bucket: 3000
                  queue: 64KiB
                """);
        assertEquals(new LatencySpec.LogNormal(Duration.ofMillis(20), Duration.ofMillis(10), 1), s.net().latency());
        assertEquals(new LossSpec.GilbertElliott(0.01, 0.25, 0, 1), s.net().loss());
        assertEquals(125_000, s.net().uplink());
        assertEquals(125_000, s.net().downlink());
        assertEquals(64 * 1024, s.net().queue());
        assertEquals(Topology.explicit(Map.of("a", List.of("b"), "b", List.of("a", "c"), "c", List.of("b"))), s.topology());
        Scenario bursty = Scenario.parse("duration: 1m\ndevices: {count: 2}\nnet: {loss: 0.1, burst: 4}\n");
        assertInstanceOf(LossSpec.Bursty.class, bursty.net().loss());
        assertEquals(0.1, bursty.net().loss().model().averageLoss(), 1e-12);
    }

    @Test
    void everyScheduleActionBinds() {
        Scenario s = Scenario.parse("""
                duration: 10m
                devices: {count: 4}
                schedule:
                  - {at: 1m, leave: d01, graceful: false}
                  - {at: 2m, reconnect: d01}
                  - {at: 90s, join: carol, via: d00}
                  - {at: 3m, partition: [[d00, carol], [d02, d03]], for: 1m}
                  - {at: 4m, isolate: d03}
                  - {at: 5m, heal: all}
                  - {at: 6m, net: {loss: 0.2, latency: 80ms}}
                  - {at: 7m, link: [d00, carol], net: {loss: 0.5, burst: 3}}
                  - {at: 8m, device: d02, net: {uplink: 64kbit/s}}
                """);
        assertEquals(new Action.Leave("d01", false), s.schedule().get(0).action());
        assertEquals(new Action.Join("carol", "d00"), s.schedule().get(2).action());
        assertEquals(new Action.Partition(List.of("d00", "carol"), List.of("d02", "d03"), Duration.ofMinutes(1)), s.schedule().get(3).action());
        assertEquals(new Action.Isolate(List.of("d03"), null), s.schedule().get(4).action());
        assertEquals(new Action.Heal(), s.schedule().get(5).action());
        assertEquals(new Action.NetChange(List.of(), null, LatencySpec.fixed(Duration.ofMillis(80)), new LossSpec.Independent(0.2),
                null, null, null), s.schedule().get(6).action());
        assertEquals(new Action.NetChange(List.of(), "d02", null, null, null, 8_000.0, null), s.schedule().get(8).action());
        assertEquals(Map.of("carol", Duration.ofSeconds(90)), s.joiners());
        assertEquals(List.of("d00", "d01", "d02", "d03", "carol"), s.allDeviceNames());
    }

    @Test
    void theFormatReferenceInScenariosReadmeIsAValidScenario() throws Exception {
        Path readme = ScenarioFiles.directories().get(0).resolve("README.md");
        String text = Files.readString(readme);
        String yaml = text.substring(text.indexOf("```yaml") + 7, text.indexOf("```", text.indexOf("```yaml") + 7));
        Scenario s = Scenario.parse(yaml, "scenarios/README.md");
        assertEquals("example", s.name());
        assertEquals(20, s.deviceNames().size());
        assertEquals(12, s.schedule().size());
        assertEquals(s, Scenario.parse(s.toYaml()));
    }
}
