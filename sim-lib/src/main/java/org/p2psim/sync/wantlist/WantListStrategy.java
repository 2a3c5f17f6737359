package org.p2psim.sync.wantlist;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.SimTime;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.Ids;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * Explicit requests: devices say what they hold, and ask for what they lack.
 *
 * <ul>
 *   <li><b>Summaries.</b> Every interval (random phase per device) a device sends each peer HAVE
 *       packets, each a plain list of 16-byte ids it holds, as many as the MTU allows: one with the
 *       events authored within {@code recentWindow}, newest first (left out when there are none), and
 *       {@code havePackets} more that walk through everything it holds in arrival order, from a
 *       cursor kept per peer that wraps around.</li>
 *   <li><b>Wants.</b> An id in a HAVE that the receiver lacks becomes a want, remembered with every
 *       peer that advertised it. New wants are asked for at once, in WANT packets (lists of ids) to
 *       the advertiser; a want still open one interval after it was asked is asked again, of the next
 *       advertiser in turn. At most {@code maxWants} ids are asked of one peer per round.</li>
 *   <li><b>Bounds.</b> A want asked {@value #GIVE_UP} times per advertiser is forgotten until it is
 *       advertised again; a peer's ids are not remembered past {@value #OPEN_PER_PEER} × {@code
 *       maxWants} open wants it advertised. Honest peers never come near either; a member listing
 *       ids it never sends (or that do not exist) costs a bounded table and bounded asks.</li>
 *   <li><b>Answers.</b> A WANT is answered with the listed events held, one EVENT packet each. A want
 *       is closed when its event is stored, from whoever sent it.</li>
 * </ul>
 */
public final class WantListStrategy implements SyncStrategy {
    public static final String NAME = "want-list";
    private static final long NEVER = Long.MIN_VALUE;
    /**
     * Asks per advertiser after which an open want is forgotten (until advertised again): a member
     * that lists ids it never sends, or that do not exist, is not asked for ever.
     */
    static final int GIVE_UP = 16;
    /** Open wants one peer may have advertised, in multiples of {@code maxWants}: a liar cannot grow the table without bound. */
    static final int OPEN_PER_PEER = 4;

    private final WantListParams params;
    private final Map<EventId, Want> wants = new LinkedHashMap<>();
    private final Map<String, Integer> cursors = new HashMap<>();
    private final Map<String, Integer> openBy = new HashMap<>();
    private SyncContext context;
    private int idsPerPacket;

    private static final class Want {
        final Set<String> advertisers = new LinkedHashSet<>();
        long askedAt = NEVER;
        int attempts;
    }

    public WantListStrategy(WantListParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        this.context = context;
        this.idsPerPacket = Ids.bodyBudget(context) / Ids.BYTES;
        if (idsPerPacket < 1) {
            throw new IllegalArgumentException("want-list needs room for one id in a packet; the network's MTU is " + context.mtu());
        }
        Periodic.start(context, params.interval(), this::round);
    }

    private void round() {
        List<String> recent = context.store().authoredSince(context.clock() - SimTime.of(params.recentWindow()), idsPerPacket);
        List<String> arrival = context.store().eventIdsInArrivalOrder();
        for (String peer : context.peers()) {
            if (!recent.isEmpty()) {
                sendIds(peer, PacketType.HAVE, recent.stream().map(EventId::parse).toList());
            }
            int cursor = cursors.getOrDefault(peer, 0);
            for (int p = 0; p < params.havePackets() && !arrival.isEmpty(); p++) {
                List<EventId> ids = new ArrayList<>();
                for (int i = 0; i < Math.min(idsPerPacket, arrival.size()); i++) {
                    ids.add(EventId.parse(arrival.get(cursor++ % arrival.size())));
                }
                cursor %= arrival.size();
                sendIds(peer, PacketType.HAVE, ids);
            }
            cursors.put(peer, cursor);
        }
        askDue(null);
    }

    /** Asks for every open want not asked within the last interval ({@code onlyOf}: only those {@code onlyOf} advertised). */
    private void askDue(String onlyOf) {
        long now = context.clock();
        long interval = SimTime.of(params.interval());
        Map<String, List<EventId>> asks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<EventId, Want>> it = wants.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<EventId, Want> e = it.next();
            Want want = e.getValue();
            if (want.attempts >= GIVE_UP * want.advertisers.size()) {
                it.remove();
                forget(want);
                continue;
            }
            if (want.askedAt != NEVER && now - want.askedAt < interval || onlyOf != null && !want.advertisers.contains(onlyOf)) {
                continue;
            }
            List<String> advertisers = new ArrayList<>(want.advertisers);
            String peer = onlyOf != null ? onlyOf : advertisers.get(want.attempts % advertisers.size());
            List<EventId> list = asks.computeIfAbsent(peer, p -> new ArrayList<>());
            if (list.size() < params.maxWants()) {
                list.add(e.getKey());
                want.askedAt = now;
                want.attempts++;
            }
        }
        asks.forEach((peer, ids) -> sendIds(peer, PacketType.WANT, ids));
    }

    private void sendIds(String peer, PacketType type, List<EventId> ids) {
        for (int start = 0; start < ids.size(); start += idsPerPacket) {
            List<EventId> chunk = ids.subList(start, Math.min(ids.size(), start + idsPerPacket));
            ByteBuffer out = ByteBuffer.allocate(chunk.size() * Ids.BYTES);
            chunk.forEach(id -> Ids.put(out, id));
            context.send(peer, type, out.array());
        }
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        Want want = wants.remove(id);
        if (want != null) {
            forget(want);
        }
    }

    private void forget(Want want) {
        want.advertisers.forEach(peer -> openBy.merge(peer, -1, Integer::sum));
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case HAVE -> onHave(from, packet.body());
            case WANT -> onWant(from, packet.body());
            default -> { }
        }
    }

    private void onHave(String from, byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        boolean fresh = false;
        while (in.remaining() >= Ids.BYTES) {
            EventId id = Ids.read(in);
            Want want = wants.get(id);
            if (context.store().contains(id.hex()) || want != null && want.advertisers.contains(from)
                    || openBy.getOrDefault(from, 0) >= OPEN_PER_PEER * params.maxWants()) {
                continue;
            }
            if (want == null) {
                want = new Want();
                wants.put(id, want);
            }
            want.advertisers.add(from);
            openBy.merge(from, 1, Integer::sum);
            fresh |= want.askedAt == NEVER;
        }
        if (fresh) {
            askDue(from);
        }
    }

    private void onWant(String from, byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.remaining() >= Ids.BYTES) {
            StoredEvent event = context.store().get(Ids.read(in).hex());
            if (event != null) {
                context.send(from, PacketType.EVENT, event.ciphertext());
            }
        }
    }
}
