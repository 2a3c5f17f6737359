package org.p2psim.net;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.p2psim.crypto.Ed25519PublicKey;
import org.p2psim.crypto.KeyDirectory;

/**
 * Checks received packets, in the seed's order: well formed, from a known device, timestamp within
 * the skew window of the receiver's clock, signature valid, and not seen before.
 *
 * <p>The replay cache remembers signatures (Ed25519 is deterministic, so a replayed packet carries
 * the very same signature) until their timestamp leaves the skew window; after that the skew check
 * alone rejects them, so forgetting them is safe.
 */
public final class PacketVerifier {

    private final KeyDirectory keys;
    private final long skewWindow;
    private final Set<SignatureKey> seen = new HashSet<>();
    private final ArrayDeque<Seen> expiry = new ArrayDeque<>();

    /** @param skewWindow largest accepted |sender timestamp − receiver clock|, in µs */
    public PacketVerifier(KeyDirectory keys, long skewWindow) {
        if (skewWindow <= 0) {
            throw new IllegalArgumentException("skew window must be > 0 µs, was " + skewWindow);
        }
        this.keys = keys;
        this.skewWindow = skewWindow;
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
        if (Math.abs(packet.timestamp() - receiverClock) > skewWindow) {
            return Verdict.rejected(Outcome.SKEW);
        }
        if (!key.verify(wire, 0, packet.signedLength(), wire, packet.signedLength())) {
            return Verdict.rejected(Outcome.BAD_SIGNATURE);
        }
        forgetExpired(receiverClock);
        SignatureKey signature = SignatureKey.of(wire, packet.signedLength());
        if (!seen.add(signature)) {
            return Verdict.rejected(Outcome.REPLAY);
        }
        expiry.addLast(new Seen(packet.timestamp(), signature));
        return new Verdict(packet, Outcome.DELIVERED);
    }

    private void forgetExpired(long receiverClock) {
        while (!expiry.isEmpty() && expiry.peekFirst().timestamp < receiverClock - skewWindow) {
            seen.remove(expiry.pollFirst().signature);
        }
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

    private record Seen(long timestamp, SignatureKey signature) {}

    /** The first 16 bytes of a signature: plenty to tell packets apart. */
    private record SignatureKey(long high, long low) {
        static SignatureKey of(byte[] wire, int offset) {
            return new SignatureKey(readLong(wire, offset), readLong(wire, offset + 8));
        }
    }

    static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
