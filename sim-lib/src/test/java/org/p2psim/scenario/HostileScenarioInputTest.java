package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "unbounded fields" and "YAML": each value found to crash or hang a run later is refused
 * at load naming the field, the value and the range; the run's whole cost is bounded before it starts;
 * a huge file is refused before it is parsed; anchors and aliases are refused with line and column;
 * invalid UTF-8 names the byte. {@code --set} goes through the same checks.
 */
class HostileScenarioInputTest {
    private static final String FILE = "scenarios/x.yaml";
    private static final String BASE = "duration: 1m\ndevices: {names: [alice, bob]}\n";

    private static String refusal(String yaml) {
        return assertThrows(ScenarioException.class, () -> Scenario.parse(yaml, FILE)).getMessage();
    }

    /** Regression: ratePerMinute=1e9 was accepted and ended in OutOfMemoryError after a minute. */
    @Test
    void aHugeMessageRateIsRefusedAtLoadWithItsRange() {
        assertEquals(FILE + ": workload.messages.ratePerMinute must be a number in [0, 10000] per minute, was 1.0E9",
                refusal(BASE + "workload: {messages: {ratePerMinute: 1e9}}"));
    }

    /** Regression: clockDriftPpmSd=1e308 failed only when the simulation was built, with exit 1 and no field name. */
    @Test
    void hugeClockSpreadsAreRefusedAtLoadWithTheirRange() {
        assertEquals(FILE + ": devices.clockDriftPpmSd must be a number in [0, 10000] ppm, was 1.0E308",
                refusal("duration: 1m\ndevices: {names: [alice, bob], clockDriftPpmSd: 1e308}"));
        assertEquals(FILE + ": devices.clockOffsetSd must be a duration of at most 366d, was '100000d'",
                refusal("duration: 1m\ndevices: {names: [alice, bob], clockOffsetSd: 100000d}"));
    }

    /** Regression: sync.interval=1us was accepted and a one-minute run did not finish. */
    @Test
    void theWholeRunsCostIsBoundedBeforeItStarts() {
        assertEquals(FILE + ": would take about 120000000 sync timer firings (2 devices over 1m with sync.interval = 1us);"
                + " at most 50000000 are allowed: lengthen the interval, or shorten the duration",
                refusal(BASE + "sync: {strategy: want-list, interval: 1us}"));
        String events = refusal("duration: 366d\ndevices: {count: 100}\nworkload: {messages: {ratePerMinute: 60}}");
        assertTrue(events.startsWith(FILE + ": would generate about 3162240000 events (100 devices over 8784h at "), events);
        Scenario.parse(BASE + "sync: {strategy: want-list, interval: 10ms}", FILE); // 12 000 firings: fine
    }

    /** A flooder with burst 1000 every 10ms is events and packets too: the bound counts the hostile section. */
    @Test
    void theCostBoundCountsHostileMembers() {
        String flood = "duration: 1d\ndevices: {names: [alice, bob, mallory]}\nhostile: {roles: {mallory: flooder}, every: 10ms, burst: 1000}\n";
        String events = refusal(flood);
        assertTrue(events.startsWith(FILE + ": would generate about 8640000000 events (3 devices over 24h at "), events);
        assertTrue(events.contains("8640000000 from hostile members at hostile.burst = 1000 every 10ms"), events);
        String sends = refusal("duration: 10m\ndevices: {count: 100}\nhostile: {roles: {d00: flooder}, every: 10ms, burst: 100}\n");
        assertTrue(sends.startsWith(FILE + ": hostile members would send about 594000000 packets (1 of them, hostile.burst = 100 every 10ms,"), sends);
        String acts = refusal("duration: 30d\ndevices: {count: 100}\nhostile: {roles: {d00: liar, d01: replayer}, every: 10ms, burst: 1}\n");
        assertTrue(acts.contains("sync timer firings") && acts.contains("hostile.every = 10ms"), acts);
        Scenario.parse("duration: 1m\ndevices: {names: [alice, bob, mallory]}\nhostile: {roles: {mallory: flooder}, every: 10ms, burst: 10}\n", FILE);
        Scenario.parse("duration: 1d\ndevices: {names: [alice, bob, mallory]}\nhostile: {roles: {mallory: withholder}, every: 10ms, burst: 1000}\n", FILE);
    }

    @Test
    void overridesGoThroughTheSameChecks() {
        Scenario s = Scenario.parse(BASE, FILE);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioFiles.parse(BASE, FILE, "x").with(Map.of("workload.messages.ratePerMinute", "1e9")).bind());
        assertEquals(FILE + ": workload.messages.ratePerMinute must be a number in [0, 10000] per minute, was 1.0E9", e.getMessage());
        ScenarioException alias = assertThrows(ScenarioException.class,
                () -> ScenarioFiles.parse(BASE, FILE, "x").with(Map.of("duration", "*d")));
        assertTrue(alias.getMessage().contains("uses YAML alias *d at line 1, column 1"), alias.getMessage());
        assertEquals(2, s.devices().deviceNames().size());
    }

    /** Regression: {@code duration: &d 10m} then {@code *d} gave the value 'd'. */
    @Test
    void anAnchorAndItsAliasAreRefusedWithLineAndColumn() {
        assertEquals(FILE + ": uses YAML anchor &d at line 1, column 11; anchors and aliases are not supported in scenarios:"
                + " write the value out", refusal("duration: &d 10m\ndevices: {count: 2}\nsmall: {duration: *d}\n"));
    }

    /** Regression: an alias of no anchor was taken as a string. */
    @Test
    void anUndefinedAliasIsRefusedWithLineAndColumn() {
        assertEquals(FILE + ": uses YAML alias *nowhere at line 3, column 7; anchors and aliases are not supported in scenarios:"
                + " write the value out", refusal(BASE + "name: *nowhere\n"));
    }

    /** Regression: a scenario file was parsed before its size was checked (8 MB took 20 s to be refused). */
    @Test
    void aHugeFileIsRefusedBeforeItIsParsed(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        // valid YAML (a scenario and 8 MiB of comment lines), so that only the size check can refuse it
        Files.writeString(big, BASE + ("# " + "x".repeat(1021) + "\n").repeat(8 << 10));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.load(big.toString()));
        assertEquals(big + ": is " + Files.size(big) + " bytes; a scenario file may have at most 1048576 (1 MiB)", e.getMessage());
    }

    /** Regression: invalid UTF-8 was reported as "Input length = 1". */
    @Test
    void invalidUtf8NamesTheByte(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        byte[] head = "duration: 1m\nname: b".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = 'x';
        Files.write(bad, bytes);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.load(bad.toString()));
        assertEquals(bad + ": is not valid UTF-8: byte 20 (0xff, line 2) cannot be decoded", e.getMessage());
    }
}
