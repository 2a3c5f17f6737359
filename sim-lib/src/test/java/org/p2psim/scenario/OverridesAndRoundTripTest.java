package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2psim.device.Topology;
import org.p2psim.scenario.spec.Action;
import org.p2psim.scenario.spec.LatencySpec;
import org.p2psim.scenario.spec.LossSpec;
import org.p2psim.scenario.spec.ScheduledAction;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sync.bloom.BloomSeedParams;

/** Overrides by field path, the canonical YAML and its round trip, and the units of the format. */
class OverridesAndRoundTripTest {
    private static final String RICH = """
            name: rich
            description: "every form: log-normal latency, Gilbert-Elliott loss, bandwidth, an explicit graph, every action"
            duration: 1h30m
            seed: -42
            devices: {names: [a, b, c, d], clockOffsetSd: 1.5s, clockDriftPpmSd: 12.5, skewWindow: 2m, maxPeers: 3, peerExchange: 0s}
            topology: {kind: explicit, peers: {a: [b, c], b: [a], c: [a, d], d: [c]}}
            net:
              latency: {base: 20ms, median: 10ms, sigma: 0.8}
              loss: {goodToBad: 0.02, badToGood: 0.3, inGood: 0.001, inBad: 0.9}
              duplicate: 0.005
              mtu: 1200
              uplink: 2Mbit/s
              downlink: 1234.5
              bucket: 4KiB
              queue: 100000
            sync: {strategy: bloom-seed, interval: 7500ms, bytes: 900, hashes: 5, saltEachRound: true, maxPerRound: 30}
            crypto: {signatures: fast}
            workload:
              channels: [general, random, dev]
              history: {count: {a: 5, d: 7}, channel: dev}
              messages: {ratePerMinute: 1.25, start: 30s, until: 1h, textLength: 12, devices: [a, b, e]}
            schedule:
              - {at: 10m, leave: b, graceful: false}
              - {at: 5m, join: e, via: a}
              - {at: 6m, join: a-phone, via: a, account: a}
              - {at: 7m, join: f, via: e, account: team-f}
              - {at: 20m, reconnect: b}
              - {at: 25m, partition: [[a, e], [c, d]], for: 90s}
              - {at: 30m, isolate: [d]}
              - {at: 40m, heal: all}
              - {at: 45m, net: {latency: {mean: 120ms, sd: 30ms}, loss: 0.1, burst: 3, duplicate: 0}}
              - {at: 50m, link: [a, e], net: {loss: 0.4}}
              - {at: 55m, device: e, net: {uplink: 64kbit/s, downlink: unlimited}}
              - {at: 60m, net: {downlink: 10Mbit/s}}
            """;

    @Test
    void overridesSetFieldsByPath() {
        Scenario s = Scenario.load("twenty-devices")
                .with("net.loss", "0.2")
                .with("duration", "10m")
                .with("sync.bytes", "800")
                .with("devices.count", "30")
                .with("net.latency.sd", "5ms")
                .with("schedule[1].at", "7m")
                .with("schedule.0.graceful", "false");
        assertEquals(new LossSpec.Independent(0.2), s.net().loss());
        assertEquals(Duration.ofMinutes(10), s.duration());
        assertEquals(800, ((BloomSeedParams) s.sync().params()).packetBytes());
        assertEquals(30, s.deviceNames().size());
        assertEquals(new LatencySpec.Normal(Duration.ofMillis(40), Duration.ofMillis(5)), s.net().latency());
        assertEquals(new ScheduledAction(Duration.ofMinutes(7), new Action.Reconnect("d07")), s.schedule().get(1));
        assertEquals(new Action.Leave("d07", false), s.schedule().get(0).action());
    }

    @Test
    void overridesCanAppendReplaceAndReset() {
        Scenario twenty = Scenario.load("twenty-devices");
        Scenario appended = twenty.with("schedule[2]", "{at: 4m, isolate: [d01, d02], for: 30s}");
        assertEquals(new Action.Isolate(List.of("d01", "d02"), Duration.ofSeconds(30)), appended.schedule().get(2).action());
        Scenario star = twenty.with("topology", "{kind: star, hub: d03}");
        assertEquals(Topology.star("d03"), star.topology());
        Scenario reset = twenty.with("net.loss", "");
        assertEquals(LossSpec.NONE, reset.net().loss());
        Scenario fromNothing = Scenario.load("two-peers").with("schedule[0]", "{at: 1m, leave: bob}");
        assertEquals(new Action.Leave("bob", true), fromNothing.schedule().get(0).action());
    }

    @Test
    void cliOverridesApplyToTheFileInOrder() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("net.loss", "0.3");
        sets.put("net.burst", "2");
        sets.put("workload.messages", "{ratePerMinute: 2, textLength: 20}");
        Scenario s = Scenario.load("two-peers", sets);
        assertEquals(new LossSpec.Bursty(0.3, 2), s.net().loss());
        assertEquals(2, s.workload().messages().ratePerMinute());
        assertEquals(20, s.workload().messages().textLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"two-peers", "twenty-devices", "perfect-sync", "lossy-network"})
    void builtinsSurviveTheRoundTrip(String name) {
        Scenario s = Scenario.load(name);
        assertEquals(s, Scenario.parse(s.toYaml()));
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Scenario s = Scenario.parse(RICH, "rich.yaml");
        Scenario back = Scenario.parse(s.toYaml(), "rich.yaml");
        assertEquals(s, back);
        assertEquals(s.toYaml(), back.toYaml());
        assertEquals(-42L, back.seed());
        assertEquals(List.of("a", "b", "c", "d", "e", "a-phone", "f"), back.allDeviceNames());
        assertEquals(List.of(new Action.Join("e", "a", "e"), new Action.Join("a-phone", "a", "a"),
                new Action.Join("f", "e", "team-f")), back.schedule().stream().map(ScheduledAction::action)
                .filter(a -> a instanceof Action.Join).toList(), "accounts survive, the default one included");
        assertTrue(back.toYaml().contains("account: \"team-f\"") || back.toYaml().contains("account: team-f"), back.toYaml());
        assertEquals(1234.5, back.net().downlink());
        assertEquals(4096, back.net().bucket());
        assertEquals(s, s.with(Map.of()), "re-binding the canonical tree changes nothing");
    }

    @ParameterizedTest
    @CsvSource({"250ms, 250000", "10s, 10000000", "5m, 300000000", "1h, 3600000000", "1h30m, 5400000000", "1.5s, 1500000",
        "12us, 12", "12µs, 12", "2 min, 120000000", "1d, 86400000000", "0, 0", "1m 30s, 90000000"})
    void durationsParse(String text, long micros) {
        assertEquals(Duration.ofNanos(micros * 1000), Units.parseDuration(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "250000, 250ms", "90000000, 1m30s", "5400000000, 1h30m", "1500000, 1.5s", "12, 12us", "7200000000, 2h",
        "810000000, 13m30s", "61000500, 61.0005s"})
    void durationsFormatExactly(long micros, String text) {
        Duration d = Duration.ofNanos(micros * 1000);
        assertEquals(text, Units.formatDuration(d));
        assertEquals(d, Units.parseDuration(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 parsecs", "-5s", "5", "1.2.3s", "s", "5ms10", "0.5us"})
    void badDurationsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration(text));
    }

    @Test
    void ratesAndSizesParse() {
        assertEquals(125_000, Units.parseRate("1Mbit/s"));
        assertEquals(125_000, Units.parseRate("1 Mbps"));
        assertEquals(125_000, Units.parseRate("125kB/s"));
        assertEquals(Double.POSITIVE_INFINITY, Units.parseRate("unlimited"));
        assertEquals("8Mbit/s", Units.formatRate(1_000_000));
        assertEquals(65_536, Units.parseSize("64KiB"));
        assertEquals(1_000_000, Units.parseSize("1MB"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseRate("fast"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("1.5B"));
    }
}
