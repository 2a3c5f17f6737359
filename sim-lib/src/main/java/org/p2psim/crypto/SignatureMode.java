package org.p2psim.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;

/**
 * How packets are signed: for real, or with a cheap stand-in of the same size for long studies.
 *
 * <p>{@link #FAST} writes 64 bytes of BLAKE3 keyed with the signer's public key over the message.
 * It catches every accidental or simulated tampering a real signature catches, costs about a
 * twentieth of Ed25519, and anyone could forge it: it exists only so that simulations whose
 * question is not the cryptography run faster. Sizes on the wire are identical in both modes.
 */
public enum SignatureMode {
    /** Ed25519 (RFC 8032). */
    REAL {
        @Override
        public void sign(Ed25519KeyPair keys, byte[] message, int length, byte[] out, int outOffset) {
            keys.signInto(message, 0, length, out, outOffset);
        }

        @Override
        public boolean verify(Ed25519PublicKey key, byte[] message, int length, byte[] signature, int sigOffset) {
            return key.verify(message, 0, length, signature, sigOffset);
        }
    },
    /** Keyed BLAKE3 stand-in: same size, not a signature. */
    FAST {
        @Override
        public void sign(Ed25519KeyPair keys, byte[] message, int length, byte[] out, int outOffset) {
            keyedHash(keys.publicKeyView(), message, length, out, outOffset);
        }

        @Override
        public boolean verify(Ed25519PublicKey key, byte[] message, int length, byte[] signature, int sigOffset) {
            byte[] expected = new byte[Ed25519KeyPair.SIGNATURE_BYTES];
            keyedHash(key.view(), message, length, expected, 0);
            return Arrays.equals(expected, 0, expected.length, signature, sigOffset, sigOffset + expected.length);
        }
    };

    private static final ThreadLocal<Blake3Digest> DIGEST = ThreadLocal.withInitial(() -> new Blake3Digest(256));

    /** Writes the 64-byte signature of {@code message[0, length)} at {@code out[outOffset]}. */
    public abstract void sign(Ed25519KeyPair keys, byte[] message, int length, byte[] out, int outOffset);

    /** Whether {@code signature[sigOffset, sigOffset + 64)} signs {@code message[0, length)} under {@code key}. */
    public abstract boolean verify(Ed25519PublicKey key, byte[] message, int length, byte[] signature, int sigOffset);

    public String label() {
        return name().toLowerCase();
    }

    /** The mode named {@code label} ("real" or "fast"); the message lists both otherwise. */
    public static SignatureMode of(String label) {
        for (SignatureMode mode : values()) {
            if (mode.label().equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("crypto mode must be one of [real, fast], was '" + label + "'");
    }

    private static void keyedHash(byte[] publicKey, byte[] message, int length, byte[] out, int outOffset) {
        Blake3Digest digest = DIGEST.get();
        digest.init(Blake3Parameters.key(publicKey));
        digest.update(message, 0, length);
        digest.doFinal(out, outOffset, Ed25519KeyPair.SIGNATURE_BYTES);
    }
}
