package org.p2psim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;

/** Each way a packet can be bad is rejected with its own reason. */
class PacketVerifierTest {
    private static final long WINDOW = 60_000_000L;
    private final Ed25519KeyPair alice = Ed25519KeyPair.generate(new SplittableRandom(1));
    private final Ed25519KeyPair mallory = Ed25519KeyPair.generate(new SplittableRandom(2));
    private final DeviceId aliceId = DeviceId.ofPublicKey(alice.publicKey());
    private final PacketVerifier verifier = new PacketVerifier(new KeyDirectory().add(alice.publicKey()), WINDOW);

    private byte[] packet(long timestamp) {
        return Packet.sign(PacketType.FILTER, alice, aliceId, timestamp, new byte[] {1, 2, 3}).wire();
    }

    @Test
    void acceptsAGoodPacketOnce() {
        byte[] wire = packet(1_000);
        PacketVerifier.Verdict verdict = verifier.verify(wire, 2_000);
        assertTrue(verdict.accepted());
        assertEquals(PacketType.FILTER, verdict.packet().type());
        assertEquals(aliceId, verdict.packet().sender());
        assertEquals(3, verdict.packet().body().length);
        assertEquals(Packet.OVERHEAD + 3, wire.length);
    }

    @Test
    void rejectsAReplay() {
        byte[] wire = packet(1_000);
        verifier.verify(wire, 2_000);
        assertEquals(Outcome.REPLAY, verifier.verify(wire.clone(), 3_000).outcome());
    }

    @Test
    void rejectsAForgedSignature() {
        byte[] wire = packet(1_000);
        wire[wire.length - 1] ^= 1;
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(wire, 2_000).outcome());
    }

    @Test
    void rejectsATamperedBody() {
        byte[] wire = packet(1_000);
        wire[Packet.HEADER_BYTES] ^= 0x40;
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(wire, 2_000).outcome());
    }

    @Test
    void fastModeCatchesTamperingAndForgeriesToo() {
        PacketVerifier fast = new PacketVerifier(new KeyDirectory().add(alice.publicKey()), WINDOW, SignatureMode.FAST);
        byte[] wire = Packet.sign(PacketType.FILTER, SignatureMode.FAST, alice, aliceId, 1_000, new byte[] {1, 2, 3}).wire();
        assertEquals(packet(1_000).length, wire.length, "same size as an Ed25519-signed packet");
        byte[] tampered = wire.clone();
        tampered[Packet.HEADER_BYTES + 1] ^= 1;
        assertEquals(Outcome.BAD_SIGNATURE, fast.verify(tampered, 2_000).outcome());
        byte[] forged = wire.clone();
        forged[forged.length - 1] ^= 1;
        assertEquals(Outcome.BAD_SIGNATURE, fast.verify(forged, 2_000).outcome());
        assertEquals(Outcome.BAD_SIGNATURE, fast.verify(packet(1_000), 2_000).outcome(), "an Ed25519 signature is not a fast one");
        assertTrue(fast.verify(wire, 2_000).accepted());
    }

    @Test
    void rejectsAnUnknownDevice() {
        byte[] wire = Packet.sign(PacketType.FILTER, mallory, DeviceId.ofPublicKey(mallory.publicKey()), 1_000, new byte[3]).wire();
        assertEquals(Outcome.UNKNOWN_DEVICE, verifier.verify(wire, 2_000).outcome());
    }

    @Test
    void rejectsATimestampOutsideTheSkewWindow() {
        assertEquals(Outcome.SKEW, verifier.verify(packet(0), WINDOW + 1).outcome());
        assertEquals(Outcome.SKEW, verifier.verify(packet(WINDOW + 1), 0).outcome());
        assertTrue(verifier.verify(packet(0), WINDOW).accepted(), "the window's edge is inside");
    }

    @Test
    void rejectsMalformedBytes() {
        byte[] wire = packet(1_000);
        assertEquals(Outcome.MALFORMED, verifier.verify(new byte[10], 0).outcome());
        byte[] truncated = java.util.Arrays.copyOf(wire, wire.length - 1);
        assertEquals(Outcome.MALFORMED, verifier.verify(truncated, 0).outcome());
    }

    @Test
    void forgetsReplaysOnlyOnceTheSkewCheckCoversThem() {
        byte[] old = packet(0);
        assertTrue(verifier.verify(old, 0).accepted());
        verifier.verify(packet(2 * WINDOW), 2 * WINDOW);
        assertEquals(Outcome.SKEW, verifier.verify(old, 2 * WINDOW).outcome());
    }

    /** Regression: {@code Math.abs(ts - clock)} is negative for a difference of Long.MIN_VALUE, which passed the window. */
    @Test
    void aTimestampLongMinValueAwayIsSkewedEveryTime() {
        long clock = 5_000_000L;
        byte[] wire = packet(clock + Long.MIN_VALUE);
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.SKEW, verifier.verify(wire.clone(), clock).outcome(), "attempt " + i);
        }
    }

    @Test
    void theWindowsEdgesAreInclusiveAndOverflowNeverPasses() {
        long clock = 5_000_000L;
        assertTrue(verifier.verify(packet(clock + WINDOW), clock).accepted());
        assertTrue(verifier.verify(packet(clock - WINDOW), clock).accepted());
        assertEquals(Outcome.SKEW, verifier.verify(packet(clock + WINDOW + 1), clock).outcome());
        assertEquals(Outcome.SKEW, verifier.verify(packet(clock - WINDOW - 1), clock).outcome());
        assertEquals(Outcome.SKEW, verifier.verify(packet(Long.MAX_VALUE), -clock).outcome());
        assertEquals(Outcome.SKEW, verifier.verify(packet(Long.MIN_VALUE), clock).outcome());
    }
}
