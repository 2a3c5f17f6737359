package org.p2psim.experiment;

/** A run directory that cannot be used: already taken, not a run directory, or incomplete. */
public final class RunDirectoryException extends IllegalArgumentException {
    public RunDirectoryException(String message) {
        super(message);
    }
}
