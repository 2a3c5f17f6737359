package org.p2psim.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification (RFC 8032, pure Ed25519) against a known public key.
 *
 * <p>The 32-byte encoding is decoded to a curve point once, when the key is made, and the decoded
 * {@link Ed25519PublicKeyParameters} is kept, so each {@link #verify} skips the point
 * decompression. Instances are immutable and safe to share between threads.
 */
public final class Ed25519PublicKey {

    private final byte[] bytes;
    private final Ed25519PublicKeyParameters parameters;

    private Ed25519PublicKey(byte[] bytes, Ed25519PublicKeyParameters parameters) {
        this.bytes = bytes;
        this.parameters = parameters;
    }

    /**
     * The public key with this 32-byte encoding (copied).
     *
     * @throws IllegalArgumentException if it is not 32 bytes long
     * @throws CryptoException if the 32 bytes do not encode a point of the Ed25519 curve
     */
    public static Ed25519PublicKey of(byte[] publicKey32) {
        Objects.requireNonNull(publicKey32, "Ed25519 public key is null");
        if (publicKey32.length != Ed25519KeyPair.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is "
                    + Ed25519KeyPair.PUBLIC_KEY_BYTES + " bytes, got " + publicKey32.length);
        }
        byte[] copy = publicKey32.clone();
        Ed25519PublicKeyParameters parameters;
        try {
            parameters = new Ed25519PublicKeyParameters(copy, 0);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("malformed Ed25519 public key " + HexFormat.of().formatHex(copy)
                    + ": the 32 bytes do not encode a point on the curve", e);
        }
        return new Ed25519PublicKey(copy, parameters);
    }

    /** The 32-byte encoding (a copy). */
    /** The encoding itself, not a copy: for this package's hot paths only. */
    byte[] view() {
        return bytes;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Whether {@code signature[sigOffset, sigOffset+64)} is a valid signature by this key of
     * {@code message[offset, offset+length)}. A malformed signature is simply not valid (false).
     *
     * @throws IndexOutOfBoundsException if either range lies outside its array
     */
    public boolean verify(byte[] message, int offset, int length, byte[] signature, int sigOffset) {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(signature, "signature is null");
        Objects.checkFromIndexSize(offset, length, message.length);
        Objects.checkFromIndexSize(sigOffset, Ed25519KeyPair.SIGNATURE_BYTES, signature.length);
        return parameters.verify(Ed25519.Algorithm.Ed25519, null, message, offset, length, signature, sigOffset);
    }

    /** Whether {@code signature} (exactly 64 bytes, else false) is this key's signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(signature, "signature is null");
        if (signature.length != Ed25519KeyPair.SIGNATURE_BYTES) {
            return false;
        }
        return verify(message, 0, message.length, signature, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + HexFormat.of().formatHex(bytes, 0, 4) + "...]";
    }
}
