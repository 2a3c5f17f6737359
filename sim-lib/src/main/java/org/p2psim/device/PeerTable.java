package org.p2psim.device;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2psim.net.Network;

/**
 * The peers a device knows, by name, in the order it learnt them, and the network address it last
 * learnt for each. It holds at most {@code capacity} peers learnt by discovery; peers given by the
 * topology are always kept.
 *
 * <p>Addresses are learnt from the source address of every packet received and from peer exchange;
 * the newest address wins (a device's addresses are numbered in the order it had them, see
 * {@link Network#switchAddress}), so a late packet or a second-hand report of an old address does
 * not undo a newer one. A real implementation orders them by the signed timestamp of the packet
 * that revealed them; the number stands in for that. Addresses of peers that left the table (or
 * never fitted) are kept, so a reply to any sender goes where it came from. Peers never heard from
 * are at {@link Network#FIRST_ADDRESS}, where every device starts.
 */
public final class PeerTable {
    private static final Integer FIRST = Network.FIRST_ADDRESS;

    private final String self;
    private final int capacity;
    private final Set<String> peers = new LinkedHashSet<>();
    /** Looked up by key only, never iterated. */
    private final Map<String, Integer> addresses = new HashMap<>();
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

    /**
     * Learns that {@code peer} is at {@code address} (kept if newer than what is known) and adds it
     * as {@link #add} does; returns whether it was added to the table.
     */
    public boolean learn(String peer, int address) {
        if (peer.equals(self)) {
            return false;
        }
        Integer known = addresses.get(peer);
        if (known == null ? address != Network.FIRST_ADDRESS : address > known) {
            addresses.put(peer, address);
        }
        return add(peer);
    }

    /** The newest address known for {@code peer}: where this device sends to it. */
    public int addressOf(String peer) {
        return addresses.getOrDefault(peer, FIRST);
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
