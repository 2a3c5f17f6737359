package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.spec.Expectation;

/** An expectation's attainable threshold beside the seed's: read, validated, checked, reported and carried by sweeps. */
class AttainableThresholdTest {
    private static final String BASE = "name: attainable-demo\n" + ExpectationsTest.TWO_DEVICES + "expect:\n";

    private static Scenario with(String check) {
        return Scenario.parse(BASE + "  - " + check + "\n", "attainable-demo.yaml");
    }

    @Test
    void theYamlFieldsAreReadAndWrittenBack() {
        Scenario s = with("{metric: convergence_s, below: 0.001, attainable: 20, reason: \"one round trip at 50 ms and a round interval\"}");
        Expectation e = s.expect().get(0);
        assertEquals(20, e.attainable().threshold());
        assertEquals("one round trip at 50 ms and a round interval", e.attainable().reason());
        assertEquals(e, Scenario.parse(s.toYaml(), "again.yaml").expect().get(0));
    }

    @Test
    void aRunChecksBothThresholds() {
        List<ExpectationResult> r = ScenarioRun.of(with("{metric: convergence_s, below: 0.001, attainable: 20, reason: rounds take time}"))
                .seed(7).run().expectations();
        ExpectationResult c = r.get(0);
        assertFalse(c.pass(), "the seed's threshold: converged after about 10 s, not within 1 ms");
        assertTrue(c.attainablePass(), "measured " + c.measured() + " < 20");
        assertEquals(20, c.attainable());
        assertTrue(c.line().endsWith("; attainable met (attainable < 20: rounds take time)"), c.line());
        assertEquals(c, Expectations.fromJson(Expectations.json(r)).get(0));
    }

    @Test
    void aSweepCountsTheChecksMetAgainstEither() {
        var t = Sweep.of(with("{metric: convergence_s, below: 0.001, attainable: 20, reason: rounds take time}")).seeds(2).threads(1).run();
        assertEquals(0, t.doubleColumn(Sweep.EXPECTATIONS_PASSED).sum());
        assertEquals(2, t.doubleColumn(Sweep.ATTAINABLE_PASSED).sum());
    }

    @Test
    void withoutAnAttainableThresholdTheSeedsCounts() {
        ExpectationResult c = ScenarioRun.of(with("{metric: convergence_s, below: 0.001}")).seed(7).run().expectations().get(0);
        assertFalse(c.hasAttainable());
        assertEquals(c.pass(), c.attainablePass());
        assertEquals("", c.attainableVerdict());
    }

    @Test
    void badAttainableThresholdsGetClearAnswers() {
        assertMessage("needs a reason", "{metric: mean_completeness, atLeast: 0.99, attainable: 0.9}");
        assertMessage("goes with attainable", "{metric: mean_completeness, atLeast: 0.99, reason: asleep}");
        assertMessage("must be no stricter than the seed's threshold (≥ 0.9), was 0.95",
                "{metric: mean_completeness, atLeast: 0.9, attainable: 0.95, reason: asleep}");
        assertMessage("must be no stricter than the seed's threshold (< 5), was 4",
                "{metric: overhead_ratio, below: 5, attainable: 4, reason: headers}");
        assertMessage("attainable", "{metric: mean_completeness, atLeast: 0.9, attainable: lots, reason: asleep}");
        assertMessage("reason must be text saying why the seed's threshold is out of reach, was ' '", "{metric: mean_completeness, atLeast: 0.9, attainable: 0.8, reason: \" \"}");
    }

    private static void assertMessage(String part, String check) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> with(check));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
