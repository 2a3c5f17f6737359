package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2psim.net.nat.NatType;
import org.p2psim.scenario.spec.NatSpec;

/** The {@code net.nat} section: {@code --set net.nat.default} puts every device behind one preset; every bad value is named. */
class NatFormatTest {
    private static final String PRESETS = String.join(", ", NatType.names());

    @Test
    void settingTheDefaultPutsEveryDeviceOfAMixedScenarioBehindThatPreset() {
        Scenario stress = Scenario.load("nat-stress").small();
        for (String preset : NatType.names()) {
            NatSpec nat = stress.with(Overrides.NAT_DEFAULT, preset).net().nat();
            List<String> devices = List.of("d00", "d01", "d02", "d03");
            Map<String, String> profiles = Map.of("d00", "active", "d01", "switching-ios", "d02", "switching-android", "d03", "lurker");
            nat.assignment(devices, profiles).forEach((device, networks) -> assertEquals(preset, networks.wifi(), device + " " + preset));
            assertEquals("cgnat", nat.cellular(), "the NAT after a switch stays the scenario's");
            assertEquals(stress.net().nat().config(), nat.config(), "keepalive, relay and punch settings stay");
        }
    }

    @Test
    void aDefaultAndAMixGivenTogetherAreRefusedWhateverTheirOrder() {
        for (List<String> order : List.of(List.of("net.nat.default", "net.nat.mix"), List.of("net.nat.mix", "net.nat.default"))) {
            Map<String, String> both = new LinkedHashMap<>();
            order.forEach(k -> both.put(k, k.endsWith("mix") ? "{symmetric: 1}" : "full-cone"));
            ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.load("two-peers").with(both));
            assertTrue(e.getMessage().contains("net.nat") && e.getMessage().contains("gives both default and mix"), e.getMessage());
        }
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("net.nat.default", "moderate", "net.nat.default must be a NAT preset: one of " + PRESETS + ", was 'moderate'"),
                Arguments.of("net.nat.cellular", "lte", "net.nat.cellular must be a NAT preset: one of " + PRESETS + ", was 'lte'"),
                Arguments.of("net.nat.profiles", "{mobile-ios: {wifi: moderate}}",
                        "net.nat.profiles.mobile-ios.wifi must be a NAT preset: one of " + PRESETS + ", was 'moderate'"),
                Arguments.of("net.nat.mix", "{moderate: 1}", "unknown field net.nat.mix.moderate; known: " + PRESETS),
                Arguments.of("net.nat.mix", "{symmetric: 0, cgnat: 0}", "net.nat.mix needs a weight above 0"),
                Arguments.of("net.nat.mix", "{symmetric: -1, cgnat: 2}", "net.nat.mix.symmetric must be a number >= 0, was -1"),
                Arguments.of("net.nat.mix", "[symmetric]", "net.nat.mix must be a map of NAT preset to weight"),
                Arguments.of("net.nat.bindingTimeout", "0s", "net.nat.bindingTimeout must be a duration > 0"),
                Arguments.of("net.nat.bindingTimeout", "-5s", "net.nat.bindingTimeout must be"),
                Arguments.of("net.nat.bindingTimeout", "soon", "net.nat.bindingTimeout must be"),
                Arguments.of("net.nat.keepalive", "-5s", "net.nat.keepalive must be"),
                Arguments.of("net.nat.keepalive", "0s", "net.nat.keepalive must be"),
                Arguments.of("net.nat.relay.bytes", "0", "net.nat.relay.bytes must be a size >= 1 bytes, was 0"),
                Arguments.of("net.nat.relay.duration", "0s", "net.nat.relay.duration must be"),
                Arguments.of("net.nat.relay.enabled", "maybe", "net.nat.relay.enabled must be"),
                Arguments.of("net.nat.punch.retries", "11", "net.nat.punch.retries must be a whole number in [0, 10], was 11"),
                Arguments.of("net.nat.punch.retries", "-1", "net.nat.punch.retries must be a whole number in [0, 10], was -1"),
                Arguments.of("net.nat.punch.backoff", "-1s", "net.nat.punch.backoff must be"),
                Arguments.of("net.nat.punch.hold", "-1", "net.nat.punch.hold must be a size >= 0 bytes, was -1"),
                Arguments.of("net.nat.punch.hold", "lots", "net.nat.punch.hold must be"),
                Arguments.of("net.nat.keepAlive", "25s", "unknown field net.nat.keepAlive; known: default, mix, cellular, profiles,"
                        + " bindingTimeout, keepalive, relay, punch"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void aBadValueIsRefusedNamingTheFieldTheValueAndWhatIsAllowed(String field, String value, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Scenario.load("two-peers").with(Map.of("net.nat.default", "port-restricted")).with(field, value));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
