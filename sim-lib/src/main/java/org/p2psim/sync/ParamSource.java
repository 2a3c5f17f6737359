package org.p2psim.sync;

/**
 * The parameters of one strategy as a configuration gives them, by key (the scenario format's
 * {@code sync} section implements this); {@link StrategyType#bind} reads them.
 */
public interface ParamSource {

    /** The value of {@code key}; {@link ParamValue#isMissing()} when it is not given. */
    ParamValue get(String key);

    /** An error against the whole section. */
    RuntimeException error(String detail);
}
