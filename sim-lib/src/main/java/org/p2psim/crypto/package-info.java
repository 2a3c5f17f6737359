/**
 * The cryptography of the simulated event store, on the Bouncy Castle low-level API (no JCA
 * provider): the community pre-shared key that seals events with XChaCha20-Poly1305 ({@link
 * org.p2psim.crypto.CommunityKey}; a sealed event is {@code nonce(24) || ciphertext || tag(16)},
 * no associated data, and a failure to open is a {@link org.p2psim.crypto.CryptoException} that
 * says why), BLAKE3 hashing for event ids ({@link org.p2psim.crypto.Blake3}), and Ed25519 device
 * identities that sign packets ({@link org.p2psim.crypto.Ed25519KeyPair}, 64-byte signatures
 * checked by {@link org.p2psim.crypto.Ed25519PublicKey}). Every random byte (keys, seeds, nonces)
 * is drawn from a {@link java.util.random.RandomGenerator} the caller passes in, never from
 * {@code SecureRandom}, so a simulation run with a fixed seed reproduces the same keys, nonces and
 * ciphertexts byte for byte: these keys are for a deterministic simulator and must never be used
 * to protect real data. The classes are immutable; reusable Bouncy Castle engines are kept per
 * thread, so simulations on different threads share no mutable state. This package depends on
 * nothing else of p2psim.
 */
package org.p2psim.crypto;
