package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.scenario.spec.LossSpec;

/**
 * The built-in scenarios as the seed lists them (004 §7 and Phase 2.5): each loads, states its
 * expected outcomes, and has a valid small size; the full sizes are the seed's. (Each runs at its
 * small size through the command line in `make test`: tools/run_builtins.sh.)
 */
class BuiltinScenariosTest {
    static final List<String> SEED_BUILTINS = List.of("happy-path", "coffee-shop", "conference", "mobile-stress",
            "new-user-experience", "perfect-sync", "lossy-network", "burst-catch-up", "large-dataset", "hierarchical-filters");

    @Test
    void everyBuiltinOfTheSeedIsThereWithItsExpectedOutcomes() {
        assertTrue(Scenario.builtins().containsAll(SEED_BUILTINS), Scenario.builtins().toString());
        assertFalse(Scenario.builtins().contains("profiles"), "the profile library is not a scenario");
        for (String name : SEED_BUILTINS) {
            Scenario s = Scenario.load(name);
            assertFalse(s.description().isBlank(), name);
            assertFalse(s.expect().isEmpty(), name + " states the seed's expected outcomes");
            Scenario small = s.small();
            assertTrue(small.smallSize().isEmpty(), name);
            assertTrue(small.devices().count() <= s.devices().count() && small.duration().compareTo(s.duration()) <= 0, name);
            assertEquals(s.expect(), small.expect(), name + ": the small size checks the same outcomes");
        }
    }

    @Test
    void theFullSizesAreTheSeeds() {
        assertEquals(2, Scenario.load("happy-path").devices().count(), "Happy Path: 2 devices");
        int coffee = Scenario.load("coffee-shop").devices().count();
        assertTrue(coffee >= 5 && coffee <= 10, "Coffee Shop: 5-10 devices");
        assertTrue(Scenario.load("conference").devices().count() >= 50, "Conference: 50+ devices");
        assertEquals(10_000, Scenario.load("new-user-experience").workload().history().countFor("host"), "10k messages");
        assertEquals(500, Scenario.load("large-dataset").workload().history().byDevice().values().stream().mapToInt(i -> i).sum(),
                "Large Dataset: 500 events split across the devices");
        assertEquals(0.2, ((LossSpec.Independent) Scenario.load("lossy-network").net().loss()).rate(), "Lossy Network: 20 % loss");
    }

    @Test
    void phonesAndAnAnchorAreDealtOutAtEverySize() {
        Scenario stress = Scenario.load("mobile-stress");
        assertEquals(List.of("active", "restless-ios", "restless-ios", "restless-ios", "restless-android", "restless-android"),
                List.copyOf(stress.small().devices().profileAssignment().values()),
                "6 devices of weights 1, 6, 3: shares 0.6, 3.6, 1.8; the tie of remainders goes to the earlier profile");
        assertEquals("active", stress.devices().profileAssignment().get("d00"));
    }
}
