package org.p2psim.sync.bloom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * The seed's Bloom sync (seed 004, Phase 2), faithfully.
 *
 * <ul>
 *   <li>The device keeps a cumulative filter of every event it holds, cut into segments of
 *       {@code segment} events in arrival order (segment i holds arrivals i·s … (i+1)·s − 1; the
 *       newest segment holds 1 to s events). Every interval (random phase per device) it sends each
 *       peer one filter of at most {@code packetBytes}, at one of three levels, all with the same bits
 *       and hashing:
 *       <ul>
 *         <li><b>full</b>: every event held (the OR of all segments). A peer gets it first, and then
 *             whenever {@code fullEvery} (10 min) has passed since its last full filter;</li>
 *         <li><b>medium</b>: the newest three segments (at most 3·s events), when {@code mediumEvery}
 *             (1 min) has passed since the peer's last medium filter;</li>
 *         <li><b>recent</b>: the newest segment only, at every other round.</li>
 *       </ul>
 *       While a device holds at most {@code segment} events (8 000 by default, the seed's growth
 *       point) the three levels are one and the same filter of everything.</li>
 *   <li>A received filter, whatever its level, is OR-merged into what the device knows of that
 *       peer. Then the device checks its most recent events (newest first, up to {@code recentBatch})
 *       and a round-robin slice of its older ones ({@code olderBatch}, one cursor per device as in
 *       the seed), and sends each one the accumulated knowledge lacks, at most {@code maxPerRound}.</li>
 *   <li>It keeps no record of what it sent: repetition, not acknowledgement, repairs losses.</li>
 * </ul>
 *
 * <p>The same hashing in every filter is why knowledge can be OR-merged, and also why a false
 * positive stays one: the peer's bits only ever get set, so an event that tests positive once tests
 * positive forever and is never sent ({@code believesPeerHas} shows such events).
 */
public final class BloomSeedStrategy implements SyncStrategy {
    public static final String NAME = "bloom-seed";

    /** The seed's three filters, from the narrowest span of history to the widest. */
    public enum Level { RECENT, MEDIUM, FULL }

    /** Segments the medium level covers (the seed merges "the last 3 filters"). */
    public static final int MEDIUM_SEGMENTS = 3;

    private static final long NEVER = Long.MIN_VALUE;

    private final BloomSeedParams params;
    private final Predicate<String> sendsTo;
    private final PeerKnowledge knowledge = new PeerKnowledge();
    private final List<BloomFilter> segments = new ArrayList<>();
    private final Map<String, long[]> lastSent = new HashMap<>(); // peer → {medium, full}, device clock µs
    private SyncContext context;
    private FilterProbe probe;
    private BloomFilter own;
    private int held;
    private int olderCursor;

    public BloomSeedStrategy(BloomSeedParams params) {
        this(params, peer -> true);
    }

    /**
     * The seed's filters, sent to a peer at a round only when {@code sendsTo} says so: a strategy built
     * on this one (hybrid) thins out the rounds of a quiet pair; {@code bloom-seed} sends at every one.
     */
    public BloomSeedStrategy(BloomSeedParams params, Predicate<String> sendsTo) {
        this.params = params;
        this.sendsTo = sendsTo;
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
        if (params.packetBytes() > context.mtu()) {
            throw new IllegalArgumentException("sync.bytes (" + params.packetBytes() + ") exceeds the network's MTU ("
                    + context.mtu() + "): the filter packet could never be sent");
        }
        this.context = context;
        this.probe = new FilterProbe(context.filterFacts());
        this.own = new BloomFilter(params.filterBits(), params.hashes());
        for (String id : context.store().eventIdsInArrivalOrder()) {
            add(EventId.parse(id));
        }
        Periodic.start(context, params.interval(), this::sendRound);
    }

    @Override
    public boolean believesPeerHas(String peer, String eventId) {
        return knowledge.peerSeemsToHave(peer, EventId.parse(eventId));
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        add(id);
    }

    private void add(EventId id) {
        own.add(id);
        if (held % params.segment() == 0) {
            segments.add(new BloomFilter(params.filterBits(), params.hashes()));
        }
        segments.get(segments.size() - 1).add(id);
        held++;
    }

    /** The level {@code peer} is due for now: full, else medium, else recent. */
    Level levelFor(String peer, long now) {
        long[] last = lastSent.computeIfAbsent(peer, p -> new long[] {NEVER, NEVER});
        if (due(last[1], SimTime.of(params.fullEvery()), now)) {
            return Level.FULL;
        }
        return due(last[0], SimTime.of(params.mediumEvery()), now) ? Level.MEDIUM : Level.RECENT;
    }

    private static boolean due(long last, long every, long now) {
        return last == NEVER || now - last >= every;
    }

    /** Index of the first event (arrival order) that the level's filter covers; it covers all later ones. */
    int spanStart(Level level) {
        if (held == 0 || level == Level.FULL) {
            return 0;
        }
        int current = (held - 1) / params.segment();
        int first = level == Level.RECENT ? current : Math.max(0, current - (MEDIUM_SEGMENTS - 1));
        return first * params.segment();
    }

    private void sendRound() {
        long now = context.clock();
        Map<Level, byte[]> bodies = new EnumMap<>(Level.class);
        Map<Level, BloomFilter> filters = new EnumMap<>(Level.class);
        for (String peer : context.peers()) {
            if (!sendsTo.test(peer)) {
                continue;
            }
            Level level = levelFor(peer, now);
            BloomFilter filter = filters.computeIfAbsent(level, this::filterOf);
            byte[] body = bodies.computeIfAbsent(level, l -> filter.toBytes());
            if (context.send(peer, PacketType.FILTER, body)) {
                probe.sent(filter, held - spanStart(level), Packet.OVERHEAD + body.length);
                long[] last = lastSent.get(peer);
                if (level != Level.RECENT) {
                    last[level == Level.FULL ? 1 : 0] = now;
                }
            }
        }
    }

    private BloomFilter filterOf(Level level) {
        int from = spanStart(level);
        if (params.saltEachRound()) {
            return saltedFilter(from);
        }
        if (from == 0) {
            return own;
        }
        int first = from / params.segment();
        BloomFilter merged = segments.get(first).copy();
        for (int i = first + 1; i < segments.size(); i++) {
            merged.merge(segments.get(i));
        }
        return merged;
    }

    /** A filter of the events from arrival index {@code from} on, hashed under a fresh non-zero salt. */
    private BloomFilter saltedFilter(int from) {
        int salt = 0;
        while (salt == 0) {
            salt = context.random().nextInt();
        }
        BloomFilter filter = new BloomFilter(params.filterBits(), params.hashes(), salt);
        List<String> arrival = context.store().eventIdsInArrivalOrder();
        for (String id : arrival.subList(from, arrival.size())) {
            filter.add(EventId.parse(id));
        }
        return filter;
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case FILTER -> onFilter(from, packet, sentAt);
            default -> { }
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
        probe.tested(peer, event.eventId(), knowledge.asOf(peer), seemsHeld);
        if (!seemsHeld) {
            toSend.add(event);
        }
    }
}
