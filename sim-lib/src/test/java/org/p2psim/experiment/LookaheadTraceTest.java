package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.net.SignatureLookahead;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimTime;

/** Packet signatures checked ahead on other threads change where the work happens, never the run. */
class LookaheadTraceTest {

    private static final Scenario REAL = Scenario.load("twenty-devices").with(Map.of(
            "crypto.signatures", "real", "duration", "90s", "devices.count", "8", "schedule", "[]"));

    /** Runs {@code REAL} with seed {@code seed} on {@code threads} threads: its trace hash and summary. */
    private static String run(long seed, int threads) {
        String before = System.getProperty(SignatureLookahead.THREADS_PROPERTY);
        System.setProperty(SignatureLookahead.THREADS_PROPERTY, Integer.toString(threads));
        try (Simulation sim = ScenarioRun.of(REAL).seed(seed).build()) {
            ScenarioRun.runUntil(sim, SimTime.of(REAL.duration()), ScenarioRun.Progress.NONE);
            LinkedHashMap<String, Double> summary = sim.metrics().summaryMap();
            assertTrue(summary.get("packets_sent") > 100, "the run must send packets to check: " + summary);
            return sim.traceSha256() + " " + summary;
        } finally {
            if (before == null) {
                System.clearProperty(SignatureLookahead.THREADS_PROPERTY);
            } else {
                System.setProperty(SignatureLookahead.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void theTraceIsTheSameOnOneTwoAndFourThreads() {
        String one = run(3, 1);
        assertEquals(one, run(3, 2));
        assertEquals(one, run(3, 4));
    }

    @Test
    void anotherSeedGivesAnotherTrace() {
        assertNotEquals(run(3, 2), run(4, 2));
    }

    @Test
    void aCheckStartedAheadGivesTheInlineAnswerAndBytesChangedSinceAreCheckedAgain() {
        Ed25519KeyPair alice = Ed25519KeyPair.generate(new java.util.SplittableRandom(1));
        KeyDirectory keys = new KeyDirectory().add(alice.publicKey());
        try (SignatureLookahead ahead = SignatureLookahead.of(keys, SignatureMode.REAL, 2)) {
            assertTrue(ahead.isOn());
            Packet good = Packet.sign(PacketType.FILTER, SignatureMode.REAL, alice, org.p2psim.crypto.DeviceId.ofPublicKey(alice.publicKey()), 5, new byte[] {1, 2, 3});
            Packet bad = Packet.sign(PacketType.FILTER, SignatureMode.REAL, alice, org.p2psim.crypto.DeviceId.ofPublicKey(alice.publicKey()), 5, new byte[] {4, 5, 6});
            ahead.sent(good, 0);
            ahead.sent(bad, 0);
            bad.wire()[bad.wire().length - 1] ^= 1; // changed after it was sent: the check ahead no longer answers for it
            var key = keys.lookup(org.p2psim.crypto.DeviceId.ofPublicKey(alice.publicKey()));
            assertTrue(ahead.verify(SignatureMode.REAL, key, good.wire(), good.signedLength()));
            assertFalse(ahead.verify(SignatureMode.REAL, key, bad.wire(), bad.signedLength()));
        }
        assertFalse(SignatureLookahead.of(keys, SignatureMode.FAST, 4).isOn(), "fast signatures are checked inline");
        assertFalse(SignatureLookahead.of(keys, SignatureMode.REAL, 1).isOn(), "one thread checks inline");
    }
}
