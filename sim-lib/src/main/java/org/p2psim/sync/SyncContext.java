package org.p2psim.sync;

import java.util.List;
import java.util.random.RandomGenerator;
import org.p2psim.metrics.facts.FilterFacts;
import org.p2psim.net.PacketType;
import org.p2psim.sim.Scheduler;
import org.p2psim.store.DeviceStore;

/** All a strategy may see and do on its device. */
public interface SyncContext {

    String deviceName();

    /** The names of the peers this device syncs with, in a fixed order. */
    List<String> peers();

    /** Schedules the strategy's timers in simulated time. */
    Scheduler scheduler();

    /** This device's clock in µs (simulated time plus the device's offset). */
    long clock();

    /** The strategy's own seeded random stream. */
    RandomGenerator random();

    /** The device's store: read it, never write it (the device stores the events it receives). */
    DeviceStore store();

    /**
     * Signs a packet with the device's key and sends it to {@code peer}. Returns false, sending
     * nothing, while the device is offline.
     */
    boolean send(String peer, PacketType type, byte[] body);

    /** Whether the device is online now (the oracle strategy reads its peers'; a protocol cannot). */
    default boolean online() {
        return true;
    }

    /**
     * Simulator truth, for the oracle only (a protocol cannot know it): whether a packet sent to
     * {@code peer} now could arrive, i.e. both ends are online and not between networks, and no
     * partition separates them. When it could, this device also learns {@code peer}'s current
     * address, so that the packet goes where the peer is now.
     */
    default boolean reachable(String peer) {
        return online();
    }

    /** The largest packet (header, body and signature) the network carries. */
    int mtu();

    /** Where the strategy reports what only the simulator can judge (e.g. filter tests). */
    FilterFacts filterFacts();
}
