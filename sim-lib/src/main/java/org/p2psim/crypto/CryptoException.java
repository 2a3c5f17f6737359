package org.p2psim.crypto;

/**
 * Thrown when sealed bytes cannot be opened or a key is malformed. The message says exactly why
 * (for example the length that was too short, or that authentication failed), so a caller can
 * count the failure by reason and a researcher can read it without a debugger.
 */
public final class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
