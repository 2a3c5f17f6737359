package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.p2psim.device.RateLimit;
import org.p2psim.scenario.spec.HostileSpec;

/** The hostile section: read, written back, and bad values named. */
class HostileFormatTest {
    private static final String BASE = "name: t\nduration: 1m\ndevices: {names: [a, b, m]}\n";

    private static Scenario parse(String hostile) {
        return Scenario.parse(BASE + hostile, "t.yaml");
    }

    @Test
    void absentMeansNoneAndIsNotWritten() {
        Scenario s = parse("");
        assertTrue(s.hostile().isNone());
        assertTrue(!s.toYaml().contains("hostile"));
    }

    @Test
    void rolesEveryBurstAndRateLimitAreReadAndSurviveTheRoundTrip() {
        Scenario s = parse("hostile: {roles: {m: flooder}, every: 2s, burst: 7, rateLimit: {events: 60, bytes: 64KB}}\n");
        assertEquals(new HostileSpec(java.util.Map.of("m", "flooder"), Duration.ofSeconds(2), 7, new RateLimit(60, 64_000)),
                s.hostile());
        assertEquals(s, Scenario.parse(s.toYaml(), "t.yaml"));
    }

    @Test
    void badValuesNameTheFieldAndWhatIsAllowed() {
        String role = assertThrows(ScenarioException.class, () -> parse("hostile: {roles: {m: thief}}\n")).getMessage();
        assertTrue(role.contains("hostile.roles.m") && role.contains("flooder"), role);
        String device = assertThrows(ScenarioException.class, () -> parse("hostile: {roles: {zed: liar}}\n")).getMessage();
        assertTrue(device.contains("hostile.roles.zed") && device.contains("no device"), device);
        String burst = assertThrows(ScenarioException.class, () -> parse("hostile: {burst: 0}\n")).getMessage();
        assertTrue(burst.contains("hostile.burst"), burst);
        String every = assertThrows(ScenarioException.class, () -> parse("hostile: {every: 1ms}\n")).getMessage();
        assertTrue(every.contains("hostile.every") && every.contains("10ms"), every);
        String events = assertThrows(ScenarioException.class, () -> parse("hostile: {rateLimit: {events: -1}}\n")).getMessage();
        assertTrue(events.contains("hostile.rateLimit.events"), events);
    }
}
