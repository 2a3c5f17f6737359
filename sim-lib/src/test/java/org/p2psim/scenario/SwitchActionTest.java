package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2psim.scenario.spec.Action;
import org.p2psim.scenario.spec.ScheduledAction;

/** The schedule's {@code switch} action: a device moves to another network (Wi-Fi ↔ cellular). */
class SwitchActionTest {
    private static final String FILE = "scenarios/x.yaml";
    private static final String BASE = "duration: 5m\ndevices: {names: [alice, bob]}\n";

    @Test
    void aSwitchIsReadAsADeviceActionAndSurvivesTheRoundTrip() {
        Scenario s = Scenario.parse(BASE + "schedule:\n  - {at: 3m, switch: alice}\n  - {at: 1m, join: carol, via: bob}\n"
                + "  - {at: 2m, switch: carol}\n", FILE);
        assertEquals(new ScheduledAction(Duration.ofMinutes(3), new Action.Switch("alice")), s.schedule().get(0));
        assertEquals(new Action.Switch("carol"), s.schedule().get(2).action(), "a joiner can switch once it is there");
        assertTrue(s.schedule().get(0).action().isDeviceAction(), "recorded in the timeline, like leave");
        assertEquals("switch", s.schedule().get(0).action().kind());
        assertTrue(s.toYaml().contains("switch: alice"), s.toYaml());
        assertEquals(s, Scenario.parse(s.toYaml(), FILE));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a stranger switches", BASE + "schedule: [{at: 1m, switch: carol}]",
                        "schedule[0].switch names 'carol', which is not a device at 1m; devices then: alice, bob"),
                Arguments.of("a joiner switches before joining", BASE
                                + "schedule: [{at: 2m, join: carol, via: alice}, {at: 1m, switch: carol}]",
                        "schedule[1].switch names 'carol', which is not a device at 1m; devices then: alice, bob"),
                Arguments.of("an unknown field beside switch", BASE + "schedule: [{at: 1m, switch: alice, to: cellular}]",
                        "unknown field schedule[0].to; known: at, switch"),
                Arguments.of("a list of devices", BASE + "schedule: [{at: 1m, switch: [alice, bob]}]",
                        "schedule[0].switch must be a device name (letters, digits, '-', '_' or '.'), was a list"),
                Arguments.of("switch and leave in one entry", BASE + "schedule: [{at: 1m, leave: alice, switch: bob}]",
                        "schedule[0] has both leave and switch; give one action per entry"),
                Arguments.of("a switch after the end", BASE + "schedule: [{at: 6m, switch: alice}]",
                        "schedule[0].at must be within the run (duration 5m), was '6m'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedSwitchNamesFileFieldValueAndWhatIsAllowed(String what, String yaml, String problem) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse(yaml, FILE));
        assertEquals(FILE + ": " + problem, e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void theActionListNamesSwitch() {
        assertTrue(ScheduleFormat.ACTIONS.containsAll(List.of("leave", "reconnect", "switch", "join")), ScheduleFormat.ACTIONS.toString());
    }
}
