package org.p2psim.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The community pre-shared key: 32 bytes, XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha).
 *
 * <p>A sealed event is {@code nonce(24) || ciphertext || tag(16)}, with no associated data, so it
 * is always {@link #OVERHEAD} = 40 bytes longer than its plaintext. The nonce is drawn from the
 * caller's seeded {@link RandomGenerator}, never from {@code SecureRandom}: the same seed seals the
 * same bytes.
 *
 * <p>Instances are immutable and may be shared between threads. The Bouncy Castle cipher they use
 * is kept per thread (one per simulation thread, reused for every seal and open), so no mutable
 * state is shared between simulations running in parallel.
 */
public final class CommunityKey {

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 24;
    public static final int TAG_BYTES = 16;
    public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;

    /**
     * One reusable AEAD object per thread. Every seal and open re-initialises it with its own key
     * and nonce (XChaCha20 derives a fresh subkey per nonce anyway), so reusing it saves only the
     * allocation of the cipher, its Poly1305 and its buffers, and carries no state between calls.
     */
    private static final ThreadLocal<XChaCha20Poly1305> CIPHER =
            ThreadLocal.withInitial(XChaCha20Poly1305::new);

    private final byte[] key;
    private final KeyParameter keyParameter;
    private final String fingerprint;

    private CommunityKey(byte[] key) {
        this.key = key;
        this.keyParameter = new KeyParameter(key);
        this.fingerprint = HexFormat.of().formatHex(Blake3.hash(key, 4));
    }

    /** The key with these 32 bytes (copied). */
    public static CommunityKey of(byte[] key) {
        Objects.requireNonNull(key, "community key bytes are null");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "a community key is " + KEY_BYTES + " bytes, got " + key.length);
        }
        return new CommunityKey(key.clone());
    }

    /** A new key of 32 bytes drawn from {@code rng} (four {@code nextLong()}, little-endian). */
    public static CommunityKey generate(RandomGenerator rng) {
        return new CommunityKey(RandomBytes.draw(rng, KEY_BYTES));
    }

    /** The 32 key bytes (a copy). */
    public byte[] bytes() {
        return key.clone();
    }

    /**
     * Seals {@code plaintext}: {@code nonce(24) || ciphertext || tag(16)}, no associated data. The
     * nonce is 24 bytes drawn from {@code nonces} (three {@code nextLong()}, little-endian).
     */
    public byte[] seal(byte[] plaintext, RandomGenerator nonces) {
        Objects.requireNonNull(plaintext, "plaintext is null");
        byte[] sealed = new byte[OVERHEAD + plaintext.length];
        RandomBytes.fill(nonces, sealed, 0, NONCE_BYTES);
        sealInto(sealed, plaintext, null);
        return sealed;
    }

    /** Seals {@code plaintext} under an explicit 24-byte nonce (tests, known-answer vectors). */
    public byte[] seal(byte[] plaintext, byte[] nonce) {
        return seal(plaintext, nonce, null);
    }

    /**
     * Seals with associated data. Package-private: the event format has no associated data; this
     * exists so the published AEAD test vector (which has some) can be checked byte for byte.
     */
    byte[] seal(byte[] plaintext, byte[] nonce, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext is null");
        Objects.requireNonNull(nonce, "nonce is null");
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException(
                    "an XChaCha20-Poly1305 nonce is " + NONCE_BYTES + " bytes, got " + nonce.length);
        }
        byte[] sealed = new byte[OVERHEAD + plaintext.length];
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        sealInto(sealed, plaintext, aad);
        return sealed;
    }

    /**
     * Opens bytes made by {@link #seal}: returns the plaintext, or throws {@link CryptoException}
     * if the input is shorter than the 40-byte overhead or fails authentication (tampered with, or
     * sealed under another community key).
     */
    public byte[] open(byte[] sealed) {
        return open(sealed, null);
    }

    /** Opens with associated data; package-private, see {@link #seal(byte[], byte[], byte[])}. */
    byte[] open(byte[] sealed, byte[] aad) {
        Objects.requireNonNull(sealed, "sealed bytes are null");
        if (sealed.length < OVERHEAD) {
            throw new CryptoException("sealed event is " + sealed.length
                    + " bytes, shorter than the " + OVERHEAD + "-byte nonce+tag overhead");
        }
        XChaCha20Poly1305 cipher = CIPHER.get();
        cipher.init(false, new ParametersWithIV(keyParameter, sealed, 0, NONCE_BYTES));
        if (aad != null) {
            cipher.processAADBytes(aad, 0, aad.length);
        }
        byte[] plaintext = new byte[sealed.length - OVERHEAD];
        try {
            int n = cipher.processBytes(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, plaintext, 0);
            cipher.doFinal(plaintext, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(plaintext, (byte) 0); // never hand out unauthenticated bytes
            throw new CryptoException("authentication failed: ciphertext tampered with"
                    + " or sealed under another community key", e);
        }
        return plaintext;
    }

    /** Encrypts {@code plaintext} into {@code sealed}, whose first 24 bytes already hold the nonce. */
    private void sealInto(byte[] sealed, byte[] plaintext, byte[] aad) {
        ParametersWithIV params = new ParametersWithIV(keyParameter, sealed, 0, NONCE_BYTES);
        XChaCha20Poly1305 cipher = CIPHER.get();
        try {
            cipher.init(true, params);
        } catch (IllegalArgumentException sameKeyAndNonceAsLastInit) {
            // Key (32) and nonce (24) lengths are checked above, so the only refusal left is Bouncy
            // Castle's guard against encrypting twice in a row under one key and nonce on one
            // cipher object. A deterministic replay (same seed, same nonce) does that on purpose
            // and legitimately; give this thread a fresh cipher, which has no memory of the last
            // nonce.
            cipher = new XChaCha20Poly1305();
            CIPHER.set(cipher);
            cipher.init(true, params);
        }
        if (aad != null) {
            cipher.processAADBytes(aad, 0, aad.length);
        }
        int n = cipher.processBytes(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
        try {
            cipher.doFinal(sealed, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("XChaCha20-Poly1305 encryption failed", e); // cannot happen
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommunityKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** A short fingerprint (first 4 bytes of the key's BLAKE3 hash), never the key itself. */
    @Override
    public String toString() {
        return "CommunityKey[blake3:" + fingerprint + "]";
    }
}
