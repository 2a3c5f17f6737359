package org.p2psim.adversary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.spec.HostileSpec;

/** Each role does what it says and is counted; runs are deterministic; a defence bounds what honest members pay. */
class HostileRolesTest {

    private static final String BASE = """
            name: hostile-test
            duration: 90s
            devices: {names: [alice, bob, carol, dan, mal]}
            net: {latency: {mean: 20ms, sd: 5ms}, loss: 0}
            sync: {strategy: %s}
            crypto: {signatures: fast}
            workload: {channels: [general], messages: {ratePerMinute: 2, until: 60s, textLength: 40}}
            hostile: {roles: {mal: %s}, every: 1s, burst: 3, rateLimit: {events: %d, bytes: 0}}
            """;

    /** What a run left, read before its stores close. */
    record Result(String trace, Tally tally, double completeness, double storedEvents, Map<String, Long> refused) {}

    private static Result run(String strategy, String role, long eventLimit, long seed) {
        Scenario scenario = Scenario.parse(BASE.formatted(strategy, role, eventLimit), "hostile-test.yaml");
        ScenarioRun run = ScenarioRun.of(scenario).seed(seed);
        try (Simulation sim = run.build()) {
            sim.runFor(scenario.duration());
            HonestOutcome honest = run.adversaries().honest();
            return new Result(sim.traceSha256(), run.adversaries().tally(), honest.completeness(), honest.storedEvents(), honest.refused());
        }
    }

    @Test
    void theRolesInTheSpecAreTheRolesImplemented() {
        assertEquals(List.copyOf(HostileSpec.ROLES), Adversaries.roles());
        assertEquals(Map.copyOf(Adversaries.ROLES).keySet(), java.util.Set.copyOf(HostileSpec.ROLES));
        HostileSpec.ROLES.forEach(r -> assertEquals(r, Adversaries.ROLES.get(r).get().name()));
    }

    @Test
    void theFlooderFloodsAndTheRateLimitDropsTheExcess() {
        Result r = run("bloom-seed", "flooder", 30, 1);
        // ~90 acts × 3 events, each pushed to 4 devices
        assertTrue(r.tally().of("mal", "flood-event") >= 240, r.tally().table().print());
        assertEquals(4 * r.tally().of("mal", "flood-event"), r.tally().of("mal", "flood-push"));
        assertTrue(r.refused().getOrDefault("rate-limited", 0L) > 100, r.refused().toString());
        assertEquals(1.0, r.completeness(), 0.05, "honest events still reach honest members");
    }

    @Test
    void theLiarsPeerListsAreDroppedAsBadPeersAndTheRunGoesOn() {
        for (String strategy : List.of("bloom-seed", "gossip-push", "range-recon", "want-list", "naive")) {
            Result r = run(strategy, "liar", 0, 1);
            Map<String, Long> refused = r.refused();
            assertTrue(r.tally().of("mal", "stranger-peers") > 0 && r.tally().of("mal", "filter-none") > 0, strategy);
            assertTrue(refused.getOrDefault("bad-peers", 0L) >= r.tally().of("mal", "stranger-peers") / 2, strategy + " " + refused);
            assertTrue(r.completeness() > 0.9, strategy + ": honest completeness " + r.completeness());
        }
    }

    @Test
    void theReplayersPacketsAreRejectedAsReplayOrSkewAndTheOverflowNeverPasses() {
        Result r = run("bloom-seed", "replayer", 0, 1);
        Map<String, Long> refused = r.refused();
        long overflow = r.tally().of("mal", "overflow-timestamp");
        long outside = r.tally().of("mal", "edge-outside");
        assertTrue(overflow > 50 && r.tally().of("mal", "replay") > 100, r.tally().table().print());
        // no loss here: every overflow and every outside-the-window packet is skewed, and so are old captures re-sent
        assertTrue(refused.getOrDefault("skew", 0L) >= overflow + outside, refused.toString());
        assertTrue(refused.getOrDefault("replay", 0L) > 0, refused.toString());
    }

    @Test
    void thePoisonersMinedEventsRaiseTheFiltersFalsePositives() {
        Result r = run("bloom-seed", "poisoner", 0, 1);
        assertTrue(r.tally().of("mal", "mined-event") >= 240, r.tally().table().print());
        Result honestOnly = run("bloom-seed", "withholder", 0, 1);
        assertTrue(r.storedEvents() > honestOnly.storedEvents() + 200, "poison is stored by honest members");
    }

    @Test
    void theWithholderSendsNoEventsYetReceivesThem() {
        Scenario scenario = Scenario.parse(BASE.formatted("bloom-seed", "withholder", 0), "hostile-test.yaml");
        ScenarioRun run = ScenarioRun.of(scenario).seed(1);
        try (Simulation sim = run.build()) {
            sim.runFor(scenario.duration());
            long eventsFromMal = sim.metrics().packetRows().stream().filter(p -> p.from().equals("mal") && p.type().equals("event")).count();
            assertEquals(0, eventsFromMal);
            assertTrue(sim.device("mal").store().size() > sim.device("alice").store().size(), "it takes all, its own kept back");
        }
    }

    @Test
    void sameSeedSameTraceOtherSeedDiffers() {
        for (String role : HostileSpec.ROLES) {
            Result a = run("bloom-seed", role, 60, 3);
            Result b = run("bloom-seed", role, 60, 3);
            Result c = run("bloom-seed", role, 60, 4);
            assertEquals(a.trace(), b.trace(), role);
            assertEquals(a.tally().table().print(), b.tally().table().print(), role);
            assertNotEquals(a.trace(), c.trace(), role);
        }
    }

    /**
     * The liar's well-formed lies are read as well formed: under each strategy only its crude lies
     * (random reconciliation bytes) are bad bodies and nothing is malformed; under riblt it answers
     * coded requests with junk symbols; a run is deterministic there too.
     */
    @Test
    void theLiarsWellFormedLiesPassEveryParser() {
        for (String strategy : List.of("bloom-salted", "range-recon", "want-list", "riblt", "hybrid")) {
            Result r = run(strategy, "liar", 0, 2);
            long crude = r.tally().of("mal", "lying-recon");
            assertEquals(0, r.refused().getOrDefault("malformed", 0L), strategy + " " + r.refused());
            assertTrue(r.refused().getOrDefault("bad-body", 0L) <= crude, strategy + " " + r.refused() + " crude " + crude);
            assertTrue(r.tally().of("mal", "recon-phantom-ids") > 0 && r.tally().of("mal", "phantom-want") > 0, strategy);
            assertTrue(r.completeness() > 0.95, strategy + ": honest completeness " + r.completeness());
        }
        // history with every peer at each round, so that the liar is asked within the 90 s
        String everyPeer = "hybrid, historyFanout: 4";
        Result hybrid = run(everyPeer, "liar", 0, 3);
        assertTrue(hybrid.tally().of("mal", "coded-junk") > 0, hybrid.tally().table().print());
        assertTrue(hybrid.completeness() > 0.95, "honest completeness " + hybrid.completeness());
        assertEquals(hybrid.trace(), run(everyPeer, "liar", 0, 3).trace());
        assertNotEquals(hybrid.trace(), run(everyPeer, "liar", 0, 4).trace());
    }
}
