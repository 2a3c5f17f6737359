package org.p2psim.net;

import org.p2psim.crypto.Ed25519PublicKey;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.sim.WorkAhead;
import org.p2psim.sim.WorkPool;

/**
 * Packet signatures checked ahead on other cores, consumed in event order: a {@link WorkAhead} of
 * Ed25519 checks. When a device sends a packet, its check (a pure function of the bytes and the
 * sender's key, looked up then) starts on the run's {@link WorkPool}; when the packet is delivered,
 * {@link PacketVerifier} takes the result instead of checking it then (or checks it itself when no
 * worker has started it yet). A check is used only for the very array it was started on, under the
 * same key and length, and only while the bytes are still the ones it checked; anything else is
 * checked inline. The result is the one an inline check gives, so a run's trace does not depend on
 * the number of threads: only where the work happens does.
 */
public final class SignatureLookahead {
    /** Checks every signature inline, on the simulation thread. */
    public static final SignatureLookahead OFF = new SignatureLookahead(null, new WorkAhead<>(WorkPool.INLINE));

    private final KeyDirectory keys;
    private final WorkAhead<Boolean> checks;

    private SignatureLookahead(KeyDirectory keys, WorkAhead<Boolean> checks) {
        this.keys = keys;
        this.checks = checks;
    }

    /**
     * Checks ahead on {@code pool} when signatures are real and the pool has workers; else {@link #OFF}.
     * Fast signatures cost less than handing them to another thread.
     */
    public static SignatureLookahead of(KeyDirectory keys, SignatureMode mode, WorkPool pool) {
        return mode != SignatureMode.REAL || pool.isInline() ? OFF : new SignatureLookahead(keys, new WorkAhead<>(pool));
    }

    public boolean isOn() {
        return checks.isOn();
    }

    /** {@code packet} was just signed and handed to the network at simulated time {@code now}. */
    public void sent(Packet packet, long now) {
        if (!checks.isOn()) {
            return;
        }
        Ed25519PublicKey key = keys.lookup(packet.sender());
        if (key != null) {
            int length = packet.signedLength();
            checks.submit(packet.wire(), packet.wire(), new Terms(key, length),
                    bytes -> SignatureMode.REAL.verify(key, bytes, length, bytes, length), now);
        }
    }

    /** Whether the signature at {@code wire[length, length + 64)} signs {@code wire[0, length)} under {@code key}. */
    public boolean verify(SignatureMode mode, Ed25519PublicKey key, byte[] wire, int length) {
        Boolean ahead = checks.isOn() ? checks.takeAhead(wire, wire, new Terms(key, length)) : null;
        return ahead != null ? ahead : mode.verify(key, wire, length, wire, length);
    }

    /** What a check depends on besides the bytes. */
    private record Terms(Ed25519PublicKey key, int length) {}
}
