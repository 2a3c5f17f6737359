package org.p2psim.device;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The peers a device knows, by network address (the device name), in the order it learnt them.
 * It holds at most {@code capacity} peers learnt by discovery; peers given by the topology are
 * always kept.
 */
public final class PeerTable {
    private final String self;
    private final int capacity;
    private final Set<String> peers = new LinkedHashSet<>();
    private List<String> snapshot = List.of();

    public PeerTable(String self, List<String> initial, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("peer table capacity must be >= 1, was " + capacity);
        }
        this.self = self;
        this.capacity = Math.max(capacity, initial.size());
        initial.forEach(this::add);
    }

    /** Adds {@code peer} if it is new, not this device, and the table has room; returns whether it was added. */
    public boolean add(String peer) {
        if (peer.equals(self) || peers.size() >= capacity || !peers.add(peer)) {
            return false;
        }
        snapshot = Collections.unmodifiableList(new ArrayList<>(peers));
        return true;
    }

    public boolean remove(String peer) {
        if (!peers.remove(peer)) {
            return false;
        }
        snapshot = Collections.unmodifiableList(new ArrayList<>(peers));
        return true;
    }

    public boolean contains(String peer) {
        return peers.contains(peer);
    }

    /** The peers in the order learnt; an immutable snapshot, cheap to take. */
    public List<String> list() {
        return snapshot;
    }

    public int size() {
        return peers.size();
    }
}
