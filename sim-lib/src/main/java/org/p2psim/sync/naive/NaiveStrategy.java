package org.p2psim.sync.naive;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.Ids;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * The ceiling: everything, every round, to every peer (random phase per device).
 *
 * <ul>
 *   <li>{@code events}: every event held, one EVENT packet each. Nothing else is ever sent.</li>
 *   <li>{@code ids} (default): every id held, in id order, in HAVE packets of as many ids as the MTU
 *       allows. Each packet is {@code u8 last | lower id | upper id | ids}: the complete list of the
 *       sender's ids from lower (inclusive) to upper (exclusive; to the top of the id space in the
 *       last packet, whose upper is then ignored). The receiver sends, as EVENT packets, every event
 *       it holds in that interval that the list lacks.</li>
 * </ul>
 */
public final class NaiveStrategy implements SyncStrategy {
    public static final String NAME = "naive";
    private static final int HEADER = 1 + 2 * Ids.BYTES;

    private final NaiveParams params;
    private final NavigableSet<EventId> byId = new TreeSet<>();
    private SyncContext context;
    private int idsPerPacket;

    public NaiveStrategy(NaiveParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.idsPerPacket = (Ids.bodyBudget(context) - HEADER) / Ids.BYTES;
        if (idsPerPacket < 1) {
            throw new IllegalArgumentException("naive needs room for one id in a packet; the network's MTU is " + context.mtu());
        }
        context.store().eventIdsInArrivalOrder().forEach(id -> byId.add(EventId.parse(id)));
        Periodic.start(context, params.interval(), this::round);
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        byId.add(id);
    }

    private void round() {
        for (String peer : context.peers()) {
            if (params.mode() == NaiveParams.Mode.EVENTS) {
                for (StoredEvent e : context.store().events()) {
                    context.send(peer, PacketType.EVENT, e.ciphertext());
                }
            } else {
                sendIds(peer);
            }
        }
    }

    private void sendIds(String peer) {
        List<EventId> ids = List.copyOf(byId);
        EventId lower = idOf(0, 0);
        for (int start = 0; start == 0 || start < ids.size(); start += idsPerPacket) {
            int end = Math.min(ids.size(), start + idsPerPacket);
            boolean last = end == ids.size();
            EventId upper = last ? idOf(-1, -1) : ids.get(end);
            ByteBuffer out = ByteBuffer.allocate(HEADER + (end - start) * Ids.BYTES);
            out.put((byte) (last ? 1 : 0));
            Ids.put(out, lower);
            Ids.put(out, upper);
            ids.subList(start, end).forEach(id -> Ids.put(out, id));
            if (!context.send(peer, PacketType.HAVE, out.array())) {
                return;
            }
            lower = upper;
        }
    }

    private static EventId idOf(long high, long low) {
        return EventId.fromBytes(ByteBuffer.allocate(Ids.BYTES).putLong(high).putLong(low).array());
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case HAVE -> onHave(from, packet.body());
            default -> { }
        }
    }

    private void onHave(String from, byte[] body) {
        if (body.length < HEADER || (body.length - HEADER) % Ids.BYTES != 0) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        boolean last = in.get() == 1;
        EventId lower = Ids.read(in);
        EventId upper = Ids.read(in);
        if (!last && lower.compareTo(upper) > 0) {
            return;
        }
        Set<EventId> theirs = new HashSet<>();
        while (in.hasRemaining()) {
            theirs.add(Ids.read(in));
        }
        NavigableSet<EventId> mine = last ? byId.tailSet(lower, true) : byId.subSet(lower, true, upper, false);
        for (EventId id : List.copyOf(mine)) {
            if (!theirs.contains(id)) {
                context.send(from, PacketType.EVENT, context.store().get(id.hex()).ciphertext());
            }
        }
    }
}
