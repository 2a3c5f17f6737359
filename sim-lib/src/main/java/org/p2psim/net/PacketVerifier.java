package org.p2psim.net;

import org.p2psim.crypto.Ed25519PublicKey;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;

/**
 * Checks received packets, in the seed's order: well formed, from a known device, timestamp within
 * the skew window of the receiver's clock, signature valid, and not seen before.
 *
 * <p>The replay cache remembers the fingerprint of every accepted packet's signed bytes until its
 * timestamp leaves the skew window; after that the skew check alone rejects a replay, so
 * forgetting it is safe.
 */
public final class PacketVerifier {

    private final KeyDirectory keys;
    private final long skewWindow;
    private final SignatureMode mode;
    private final SignatureLookahead lookahead;
    private final ReplayWindow seen = new ReplayWindow();

    /** @param skewWindow largest accepted |sender timestamp − receiver clock|, in µs */
    public PacketVerifier(KeyDirectory keys, long skewWindow) {
        this(keys, skewWindow, SignatureMode.REAL);
    }

    /** @param skewWindow largest accepted |sender timestamp − receiver clock|, in µs */
    public PacketVerifier(KeyDirectory keys, long skewWindow, SignatureMode mode) {
        this(keys, skewWindow, mode, SignatureLookahead.OFF);
    }

    /** As above, taking signature checks started ahead from {@code lookahead} (same answers, other cores). */
    public PacketVerifier(KeyDirectory keys, long skewWindow, SignatureMode mode, SignatureLookahead lookahead) {
        if (skewWindow <= 0) {
            throw new IllegalArgumentException("skew window must be > 0 µs, was " + skewWindow);
        }
        this.keys = keys;
        this.skewWindow = skewWindow;
        this.mode = mode;
        this.lookahead = lookahead;
    }

    /** The verified packet, or the outcome that rejects it. */
    public Verdict verify(byte[] wire, long receiverClock) {
        Packet packet = Packet.parse(wire);
        if (packet == null) {
            return Verdict.rejected(Outcome.MALFORMED);
        }
        Ed25519PublicKey key = keys.lookup(packet.sender());
        if (key == null) {
            return Verdict.rejected(Outcome.UNKNOWN_DEVICE);
        }
        if (!withinSkew(packet.timestamp(), receiverClock)) {
            return Verdict.rejected(Outcome.SKEW);
        }
        if (!lookahead.verify(mode, key, wire, packet.signedLength())) {
            return Verdict.rejected(Outcome.BAD_SIGNATURE);
        }
        seen.forgetBefore(receiverClock - skewWindow);
        if (!seen.add(packet.timestamp(), packet.fingerprint())) {
            return Verdict.rejected(Outcome.REPLAY);
        }
        return new Verdict(packet, Outcome.DELIVERED);
    }

    /**
     * Whether |timestamp − clock| ≤ the window, without overflow: {@code Math.abs(ts - clock)} is
     * negative for a difference of {@code Long.MIN_VALUE}, which would let a crafted timestamp pass.
     */
    boolean withinSkew(long timestamp, long clock) {
        long difference;
        try {
            difference = Math.subtractExact(timestamp, clock);
        } catch (ArithmeticException e) {
            return false;
        }
        return difference >= -skewWindow && difference <= skewWindow;
    }

    /** The result of a check: the packet when accepted, else null and the rejection outcome. */
    public record Verdict(Packet packet, Outcome outcome) {
        static Verdict rejected(Outcome outcome) {
            return new Verdict(null, outcome);
        }

        public boolean accepted() {
            return packet != null;
        }
    }
}
