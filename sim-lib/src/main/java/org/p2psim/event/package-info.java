/**
 * Events: what people create (messages, shared files as a meta event plus chunk events, and the
 * membership grants: invites, joins, device authorisations), how they are encoded, signed by
 * their author, sealed with the community key, and named.
 *
 * <p>The plaintext of an event is a compact binary record: format version, payload type, author
 * device id, authored timestamp (µs, author's clock), the payload's fields, and the author's
 * Ed25519 signature over all of it. The sealed event is {@code nonce(24) || XChaCha20-Poly1305
 * ciphertext || tag(16)}; its id is the first 16 bytes of BLAKE3 over those sealed bytes, so any
 * peer can name and deduplicate an event without being able to read it.
 */
package org.p2psim.event;
