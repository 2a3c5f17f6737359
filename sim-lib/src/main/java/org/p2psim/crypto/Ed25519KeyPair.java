package org.p2psim.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair (RFC 8032, pure Ed25519, no context): a device identity.
 *
 * <p>The private key is the 32-byte RFC 8032 seed; the public key is derived from it once, here,
 * and reused for every signature. Instances are immutable and safe to share between threads.
 */
public final class Ed25519KeyPair {

    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    static final int SEED_BYTES = 32;

    private final byte[] seed;
    private final byte[] publicKey;

    private Ed25519KeyPair(byte[] seed) {
        this.seed = seed;
        this.publicKey = new byte[PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    }

    /** A new key pair from 32 seed bytes drawn from {@code rng} (four {@code nextLong()}, little-endian). */
    public static Ed25519KeyPair generate(RandomGenerator rng) {
        return new Ed25519KeyPair(RandomBytes.draw(rng, SEED_BYTES));
    }

    /** The key pair whose RFC 8032 secret key (seed) is these 32 bytes (copied). */
    public static Ed25519KeyPair fromSeed(byte[] privateSeed32) {
        Objects.requireNonNull(privateSeed32, "Ed25519 seed is null");
        if (privateSeed32.length != SEED_BYTES) {
            throw new IllegalArgumentException(
                    "an Ed25519 private seed is " + SEED_BYTES + " bytes, got " + privateSeed32.length);
        }
        return new Ed25519KeyPair(privateSeed32.clone());
    }

    /** The public key itself, not a copy: for this package's hot paths only. */
    byte[] publicKeyView() {
        return publicKey;
    }

    /** The 32-byte public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 64-byte signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message is null");
        return sign(message, 0, message.length);
    }

    /** The 64-byte signature of {@code message[offset, offset+length)}. */
    public byte[] sign(byte[] message, int offset, int length) {
        byte[] signature = new byte[SIGNATURE_BYTES];
        signInto(message, offset, length, signature, 0);
        return signature;
    }

    /**
     * Signs {@code message[offset, offset+length)} and writes the 64-byte signature into {@code
     * out[outOffset, outOffset+64)}, for example straight into a packet buffer.
     */
    public void signInto(byte[] message, int offset, int length, byte[] out, int outOffset) {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(out, "signature output is null");
        Objects.checkFromIndexSize(offset, length, message.length);
        Objects.checkFromIndexSize(outOffset, SIGNATURE_BYTES, out.length);
        Ed25519.sign(seed, 0, publicKey, 0, message, offset, length, out, outOffset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519KeyPair other && MessageDigest.isEqual(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    /** Shows the start of the public key only, never the seed. */
    @Override
    public String toString() {
        return "Ed25519KeyPair[public=" + HexFormat.of().formatHex(publicKey, 0, 4) + "...]";
    }
}
