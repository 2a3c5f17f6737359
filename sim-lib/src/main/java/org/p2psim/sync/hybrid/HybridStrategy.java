package org.p2psim.sync.hybrid;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.sim.SimTime;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.bloom.BloomSeedStrategy;
import org.p2psim.sync.riblt.Rateless;

/**
 * The seed's plan 4: the seed's small Bloom filters (UDP-sized, unenumerable) keep recent events
 * flowing every {@code interval}; a rateless IBLT reconciliation of the whole history with the next
 * {@code historyFanout} peers in turn every {@code historyInterval} (one peer a round by default:
 * each session costs about 1.35 symbols per difference, and a phone back from sleep would pay its
 * whole backlog once per peer if it reconciled with all of them), and at once on start-up (a newcomer's first screen must not wait for
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
    /** A peer never heard from. */
    private static final long NEVER = Long.MIN_VALUE;

    private final HybridParams params;
    private final BloomSeedStrategy bloom;
    private final QuietBackoff filterRounds;
    private final QuietBackoff historyRounds;
    private final Map<String, Pair> pairs = new HashMap<>();
    private SyncContext context;
    private Rateless rateless;
    private int historyCursor;
    private int historyRoundCount;
    private int chained;
    private final Set<String> silentThisRound = new HashSet<>();

    /** What this device last told a peer, and whether the peer changed since. */
    private static final class Pair {
        long heardAt = NEVER;
        int richness;
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
        this.rateless = new Rateless(context, params.firstSymbols(), params.maxPackets(), params.maxEvents(), params.historyInterval(),
                new Rateless.Outcomes() {
                    @Override
                    public void silent(String peer) {
                        silentThisRound.add(peer);
                        openNext(true);
                    }

                    @Override
                    public void settled(String peer) {
                        if (++chained < context.peers().size()) {
                            openNext(false);
                        }
                    }
                });
        bloom.start(context);
        Periodic.start(context, FIRST_HISTORY, params.historyInterval(), this::historyRound);
    }

    private Pair pair(String peer) {
        return pairs.computeIfAbsent(peer, p -> new Pair());
    }

    /** Events this device holds: what its filters and history say changed since a round. */
    private int held() {
        return context.store().size();
    }

    private boolean filterDue(String peer) {
        Pair p = pair(peer);
        int held = held();
        if (!filterRounds.due(peer, held != p.heldAtFilter || p.peerChangedSinceFilter)) {
            return false;
        }
        p.heldAtFilter = held;
        p.peerChangedSinceFilter = false;
        return true;
    }

    /**
     * A history round: alternately the richest due peers and the next due peers in turn, see {@link
     * #openNext}. Within a round, a peer that stays silent is replaced by the next richest at once,
     * and a session that found events missing is followed, once its answers arrived, by one with the
     * next peer in turn (at most one per peer a round): a backlog is fetched from one peer, and what
     * that peer lacked too from the next, without waiting for rounds and without paying the backlog's
     * symbols once per peer.
     */
    private void historyRound() {
        silentThisRound.clear();
        chained = 0;
        openNext(historyRoundCount++ % 2 == 0);
    }

    /**
     * Opens history sessions with {@code historyFanout} due peers, among those heard from within two
     * history intervals of the last peer heard (a peer long silent is likely asleep or gone; after a
     * device's own sleep, the peers it heard last are the likeliest awake). {@code richestFirst}: the
     * peers whose last filter had the most bits set (they hold the most) before the others, which
     * brings a phone's backlog from a laptop rather than from another phone; otherwise in turn, so
     * that every peer's holes are found. Nothing while this device is offline.
     */
    private void openNext(boolean richestFirst) {
        if (!context.online()) {
            return;
        }
        long last = context.peers().stream().mapToLong(peer -> pair(peer).heardAt).max().orElse(NEVER);
        long recent = last == NEVER ? NEVER : last - 2 * SimTime.of(params.historyInterval());
        List<String> peers = context.peers().stream()
                .filter(peer -> pair(peer).heardAt >= recent && !silentThisRound.contains(peer)).toList();
        if (peers.isEmpty()) {
            return;
        }
        int start = Math.floorMod(historyCursor++, peers.size());
        List<String> order = new ArrayList<>(peers.subList(start, peers.size()));
        order.addAll(peers.subList(0, start));
        if (richestFirst) {
            order.sort(Comparator.comparingInt((String peer) -> pair(peer).richness).reversed());
        }
        int opened = 0;
        for (String peer : order) {
            if (opened < params.historyFanout() && historyDue(peer)) {
                rateless.open(peer);
                opened++;
            }
        }
    }

    /** Back online, a device reconciles at once: a phone's background window may hold no regular round. */
    @Override
    public void onOnline() {
        silentThisRound.clear();
        chained = 0;
        openNext(true);
    }

    private boolean historyDue(String peer) {
        Pair p = pair(peer);
        int held = held();
        boolean changed = held != p.heldAtHistory || p.peerChangedSinceHistory || !rateless.foundNoDifference(peer);
        if (!historyRounds.due(peer, changed)) {
            return false;
        }
        p.heldAtHistory = held;
        p.peerChangedSinceHistory = false;
        return true;
    }

    /** A filter from {@code peer} unlike the last few it sent means it gained events this device may lack. */
    private void filterFrom(String peer, byte[] body) {
        Pair p = pair(peer);
        Integer hash = Arrays.hashCode(body);
        if (!p.peerFilters.contains(hash)) {
            p.peerChangedSinceFilter = true;
            p.peerChangedSinceHistory = true;
            p.richness = 0;
            for (byte b : body) {
                p.richness += Integer.bitCount(b & 0xff);
            }
            if (p.peerFilters.size() == FILTER_LEVELS) {
                p.peerFilters.removeFirst();
            }
            p.peerFilters.addLast(hash);
        }
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        if (fromPeer != null) {
            pair(fromPeer).heardAt = context.clock();
        }
        rateless.add(id);
        bloom.onEventStored(id, authoredTs, fromPeer);
    }

    @Override
    public void onEventDeclined(EventId id) {
        rateless.declined(id);
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        pair(from).heardAt = context.clock();
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
