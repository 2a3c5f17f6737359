package org.p2psim.sync.hybrid;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.bloom.BloomSeedStrategy;
import org.p2psim.sync.riblt.Rateless;

/**
 * The seed's plan 4: the seed's small Bloom filters (UDP-sized, unenumerable) keep recent events
 * flowing every {@code interval}; a rateless IBLT reconciliation of the whole history with each peer
 * every {@code historyInterval}, and at once on start-up (a newcomer's first screen must not wait for
 * the filters' rotation), finds what the filters miss; what it finds is asked for explicitly (WANT)
 * and pushed, so nothing waits for a false positive to clear.
 *
 * <p>While a pair of devices gains no event (neither holds more than at its last round with the
 * other, the peer's filter is one it sent before, and the last reconciliation found the two equal),
 * both kinds of round with that peer thin out ({@link QuietBackoff}, {@code quietLevels}): an idle
 * community stops paying a filter per peer every interval for nothing.
 */
public final class HybridStrategy implements SyncStrategy {
    public static final String NAME = "hybrid";
    /** The first history reconciliation comes within this long of start-up. */
    private static final Duration FIRST_HISTORY = Duration.ofSeconds(2);

    /** Distinct filter bodies remembered per peer: its recent, medium and full levels are three while it gains nothing. */
    private static final int FILTER_LEVELS = 3;

    private final HybridParams params;
    private final BloomSeedStrategy bloom;
    private final QuietBackoff filterRounds;
    private final QuietBackoff historyRounds;
    private final Map<String, Pair> pairs = new HashMap<>();
    private SyncContext context;
    private Rateless rateless;
    private int held;

    /** What this device last told a peer, and whether the peer changed since. */
    private static final class Pair {
        int heldAtFilter = -1;
        int heldAtHistory = -1;
        boolean peerChangedSinceFilter;
        boolean peerChangedSinceHistory;
        final ArrayDeque<Integer> peerFilters = new ArrayDeque<>(FILTER_LEVELS);
    }

    public HybridStrategy(HybridParams params) {
        this.params = params;
        this.filterRounds = new QuietBackoff(params.quietLevels());
        this.historyRounds = new QuietBackoff(params.quietLevels());
        this.bloom = new BloomSeedStrategy(params.bloom(), this::filterDue);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.rateless = new Rateless(context, params.firstSymbols(), params.maxPackets(), params.maxEvents(), params.historyInterval());
        this.held = context.store().size();
        bloom.start(context);
        Periodic.start(context, FIRST_HISTORY, params.historyInterval(), () -> context.peers().forEach(this::historyRound));
    }

    private Pair pair(String peer) {
        return pairs.computeIfAbsent(peer, p -> new Pair());
    }

    private boolean filterDue(String peer) {
        Pair p = pair(peer);
        if (!filterRounds.due(peer, held != p.heldAtFilter || p.peerChangedSinceFilter)) {
            return false;
        }
        p.heldAtFilter = held;
        p.peerChangedSinceFilter = false;
        return true;
    }

    private void historyRound(String peer) {
        Pair p = pair(peer);
        boolean changed = held != p.heldAtHistory || p.peerChangedSinceHistory || !rateless.foundNoDifference(peer);
        if (historyRounds.due(peer, changed)) {
            p.heldAtHistory = held;
            p.peerChangedSinceHistory = false;
            rateless.open(peer);
        }
    }

    /** A filter from {@code peer} unlike the last few it sent means it gained events this device may lack. */
    private void filterFrom(String peer, byte[] body) {
        Pair p = pair(peer);
        Integer hash = Arrays.hashCode(body);
        if (!p.peerFilters.contains(hash)) {
            p.peerChangedSinceFilter = true;
            p.peerChangedSinceHistory = true;
            if (p.peerFilters.size() == FILTER_LEVELS) {
                p.peerFilters.removeFirst();
            }
            p.peerFilters.addLast(hash);
        }
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        held++;
        rateless.add(id);
        bloom.onEventStored(id, authoredTs, fromPeer);
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case CODED -> rateless.onCoded(from, packet.body());
            case WANT -> rateless.onWant(from, packet.body());
            case FILTER -> {
                filterFrom(from, packet.body());
                bloom.onPacket(from, packet, sentAt);
            }
            default -> bloom.onPacket(from, packet, sentAt);
        }
    }

    @Override
    public boolean believesPeerHas(String peer, String eventId) {
        return bloom.believesPeerHas(peer, eventId);
    }
}
