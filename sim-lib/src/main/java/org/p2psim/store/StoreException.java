package org.p2psim.store;

/**
 * A file cannot be used as a device store, or SQLite refused an operation on it. The message
 * names the file and says why, e.g. {@code "runs/x/devices/bob.sqlite is not a p2psim device store
 * (no p2psim_meta table)"}.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
