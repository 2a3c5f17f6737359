package org.p2psim.sync.range;

import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * Range-based set reconciliation in the style of negentropy: every interval (random phase per
 * device) a device opens an exchange with each peer with the fingerprint of everything it holds;
 * differing ranges are split into buckets of fingerprints until small id lists remain, and the
 * missing events flow both ways as soon as an id list shows them. The rules and the framing to the
 * UDP size limit are in {@link Reconciler}; in sync, an exchange costs one small packet per peer.
 */
public final class RangeReconStrategy implements SyncStrategy {
    public static final String NAME = "range-recon";

    private final RangeReconParams params;
    private SyncContext context;
    private Reconciler reconciler;

    public RangeReconStrategy(RangeReconParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.reconciler = new Reconciler(context, params.buckets(), params.idListThreshold(), params.maxEvents());
        Periodic.start(context, params.interval(), () -> context.peers().forEach(reconciler::initiate));
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        reconciler.add(id, authoredTs);
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case RECON -> reconciler.onRecon(from, packet.body());
            case WANT -> reconciler.onWant(from, packet.body());
            default -> { }
        }
    }
}
