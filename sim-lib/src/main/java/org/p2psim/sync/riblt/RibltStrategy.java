package org.p2psim.sync.riblt;

import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * Rateless IBLT reconciliation: every interval (random phase per device) a device opens a
 * {@link Rateless} session with each peer, which streams coded symbols until the difference decodes,
 * then asks for what it lacks and pushes what the peer lacks.
 */
public final class RibltStrategy implements SyncStrategy {
    public static final String NAME = "riblt";

    private final RibltParams params;
    private SyncContext context;
    private Rateless rateless;

    public RibltStrategy(RibltParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.rateless = new Rateless(context, params.firstSymbols(), params.maxPackets(), params.maxEvents(), params.interval());
        Periodic.start(context, params.interval(), () -> context.peers().forEach(rateless::open));
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        rateless.add(id);
    }

    @Override
    public void onEventDeclined(EventId id) {
        rateless.declined(id);
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case CODED -> rateless.onCoded(from, packet.body());
            case WANT -> rateless.onWant(from, packet.body());
            default -> { }
        }
    }
}
