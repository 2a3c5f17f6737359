package org.p2psim.event;

/** Why a received event was refused. Each is counted separately in the metrics. */
public enum EventRejection {
    /** The AEAD did not open: tampered bytes or another community's key. */
    UNDECRYPTABLE,
    /** Decrypted, but the plaintext is not a well-formed event. */
    MALFORMED,
    /** The author device is not in the key directory. */
    UNKNOWN_AUTHOR,
    /** The author's Ed25519 signature over the plaintext does not verify. */
    BAD_AUTHOR_SIGNATURE;

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
