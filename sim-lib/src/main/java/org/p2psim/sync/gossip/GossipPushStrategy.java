package org.p2psim.sync.gossip;

import java.util.ArrayList;
import java.util.List;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.sync.range.Reconciler;

/**
 * Epidemic push with anti-entropy (Demers et al.'s "infect and die" rumour spreading, plus repair).
 *
 * <ul>
 *   <li><b>Push.</b> When a device stores an event for the first time, authored here or received, it
 *       sends it at once to {@code fanout} peers drawn at random from its peer list, leaving out the
 *       peer it came from. It pushes each event once and never again.</li>
 *   <li><b>Anti-entropy.</b> Pushes are lost, peers are offline, and a rumour can die out before it
 *       reaches everyone. So every {@code antiEntropy} interval (random phase per device) a device
 *       reconciles its whole store with one peer drawn at random, by range-based reconciliation
 *       ({@link Reconciler}, the same as {@code range-recon}): whatever either side lacks is sent.
 *       Events received this way are pushed on like any other.</li>
 * </ul>
 */
public final class GossipPushStrategy implements SyncStrategy {
    public static final String NAME = "gossip-push";
    /** Anti-entropy's reconciliation splits as range-recon does by default (negentropy's 16 buckets, lists up to 32). */
    static final int RECON_BUCKETS = 16;
    static final int RECON_ID_LIST = 32;

    private final GossipPushParams params;
    private SyncContext context;
    private Reconciler reconciler;

    public GossipPushStrategy(GossipPushParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.reconciler = new Reconciler(context, RECON_BUCKETS, RECON_ID_LIST, params.maxEvents());
        Periodic.start(context, params.antiEntropy(), this::antiEntropy);
    }

    private void antiEntropy() {
        List<String> peers = context.peers();
        if (!peers.isEmpty()) {
            reconciler.initiate(peers.get(context.random().nextInt(peers.size())));
        }
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        reconciler.add(id, authoredTs);
        List<String> candidates = new ArrayList<>(context.peers());
        candidates.remove(fromPeer);
        byte[] sealed = context.store().get(id.hex()).ciphertext();
        for (int i = 0; i < params.fanout() && i < candidates.size(); i++) {
            int pick = i + context.random().nextInt(candidates.size() - i);
            String peer = candidates.get(pick);
            candidates.set(pick, candidates.get(i));
            candidates.set(i, peer);
            context.send(peer, PacketType.EVENT, sealed);
        }
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
