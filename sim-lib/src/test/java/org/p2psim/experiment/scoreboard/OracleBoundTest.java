package org.p2psim.experiment.scoreboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2psim.sync.oracle.OracleStrategy;

/**
 * The oracle is the attainable bound: at --small, seed 1, no strategy ends with a higher mean
 * completeness than the oracle's, within {@link #TOLERANCE}, on the built-ins where reaching a device
 * is not a given ({@link #HARD}: NATs without a path, phones asleep, loss, members who attack). Every
 * built-in with every strategy takes minutes; the scoreboard notebook shows the share of the oracle
 * on all of them.
 */
class OracleBoundTest {
    /** Ties (several strategies deliver everything that can be delivered) differ only by rounding. */
    static final double TOLERANCE = 1e-9;
    /**
     * Where the completeness of different strategies is measured against different totals: on
     * mobile-stress the phones' activity follows what they have received, so the run creates another
     * number of events (seed 1 at --small: 17 with the oracle, 14 with bloom-salted) and two phones
     * asleep at the end hold the same 14 events with either; 1 − 14/17 ≈ 0.18 of their share, 0.055 of the mean.
     */
    static final Map<String, Double> WORKLOAD_FOLLOWS_DELIVERY = Map.of("mobile-stress", 0.06);

    /** Built-ins where some device cannot be reached some of the time. */
    static final List<String> HARD = List.of("nat-stress", "mobile-stress", "lossy-network", "hostile-members");

    @Test
    void noStrategyIsMoreCompleteThanTheOracleWhereReachingIsHard() {
        Scoreboard.Result result = Scoreboard.builtins().scenarios(HARD).seeds(1).threads(2).run();
        List<String> beaten = new ArrayList<>();
        for (String scenario : result.definition().scenarioNames()) {
            double oracle = result.cell(scenario, OracleStrategy.NAME).completeness();
            double tolerance = WORKLOAD_FOLLOWS_DELIVERY.getOrDefault(scenario, TOLERANCE);
            for (String strategy : result.definition().strategyNames()) {
                double other = result.cell(scenario, strategy).completeness();
                if (other > oracle + tolerance) {
                    beaten.add(strategy + " " + other + " > oracle " + oracle + " on " + scenario);
                }
            }
        }
        assertTrue(beaten.isEmpty(), String.join("\n", beaten));
    }
}
