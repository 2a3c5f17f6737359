package org.p2psim.sync.bloom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.SimTime;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.Periodic;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/**
 * Bloom sync in the seed's packet budget, with independent rounds.
 *
 * <ul>
 *   <li><b>Window.</b> A filter of m bits holds n = m·(ln 2)²/−ln p ids at the target rate p, so a
 *       round's filter covers a window, not everything: every event authored within {@code
 *       recentWindow} (at most n/2 of them, newest first) plus one slice of the id space. The id space
 *       is cut into 2^b slices by the top b bits of the id, b the smallest that brings the expected
 *       load of a slice within the room left; round r covers slice r mod 2^b, so every held event is
 *       covered once every 2^b rounds.</li>
 *   <li><b>Salt.</b> Each round's filter is hashed under a fresh salt, so its false positives are
 *       independent of every other round's.</li>
 *   <li><b>Wire.</b> {@code i64 recentSince | u8 b | u32 slice | filter} (the filter with its salt, see
 *       {@link BloomFilter}): the header says exactly which events the filter covers (authored at or
 *       after recentSince, or in the slice).</li>
 *   <li><b>Receiving.</b> The receiver tests every event it holds that the filter covers and updates its
 *       {@link Evidence} about the sender (negatives are queued, positives count up); then it sends the
 *       queue, this round's negatives first, at most {@code maxPerRound} events. An event sent is off
 *       the queue: if it is lost, the next filter that covers it tests negative again.</li>
 * </ul>
 */
public final class BloomSaltedStrategy implements SyncStrategy {
    public static final String NAME = "bloom-salted";
    /** Coverage header (13 bytes) plus the salted filter's own header (5 bytes). */
    public static final int HEADER_BYTES = 8 + 1 + 4 + BloomFilter.wireBytes(0, true);

    private final BloomSaltedParams params;
    private final Map<String, Evidence> evidence = new HashMap<>();
    private final NavigableSet<EventId> byId = new TreeSet<>();
    private SyncContext context;
    private FilterProbe probe;
    private long round;

    public BloomSaltedStrategy(BloomSaltedParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(SyncContext context) {
        if (params.bytes() > context.mtu()) {
            throw new IllegalArgumentException("sync.bytes (" + params.bytes() + ") exceeds the network's MTU ("
                    + context.mtu() + "): the filter packet could never be sent");
        }
        this.context = context;
        this.probe = new FilterProbe(context.filterFacts());
        context.store().eventIdsInArrivalOrder().forEach(id -> byId.add(EventId.parse(id)));
        Periodic.start(context, params.interval(), this::sendRound);
    }

    @Override
    public void onEventStored(EventId id, long authoredTs, String fromPeer) {
        byId.add(id);
    }

    @Override
    public boolean believesPeerHas(String peer, String eventId) {
        Evidence e = evidence.get(peer);
        return e != null && e.positives(EventId.parse(eventId)) >= params.confirmations();
    }

    /** What one round's filter covers: events authored at or after {@code since}, and one id slice. */
    record Coverage(long since, int sliceBits, long slice) {
        boolean inSlice(EventId id) {
            return sliceBits == 0 || (id.high() >>> (64 - sliceBits)) == slice;
        }

        /** The slice's events among {@code ids}, in id order. */
        NavigableSet<EventId> sliceOf(NavigableSet<EventId> ids) {
            if (sliceBits == 0) {
                return ids;
            }
            EventId from = idWithHigh(slice << (64 - sliceBits));
            return slice == (1L << sliceBits) - 1 ? ids.tailSet(from, true)
                    : ids.subSet(from, true, idWithHigh((slice + 1) << (64 - sliceBits)), false);
        }
    }

    static EventId idWithHigh(long high) {
        byte[] bytes = new byte[EventId.BYTES];
        ByteBuffer.wrap(bytes).putLong(high);
        return EventId.fromBytes(bytes);
    }

    private void sendRound() {
        int capacity = params.capacity();
        long since = context.clock() - SimTime.of(params.recentWindow());
        List<String> recent = context.store().authoredSince(since, capacity / 2 + 1);
        if (recent.size() > capacity / 2) {
            recent = recent.subList(0, capacity / 2);
            since = context.store().get(recent.get(recent.size() - 1)).authoredTs() + 1;
        }
        int room = capacity - recent.size();
        int bits = 0;
        while (bits < 32 && (double) byId.size() / (1L << bits) > room) {
            bits++;
        }
        Coverage coverage = new Coverage(since, bits, round++ & ((1L << bits) - 1));
        int salt = 0;
        while (salt == 0) {
            salt = context.random().nextInt();
        }
        BloomFilter filter = new BloomFilter(params.filterBits(), BloomFilter.optimalHashes(params.filterBits(), capacity), salt);
        recent.forEach(id -> filter.add(EventId.parse(id)));
        NavigableSet<EventId> slice = coverage.sliceOf(byId);
        slice.forEach(filter::add);
        byte[] body = encode(coverage, filter);
        for (String peer : context.peers()) {
            if (context.send(peer, PacketType.FILTER, body)) {
                probe.sent(filter, recent.size() + slice.size(), Packet.OVERHEAD + body.length);
            }
        }
    }

    /** A FILTER body saying the filter covers every event authored since {@code since} (one slice: all of them). */
    public static byte[] encodeAllSince(long since, BloomFilter filter) {
        return encode(new Coverage(since, 0, 0), filter);
    }

    static byte[] encode(Coverage c, BloomFilter filter) {
        byte[] bits = filter.toBytes();
        return ByteBuffer.allocate(13 + bits.length).putLong(c.since()).put((byte) c.sliceBits()).putInt((int) c.slice())
                .put(bits).array();
    }

    @Override
    public void onPacket(String from, Packet packet, long sentAt) {
        switch (packet.type()) {
            case FILTER -> onFilter(from, packet.body(), sentAt);
            default -> { }
        }
    }

    private void onFilter(String from, byte[] body, long sentAt) {
        if (body.length < HEADER_BYTES + 1) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        Coverage coverage = new Coverage(in.getLong(), in.get() & 0xff, in.getInt() & 0xffffffffL);
        if (coverage.sliceBits() > 32) {
            return;
        }
        BloomFilter filter;
        try {
            filter = BloomFilter.fromBytes(Arrays.copyOfRange(body, 13, body.length));
        } catch (IllegalArgumentException e) {
            return;
        }
        Evidence known = evidence.computeIfAbsent(from, p -> new Evidence());
        List<EventId> fresh = new ArrayList<>();
        for (String hex : context.store().authoredSince(coverage.since(), Integer.MAX_VALUE)) {
            test(from, EventId.parse(hex), filter, known, fresh, sentAt);
        }
        for (EventId id : coverage.sliceOf(byId)) {
            if (context.store().get(id.hex()).authoredTs() < coverage.since()) {
                test(from, id, filter, known, fresh, sentAt);
            }
        }
        for (EventId id : known.takeToSend(fresh, params.maxPerRound())) {
            StoredEvent event = context.store().get(id.hex());
            context.send(from, PacketType.EVENT, event.ciphertext());
        }
    }

    private void test(String peer, EventId id, BloomFilter filter, Evidence known, List<EventId> fresh, long sentAt) {
        boolean positive = filter.mightContain(id);
        probe.tested(peer, id.hex(), sentAt, positive);
        if (positive) {
            known.positive(id);
        } else {
            known.negative(id);
            fresh.add(id);
        }
    }
}
