package org.p2psim.sync.bloom;

import java.util.ArrayList;
import java.util.List;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * The seed's Bloom sync (seed 004, Phase 2), faithfully.
 *
 * <ul>
 *   <li>The device keeps one filter of every event it holds and, every interval (random phase per
 *       device), sends it to each peer in a packet of at most {@code packetBytes}.</li>
 *   <li>A received filter is OR-merged into what the device knows of that peer. Then the device
 *       checks its most recent events (newest first, up to {@code recentBatch}) and a round-robin
 *       slice of its older ones ({@code olderBatch}, one cursor per device as in the seed), and
 *       sends each one the accumulated knowledge lacks, at most {@code maxPerRound}.</li>
 *   <li>It keeps no record of what it sent: repetition, not acknowledgement, repairs losses.</li>
 * </ul>
 */
public final class BloomSeedStrategy implements SyncStrategy {
    public static final String NAME = "bloom-seed";

    private final BloomSeedParams params;
    private final PeerKnowledge knowledge = new PeerKnowledge();
    private SyncContext context;
    private BloomFilter own;
    private int olderCursor;

    public BloomSeedStrategy(BloomSeedParams params) {
        this.params = params;
    }

    public BloomSeedStrategy() {
        this(BloomSeedParams.DEFAULTS);
    }

    @Override
    public String name() {
        return NAME;
    }

    public BloomSeedParams params() {
        return params;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.own = new BloomFilter(params.filterBits(), params.hashes());
        for (String id : context.store().eventIdsInArrivalOrder()) {
            own.add(EventId.parse(id));
        }
        long interval = SimTime.of(params.interval());
        context.scheduler().after(context.random().nextLong(interval), this::sendRound);
    }

    /** Whether this device's accumulated knowledge says {@code peer} holds {@code eventId} (for inspection). */
    public boolean believesPeerHas(String peer, String eventId) {
        return knowledge.peerSeemsToHave(peer, EventId.parse(eventId));
    }

    @Override
    public void onEventStored(EventId id, long authoredTs) {
        own.add(id);
    }

    private void sendRound() {
        BloomFilter filter = params.saltEachRound() ? saltedFilter() : own;
        byte[] body = filter.toBytes();
        for (String peer : context.peers()) {
            if (context.send(peer, PacketType.FILTER, body)) {
                context.metrics().filterSent(context.store().size(), filter.bits(), filter.hashes(), Packet.OVERHEAD + body.length);
            }
        }
        context.scheduler().after(SimTime.of(params.interval()), this::sendRound);
    }

    /** A filter of everything held, hashed under a fresh non-zero salt. */
    private BloomFilter saltedFilter() {
        int salt = 0;
        while (salt == 0) {
            salt = context.random().nextInt();
        }
        BloomFilter filter = new BloomFilter(params.filterBits(), params.hashes(), salt);
        for (String id : context.store().eventIdsInArrivalOrder()) {
            filter.add(EventId.parse(id));
        }
        return filter;
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case FILTER -> onFilter(from, packet, sentAt);
            case EVENT -> context.receiveEvent(from, packet.body());
        }
    }

    private void onFilter(String from, Packet packet, long sentAt) {
        BloomFilter filter;
        try {
            filter = BloomFilter.fromBytes(packet.body());
        } catch (IllegalArgumentException e) {
            return;
        }
        knowledge.merge(from, filter, sentAt);
        for (StoredEvent event : selectMissing(from)) {
            context.send(from, PacketType.EVENT, event.ciphertext());
        }
    }

    /** Recent events first, then the round-robin slice of older ones, each sent if the peer seems to lack it. */
    private List<StoredEvent> selectMissing(String peer) {
        DeviceStore store = context.store();
        long cutoff = context.clock() - SimTime.of(params.recentWindow());
        List<StoredEvent> toSend = new ArrayList<>();
        List<String> recent = store.authoredSince(cutoff, params.recentBatch());
        for (String id : recent) {
            if (toSend.size() >= params.maxPerRound()) {
                return toSend;
            }
            considerSending(peer, store.get(id), toSend);
        }
        if (toSend.size() < params.maxPerRound()) {
            scanOlder(peer, cutoff, toSend);
        }
        return toSend;
    }

    /** Checks the next {@code olderBatch} events authored before {@code cutoff}, in arrival order, wrapping around. */
    private void scanOlder(String peer, long cutoff, List<StoredEvent> toSend) {
        List<String> arrival = context.store().eventIdsInArrivalOrder();
        int n = arrival.size();
        int checked = 0;
        int position = olderCursor % Math.max(1, n);
        for (int step = 0; step < n && checked < params.olderBatch() && toSend.size() < params.maxPerRound(); step++) {
            int index = (position + step) % n;
            StoredEvent event = context.store().get(arrival.get(index));
            if (event.authoredTs() < cutoff) {
                checked++;
                considerSending(peer, event, toSend);
                olderCursor = index + 1;
            }
        }
    }

    private void considerSending(String peer, StoredEvent event, List<StoredEvent> toSend) {
        EventId id = EventId.parse(event.eventId());
        boolean seemsHeld = knowledge.peerSeemsToHave(peer, id);
        context.metrics().filterTested(peer, event.eventId(), knowledge.asOf(peer), seemsHeld);
        if (!seemsHeld) {
            toSend.add(event);
        }
    }
}
