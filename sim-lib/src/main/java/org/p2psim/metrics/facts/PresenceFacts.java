package org.p2psim.metrics.facts;

/** Facts about which devices exist and whether they are online. */
public interface PresenceFacts {
    /**
     * A device appeared at {@code at} (µs), online. Events created from now on should reach it;
     * events created before do not wait for it.
     */
    void device(String device, long at);

    /** {@code device} went online or offline at {@code at} (µs); repeating the current state changes nothing. */
    void deviceOnline(String device, boolean online, long at);
}
