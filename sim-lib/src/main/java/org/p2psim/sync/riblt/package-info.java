/**
 * Rateless invertible Bloom lookup tables (Yang, Gilad and Alizadeh, "Practical Rateless Set
 * Reconciliation", SIGCOMM 2024): a set as an endless stream of coded symbols ({@link
 * org.p2psim.sync.riblt.CodedSet}), a {@link org.p2psim.sync.riblt.Decoder} that peels the
 * difference from as many symbols as it takes (about 1.35 per difference at large d), and the
 * {@code riblt} strategy that streams them in MTU-sized packets until the peer decodes.
 */
package org.p2psim.sync.riblt;
