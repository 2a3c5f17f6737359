package org.p2psim.metrics.facts;

/** Facts about what users read. */
public interface ReadFacts {
    /** {@code device}'s user read back {@code messages} messages in one scroll-back session. */
    void read(String device, int messages);
}
