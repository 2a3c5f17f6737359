package org.p2psim.inspect;

/**
 * An inspection that cannot be answered as asked: an unknown device (the message lists the
 * devices), an SQL error (SQLite's message and the query), an assertion that needs what the
 * source does not hold. The message is one line that says what to change.
 */
public final class InspectException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InspectException(String message) {
        super(message);
    }

    public InspectException(String message, Throwable cause) {
        super(message, cause);
    }
}
