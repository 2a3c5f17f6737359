package org.p2psim.crypto;

import java.util.Arrays;

/**
 * How packets are signed: for real, or with a cheap stand-in of the same size for long studies.
 *
 * <p>{@link #FAST} writes 64 bytes expanded (SplitMix64) from a 64-bit keyed hash: {@link
 * Bytes#fingerprint} of the message mixed with that of the signer's public key. It catches every
 * tampering a simulation performs (a changed byte changes the hash), costs a fraction of a
 * microsecond instead of Ed25519's tens, and anyone could forge it: it exists only so that
 * simulations whose question is not the cryptography run faster. Sizes on the wire are identical in
 * both modes.
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
        long state = Bytes.fingerprint(message, length) ^ Long.rotateLeft(Bytes.fingerprint(publicKey, publicKey.length), 17);
        for (int i = 0; i < Ed25519KeyPair.SIGNATURE_BYTES; i += 8) {
            state += 0x9e3779b97f4a7c15L;
            long z = (state ^ (state >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            Bytes.writeLong(out, outOffset + i, z ^ (z >>> 31));
        }
    }
}
