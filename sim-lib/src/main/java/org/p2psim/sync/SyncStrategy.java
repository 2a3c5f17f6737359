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
     * A verified packet from peer {@code from}, other than an event: the device receives
     * {@code EVENT} packets itself (opens, checks, stores them) and reports what it stored through
     * {@link #onEventStored}.
     *
     * @param sentAt simulated send time: simulator truth, to be used for measurements only
     */
    void onPacket(String from, Packet packet, long sentAt);

    /**
     * An event was stored on this device: received from {@code fromPeer}, or authored here when
     * {@code fromPeer} is null. Duplicates, refused events and declined chunks are not reported.
     */
    default void onEventStored(EventId id, long authoredTs, String fromPeer) {}

    /**
     * The device received {@code id} and its fetch policy declined it (a chunk of a file it does not
     * fetch): not stored, so a strategy that asks for events should stop asking for this one.
     */
    default void onEventDeclined(EventId id) {}

    /** The device came back online (a phone's background window opened, a laptop reconnected). */
    default void onOnline() {}

    /**
     * Whether this device's knowledge says {@code peer} already holds {@code eventId}, so that it
     * will not send it (for inspection: a "yes" for an event the peer lacks is a false positive
     * that holds the event back). Strategies without such beliefs answer false.
     */
    default boolean believesPeerHas(String peer, String eventId) {
        return false;
    }
}
