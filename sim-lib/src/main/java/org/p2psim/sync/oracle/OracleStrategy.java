package org.p2psim.sync.oracle;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.SimTime;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * The attainable bound, not a protocol: it reads the simulator's truth ({@link Board}: what every
 * device holds, who is online, what is in flight) and sends each event to each peer lacking it, as
 * soon as a packet could reach it (both ends online and not between networks, no partition; to the
 * peer's current address), once (again only when that packet was lost), with no summaries at all: its
 * bytes are the events' ciphertext, under the reconciliation floor. It still goes through the
 * network, so presence, loss, partitions, bandwidth and the peer graph bound it as they bound any
 * strategy. A chunk the peer declined (its fetch policy) is not offered to it again: were its user
 * to choose the file later, the bound would not deliver it (no built-in scenario does that).
 */
public final class OracleStrategy implements SyncStrategy {
    public static final String NAME = "oracle";

    private final OracleParams params;
    private final Set<EventId> held = new LinkedHashSet<>();
    private final Map<String, Set<EventId>> pending = new LinkedHashMap<>();
    private SyncContext context;
    private Board board;

    public OracleStrategy(OracleParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.board = Board.of(context.scheduler());
        for (StoredEvent e : context.store().events()) {
            held.add(EventId.parse(e.eventId()));
        }
        board.join(context.deviceName(), this);
        Periodic.start(context, params.tick(), this::tick);
    }

    boolean holds(EventId id) {
        return held.contains(id);
    }

    private void tick() {
        for (String peer : context.peers()) {
            if (!pending.containsKey(peer)) {
                pending.put(peer, new LinkedHashSet<>(held)); // a new peer: everything held is a candidate
            }
            flush(peer);
        }
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        held.add(id);
        if (board == null) {
            return;
        }
        board.arrived(context.deviceName(), id);
        for (String peer : context.peers()) {
            Set<EventId> set = pending.get(peer);
            if (set != null) {
                set.add(id);
                flush(peer);
            }
        }
    }

    /** Sends what {@code peer} lacks, if a packet could reach it now (both connected, no partition), within the window. */
    private void flush(String peer) {
        OracleStrategy other = board.member(peer);
        Set<EventId> set = pending.get(peer);
        if (other == null || set == null || set.isEmpty() || !context.reachable(peer)) {
            return;
        }
        long now = context.scheduler().now();
        long retry = SimTime.of(params.retry());
        int flying = 0;
        for (Iterator<EventId> it = set.iterator(); it.hasNext() && flying < params.window(); ) {
            EventId id = it.next();
            if (other.holds(id) || board.hasDeclined(peer, id)) {
                it.remove();
            } else if (board.inFlight(peer, id, now)) {
                flying += board.firstFlight(peer, id, now) ? 1 : 0;
            } else {
                StoredEvent event = context.store().get(id.hex());
                if (event != null && context.send(peer, PacketType.EVENT, event.ciphertext())) {
                    board.sent(peer, id, now, retry);
                    flying++;
                }
            }
        }
    }

    @Override
    public void onEventDeclined(EventId id) {
        if (board != null) {
            board.declined(context.deviceName(), id);
        }
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {}

    @Override
    public boolean believesPeerHas(String peer, String eventId) {
        OracleStrategy other = board == null ? null : board.member(peer);
        return other != null && other.holds(EventId.parse(eventId));
    }
}
