package org.p2psim.sync.hybrid;

import java.time.Duration;
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
 */
public final class HybridStrategy implements SyncStrategy {
    public static final String NAME = "hybrid";
    /** The first history reconciliation comes within this long of start-up. */
    private static final Duration FIRST_HISTORY = Duration.ofSeconds(2);

    private final HybridParams params;
    private final BloomSeedStrategy bloom;
    private SyncContext context;
    private Rateless rateless;

    public HybridStrategy(HybridParams params) {
        this.params = params;
        this.bloom = new BloomSeedStrategy(params.bloom());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.rateless = new Rateless(context, params.firstSymbols(), params.maxPackets(), params.maxEvents());
        bloom.start(context);
        Periodic.start(context, FIRST_HISTORY, params.historyInterval(), () -> context.peers().forEach(rateless::open));
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        rateless.add(id);
        bloom.onEventStored(id, authoredTs, fromPeer);
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case CODED -> rateless.onCoded(from, packet.body());
            case WANT -> rateless.onWant(from, packet.body());
            default -> bloom.onPacket(from, packet, sentAt);
        }
    }

    @Override
    public boolean believesPeerHas(String peer, String eventId) {
        return bloom.believesPeerHas(peer, eventId);
    }
}
