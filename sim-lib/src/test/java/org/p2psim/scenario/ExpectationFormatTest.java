package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2psim.scenario.spec.Expectation;

/** The {@code expect:} list: its forms, its round trip through {@code with()} and YAML, and a precise message for each mistake. */
class ExpectationFormatTest {
    private static final String FILE = "scenarios/x.yaml";
    private static final String BASE = "duration: 5m\ndevices: {names: [alice, bob]}\n";
    private static final String METRICS = String.join(", ", ExpectFormat.expectableMetrics());

    @Test
    void everyFormReads() {
        Scenario s = Scenario.parse(BASE + """
                expect:
                  - {metric: mean_completeness, above: 0.99, at: 30s after last message, name: perfect sync}
                  - {metric: min_completeness, atLeast: 0.9, at: 4m}
                  - {metric: convergence_s, atMost: 60}
                  - {metric: fpr_measured, below: 0.05}
                  - {metric: filter_bytes_max, atMost: 2KiB}
                """.replace("2KiB", "2048"), FILE);
        assertEquals(List.of(
                Expectation.of("mean_completeness", Expectation.Comparison.ABOVE, 0.99)
                        .at(Expectation.TimePoint.afterLastMessage(Duration.ofSeconds(30))).named("perfect sync"),
                Expectation.of("min_completeness", Expectation.Comparison.AT_LEAST, 0.9).at(Expectation.TimePoint.absolute(Duration.ofMinutes(4))),
                Expectation.of("convergence_s", Expectation.Comparison.AT_MOST, 60),
                Expectation.of("fpr_measured", Expectation.Comparison.BELOW, 0.05),
                Expectation.of("filter_bytes_max", Expectation.Comparison.AT_MOST, 2048)), s.expect());
        assertEquals("perfect sync", s.expect().get(0).label());
        assertEquals("min_completeness ≥ 0.9 (at 4m)", s.expect().get(1).label());
        assertEquals("convergence_s ≤ 60", s.expect().get(2).label());
        assertEquals(List.of(), Scenario.parse(BASE, FILE).expect(), "none by default");
    }

    @Test
    void expectationsSurviveTheRoundTripAndOverrides() {
        Scenario s = Scenario.parse(BASE + "expect: [{metric: mean_completeness, above: 0.99, at: 1.5s after last message, name: 'quick: sync'},"
                + " {metric: overhead_ratio, below: 4.75}]", FILE);
        Scenario back = Scenario.parse(s.toYaml());
        assertEquals(s, back);
        assertEquals(s.toYaml(), back.toYaml());
        assertEquals(s, s.with(java.util.Map.of()));

        Scenario appended = s.with("expect[2]", "{metric: duplicates, atMost: 0}");
        assertEquals(Expectation.of("duplicates", Expectation.Comparison.AT_MOST, 0), appended.expect().get(2));
        Scenario changed = s.with("expect[0].above", "0.5");
        assertEquals(0.5, changed.expect().get(0).threshold());
        assertEquals("quick: sync", changed.expect().get(0).name());
        Scenario replaced = s.with("expect", "[{metric: converged, atLeast: 1}]");
        assertEquals(List.of(Expectation.of("converged", Expectation.Comparison.AT_LEAST, 1)), replaced.expect());
        assertEquals(List.of(), s.with("expect", "").expect());
        assertEquals(s.expect(), s.withSeed(9).expect());
        assertEquals(s.expect(), s.withDuration(Duration.ofMinutes(1)).expect());

        ScenarioException e = assertThrows(ScenarioException.class, () -> s.with("expect[1].below", "lots"));
        assertEquals("expect[1].below must be a number, was 'lots'", e.problem());
    }

    @Test
    void builtinsCarryTheSeedsExpectations() {
        assertEquals(List.of(Expectation.of("mean_completeness", Expectation.Comparison.ABOVE, 0.99)
                .at(Expectation.TimePoint.afterLastMessage(Duration.ofSeconds(30))).named("perfect sync within 30 s")),
                Scenario.load("perfect-sync").expect());
        assertEquals(2, Scenario.load("lossy-network").expect().size());
        assertEquals(0.90, Scenario.load("lossy-network").expect().get(0).threshold());
        assertEquals(Expectation.of("min_completeness", Expectation.Comparison.AT_LEAST, 1).named("the newcomer holds everything"),
                Scenario.load("new-user-experience").expect().get(0));
    }

    static Stream<Arguments> malformed() {
        String fields = String.join(", ", ExpectFormat.EXPECT_FIELDS);
        return Stream.of(
                Arguments.of("unknown metric", "expect: [{metric: completeness, atLeast: 0.9}]",
                        "expect[0].metric must be a summary metric (" + METRICS + "), was 'completeness'"),
                Arguments.of("missing metric", "expect: [{atLeast: 0.9}]",
                        "expect[0].metric is required (a summary metric: " + METRICS + ")"),
                Arguments.of("two comparisons", "expect: [{metric: convergence_s, atLeast: 1, atMost: 60}]",
                        "expect[0] has both atLeast and atMost; give one comparison per check"),
                Arguments.of("no comparison", "expect: [{metric: convergence_s}]",
                        "expect[0] needs one comparison: atLeast, atMost, above, below (e.g. {metric: convergence_s, atLeast: 0.99})"),
                Arguments.of("threshold not a number", "expect: [{metric: convergence_s, atMost: soon}]",
                        "expect[0].atMost must be a number, was 'soon'"),
                Arguments.of("threshold a list", "expect: [{metric: convergence_s, atMost: [1, 2]}]",
                        "expect[0].atMost must be a number, was a list"),
                Arguments.of("bad time point", "expect: [{metric: mean_completeness, atLeast: 0.99, at: 30 parsecs after last message}]",
                        "expect[0].at must be a time in the run such as 5m, or a duration after the last message such as"
                                + " '30s after last message', was '30 parsecs after last message'"),
                Arguments.of("time point without a duration", "expect: [{metric: mean_completeness, atLeast: 0.99, at: after last message}]",
                        "expect[0].at must be a time in the run such as 5m, or a duration after the last message such as"
                                + " '30s after last message', was 'after last message'"),
                Arguments.of("time point after the end", "expect: [{metric: mean_completeness, atLeast: 0.99, at: 6m}]",
                        "expect[0].at must be within the run (duration 5m), was '6m'"),
                Arguments.of("time point on an end-of-run metric", "expect: [{metric: convergence_s, atMost: 60, at: 1m}]",
                        "expect[0].at applies only to mean_completeness and min_completeness; convergence_s is read at the end of the run"),
                Arguments.of("unknown field", "expect: [{metric: convergence_s, atMost: 60, within: 30s}]",
                        "unknown field expect[0].within; known: " + fields),
                Arguments.of("a check that is not a map", "expect: [convergence_s < 60]",
                        "expect[0] must be a map {metric, one of atLeast/atMost/above/below, at, name}, was 'convergence_s < 60'"),
                Arguments.of("not a list", "expect: {metric: convergence_s, atMost: 60}",
                        "expect must be a list of checks such as {metric: mean_completeness, atLeast: 0.99}, was a map"),
                Arguments.of("empty name", "expect: [{metric: convergence_s, atMost: 60, name: ''}]",
                        "expect[0].name must be text naming the check, was ''"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachMalformedExpectationIsNamedPrecisely(String what, String yaml, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse(BASE + yaml, FILE));
        assertEquals(FILE + ": " + message, e.getMessage());
    }
}
