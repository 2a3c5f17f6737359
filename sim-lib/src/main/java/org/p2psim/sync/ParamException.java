package org.p2psim.sync;

/**
 * A strategy parameter out of its range: {@code "sync.fanout must be a whole number in [1, 64], was 0"}.
 * Scenario binding catches it and reports the same words against the field of the file.
 */
public final class ParamException extends IllegalArgumentException {
    private final String param;
    private final String allowed;
    private final String was;

    public ParamException(String param, String allowed, Object was) {
        super("sync." + param + " must be " + allowed + ", was " + was);
        this.param = param;
        this.allowed = allowed;
        this.was = String.valueOf(was);
    }

    /** The parameter's key, e.g. "fanout". */
    public String param() {
        return param;
    }

    /** What is allowed, e.g. "a whole number in [1, 64]". */
    public String allowed() {
        return allowed;
    }

    /** The refused value as text. */
    public String was() {
        return was;
    }
}
