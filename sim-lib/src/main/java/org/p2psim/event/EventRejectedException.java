package org.p2psim.event;

/** A received event that must not be stored, with the reason and a human explanation. */
public final class EventRejectedException extends Exception {
    private final EventRejection reason;

    public EventRejectedException(EventRejection reason, String message) {
        super(reason.label() + ": " + message);
        this.reason = reason;
    }

    public EventRejection reason() {
        return reason;
    }
}
