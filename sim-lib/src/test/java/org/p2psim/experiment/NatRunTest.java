package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.net.nat.PathKind;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.ScenarioException;

/** Scenarios with {@code net.nat}, end to end: who syncs, why not, and the same seed the same trace. */
class NatRunTest {

    private record Outcome(String trace, double meanCompleteness, PathKind path, String reason) {}

    private static Scenario load(String scenario, String... overrides) {
        Scenario s = Scenario.load(scenario).small();
        for (String o : overrides) {
            String[] kv = o.split("=", 2);
            s = s.with(kv[0], kv[1]);
        }
        return s;
    }

    private static Outcome run(String scenario, long seed, String... overrides) {
        Scenario s = load(scenario, overrides);
        try (Simulation sim = ScenarioRun.of(s).seed(seed).build()) {
            sim.runFor(s.duration());
            var nat = sim.network().nat();
            var path = nat.path("alice", "bob");
            return new Outcome(sim.traceSha256(), sim.metrics().summaryMap().get("mean_completeness"), path.path(), path.reason());
        }
    }

    @Test
    void twoSymmetricPeersWithoutAPublicPeerNeverSyncAndSayWhyWhileFullConePeersDo() {
        Outcome symmetric = run("two-peers", 1, "net.nat.default=symmetric");
        assertTrue(symmetric.meanCompleteness() < 0.6, "each holds only its own events: " + symmetric);
        assertEquals(PathKind.NONE, symmetric.path());
        assertTrue(symmetric.reason().contains("symmetric ↔ symmetric") && symmetric.reason().contains("no public peer"), symmetric.reason());
        Outcome fullCone = run("two-peers", 1, "net.nat.default=full-cone");
        assertEquals(1.0, fullCone.meanCompleteness(), 1e-9);
    }

    @Test
    void sameSeedSameTraceWithNatsOnAndAnotherSeedDiffers() {
        String[] mix = {"net.nat.mix={none: 1, port-restricted: 2, symmetric: 1, cgnat: 1}", "net.nat.keepalive=20s"};
        Outcome first = runMobile(3, mix);
        assertEquals(first.trace(), runMobile(3, mix).trace());
        assertNotEquals(first.trace(), runMobile(4, mix).trace());
        assertNotEquals(first.trace(), runMobile(3).trace(), "NATs change the run");
    }

    private static Outcome runMobile(long seed, String... overrides) {
        Scenario s = load("mobile-stress", overrides);
        try (Simulation sim = ScenarioRun.of(s).seed(seed).build()) {
            sim.runFor(s.duration());
            return new Outcome(sim.traceSha256(), sim.metrics().summaryMap().get("mean_completeness"), null, "");
        }
    }

    @Test
    void keepaliveOffWhetherQuotedOrNot() {
        Scenario s = Scenario.load("two-peers").with("net.nat.default", "port-restricted");
        assertEquals(0, s.with("net.nat.keepalive", "off").net().nat().config().keepaliveMicros());
        assertEquals(0, s.with("net.nat.keepalive", "'off'").net().nat().config().keepaliveMicros());
        assertEquals(10_000_000L, s.with("net.nat.keepalive", "10s").net().nat().config().keepaliveMicros());
    }

    @Test
    void anUnknownPresetIsRefusedNamingTheFieldAndThePresets() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.load("two-peers").with("net.nat.default", "moderate"));
        assertTrue(e.getMessage().contains("net.nat.default") && e.getMessage().contains("full-cone, address-restricted"), e.getMessage());
    }
}
