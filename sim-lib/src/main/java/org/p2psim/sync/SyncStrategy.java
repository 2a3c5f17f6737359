package org.p2psim.sync;

import org.p2psim.event.EventId;
import org.p2psim.net.Packet;

/** One way of keeping a device's events in sync with its peers. One instance per device. */
public interface SyncStrategy {

    /** The name under which the strategy is registered, e.g. "bloom-seed". */
    String name();

    /** Called once when the device starts: schedule timers here. */
    void start(SyncContext context);

    /**
     * A verified packet from peer {@code from}.
     *
     * @param sentAt simulated send time: simulator truth, to be used for measurements only
     */
    void onPacket(String from, Packet packet, long sentAt);

    /** An event was stored on this device (authored here or received). */
    default void onEventStored(EventId id, long authoredTs) {}

    /**
     * Whether this device's knowledge says {@code peer} already holds {@code eventId}, so that it
     * will not send it (for inspection: a "yes" for an event the peer lacks is a false positive
     * that holds the event back). Strategies without such beliefs answer false.
     */
    default boolean believesPeerHas(String peer, String eventId) {
        return false;
    }
}
