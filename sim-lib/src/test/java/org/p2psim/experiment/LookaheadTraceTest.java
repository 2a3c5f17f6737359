package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.net.SignatureLookahead;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimTime;
import org.p2psim.sim.WorkPool;

/**
 * Work done ahead on other threads (packet signature checks, the opening of received events) changes
 * where the work happens, never the run: the trace and the summary are the same on 1, 2 and 4 threads.
 */
class LookaheadTraceTest {

    private static final Scenario REAL = Scenario.load("twenty-devices").with(Map.of(
            "crypto.signatures", "real", "duration", "90s", "devices.count", "8", "schedule", "[]"));

    /** A built-in at its small size with real signatures: hostile members and joiners send events of every kind. */
    private static Scenario realSmall(String name) {
        return Scenario.load(name).small().with(Map.of("crypto.signatures", "real"));
    }

    /** Runs {@code scenario} with seed {@code seed} on {@code threads} threads: its trace hash and summary. */
    private static String run(Scenario scenario, long seed, int threads) {
        String before = System.getProperty(WorkPool.THREADS_PROPERTY);
        System.setProperty(WorkPool.THREADS_PROPERTY, Integer.toString(threads));
        try (Simulation sim = ScenarioRun.of(scenario).seed(seed).build()) {
            ScenarioRun.runUntil(sim, SimTime.of(scenario.duration()), ScenarioRun.Progress.NONE);
            LinkedHashMap<String, Double> summary = sim.metrics().summaryMap();
            assertTrue(summary.get("packets_sent") > 100, "the run must send packets to check: " + summary);
            long events = sim.metrics().packetRows().stream()
                    .filter(r -> r.type().equals(PacketType.EVENT.label()) && r.fate().equals("delivered")).count();
            assertTrue(events > 20, "the run must deliver event packets to open, delivered " + events + ": " + summary);
            return sim.traceSha256() + " " + summary;
        } finally {
            if (before == null) {
                System.clearProperty(WorkPool.THREADS_PROPERTY);
            } else {
                System.setProperty(WorkPool.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void theTraceIsTheSameOnOneTwoAndFourThreads() {
        String one = run(REAL, 3, 1);
        assertEquals(one, run(REAL, 3, 2));
        assertEquals(one, run(REAL, 3, 4));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hostile-members", "new-user-experience"})
    void withEventTrafficHostileMembersAndJoinersTheTraceIsTheSameOnOneAndTwoThreads(String name) {
        Scenario scenario = realSmall(name);
        String one = run(scenario, 1, 1);
        assertEquals(one, run(scenario, 1, 2));
    }

    @Test
    void anotherSeedGivesAnotherTrace() {
        assertNotEquals(run(REAL, 3, 2), run(REAL, 4, 2));
        Scenario hostile = realSmall("hostile-members");
        assertNotEquals(run(hostile, 1, 2), run(hostile, 2, 2));
    }

    @Test
    void aCheckStartedAheadGivesTheInlineAnswerAndBytesChangedSinceAreCheckedAgain() {
        Ed25519KeyPair alice = Ed25519KeyPair.generate(new java.util.SplittableRandom(1));
        KeyDirectory keys = new KeyDirectory().add(alice.publicKey());
        DeviceId aliceId = DeviceId.ofPublicKey(alice.publicKey());
        try (WorkPool pool = WorkPool.of(2)) {
            SignatureLookahead ahead = SignatureLookahead.of(keys, SignatureMode.REAL, pool);
            assertTrue(ahead.isOn());
            Packet good = Packet.sign(PacketType.FILTER, SignatureMode.REAL, alice, aliceId, 5, new byte[] {1, 2, 3});
            Packet bad = Packet.sign(PacketType.FILTER, SignatureMode.REAL, alice, aliceId, 5, new byte[] {4, 5, 6});
            ahead.sent(good, 0);
            ahead.sent(bad, 0);
            bad.wire()[bad.wire().length - 1] ^= 1; // changed after it was sent: the check ahead no longer answers for it
            var key = keys.lookup(aliceId);
            assertTrue(ahead.verify(SignatureMode.REAL, key, good.wire(), good.signedLength()));
            assertFalse(ahead.verify(SignatureMode.REAL, key, bad.wire(), bad.signedLength()));
            assertFalse(SignatureLookahead.of(keys, SignatureMode.FAST, pool).isOn(), "fast signatures are checked inline");
        }
        assertFalse(SignatureLookahead.of(keys, SignatureMode.REAL, WorkPool.INLINE).isOn(), "one thread checks inline");
    }
}
