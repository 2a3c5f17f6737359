package org.p2psim.experiment;

/** A sweep that cannot be run as defined: a field varied twice, a repeated value, no seeds. */
public final class SweepException extends IllegalArgumentException {
    public SweepException(String message) {
        super(message);
    }
}
