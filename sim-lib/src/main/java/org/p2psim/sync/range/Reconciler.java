package org.p2psim.sync.range;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.Ids;
import org.p2psim.sync.SyncContext;

/**
 * Range-based set reconciliation (Meyer; the negentropy protocol) of one device's events with its
 * peers', over UDP: our own implementation from the published description, for {@code range-recon}
 * and for {@code gossip-push}'s anti-entropy.
 *
 * <p><b>Items</b> are the events held, ordered by (authored timestamp, id). <b>Messages</b> are
 * sequences of ranges ({@link Message}), each one Skip, Fingerprint or IdList. Both sides run the
 * same rules; there are no roles and no session state, so a lost packet just ends an exchange and
 * the next one starts afresh.
 * <ul>
 *   <li><b>Opening</b> ({@link #initiate}): one range over everything: its Fingerprint, or an empty
 *       IdList when the device holds nothing.</li>
 *   <li><b>Skip</b> is answered with Skip (adjacent Skips merge; trailing ones are left out).</li>
 *   <li><b>Fingerprint</b>: equal to ours over the same range → Skip. Otherwise we split our items in
 *       the range: at most {@code idListThreshold} of them → our IdList of the range; more → {@code
 *       buckets} sub-ranges of equal counts, each with its Fingerprint, bounds as short as possible.</li>
 *   <li><b>IdList</b>: the sender holds exactly these ids in the range. We send at once, as EVENT
 *       packets, our events it lacks, ask with WANT packets for the ids we lack, and answer Skip.</li>
 *   <li><b>WANT</b>: send the listed events held.</li>
 *   <li>A reply holding only Skips is not sent: the exchange is over.</li>
 * </ul>
 * <b>Framing</b>: every message fits one packet. When the next range would not fit (keeping room
 * for the close), everything from its lower bound to infinity is folded into one Fingerprint range
 * and the peer carries on from there, as negentropy's frame-size limit does. Events sent and ids
 * wanted are capped at {@code maxEvents} per received message (newest first); the rest is found by
 * the next exchange.
 */
public final class Reconciler {
    /** The smallest body that still frames two buckets or a two-id list with room to fold. */
    public static final int MIN_BODY = 2 * Message.RESERVE + 2 * (Message.MAX_BOUND_BYTES + 1 + RangeItems.FINGERPRINT_BYTES);

    private final SyncContext context;
    private final RangeItems items = new RangeItems();
    private final int budget;
    private final int buckets;
    private final int idListThreshold;
    private final int maxEvents;

    public Reconciler(SyncContext context, int buckets, int idListThreshold, int maxEvents) {
        this.context = context;
        this.budget = Ids.bodyBudget(context);
        if (budget < MIN_BODY) {
            throw new IllegalArgumentException("range reconciliation needs an MTU of at least " + (MIN_BODY + Packet.OVERHEAD)
                    + " bytes, the network's is " + context.mtu());
        }
        int room = budget - 2 * Message.RESERVE;
        this.buckets = Math.max(2, Math.min(buckets, room / (Message.MAX_BOUND_BYTES + 1 + RangeItems.FINGERPRINT_BYTES)));
        this.idListThreshold = Math.max(1, Math.min(idListThreshold, (room - Message.MAX_BOUND_BYTES - 11) / Ids.BYTES));
        this.maxEvents = maxEvents;
        for (StoredEvent e : context.store().events()) {
            items.add(e.authoredTs(), EventId.parse(e.eventId()));
        }
    }

    /** Buckets and id-list threshold in force: the parameters, reduced where the MTU requires. */
    public int buckets() {
        return buckets;
    }

    public int idListThreshold() {
        return idListThreshold;
    }

    public void add(EventId id, long authoredTs) {
        items.add(authoredTs, id);
    }

    /** Opens an exchange with {@code peer}. */
    public void initiate(String peer) {
        Message.Writer w = new Message.Writer(budget);
        if (items.size() == 0) {
            w.idList(Bound.INFINITY, List.of());
        } else {
            w.fingerprint(Bound.INFINITY, items.fingerprint(0, items.size()));
        }
        context.send(peer, PacketType.RECON, w.toBytes());
    }

    /** Answers a RECON packet from {@code peer}: events it lacks, wants, and the next message. */
    public void onRecon(String peer, byte[] body) {
        List<Message.Range> ranges;
        try {
            ranges = Message.read(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed reconciliation message: " + e.getMessage(), e); // the device counts a bad-body
        }
        Message.Writer w = new Message.Writer(budget);
        List<EventId> toSend = new ArrayList<>();
        List<EventId> toWant = new ArrayList<>();
        Bound lower = Bound.MIN;
        for (Message.Range range : ranges) {
            int from = items.lowerBound(lower);
            int to = Math.max(from, items.lowerBound(range.upper()));
            Bound stopped = switch (range.mode()) {
                case Message.FINGERPRINT -> Arrays.equals(items.fingerprint(from, to), range.fingerprint())
                        ? skip(w, range.upper()) : split(w, from, to, lower, range.upper());
                case Message.ID_LIST -> compare(w, from, to, range, toSend, toWant);
                default -> skip(w, range.upper());
            };
            if (stopped != null) {
                w.fingerprint(Bound.INFINITY, items.fingerprint(items.lowerBound(stopped), items.size()));
                break;
            }
            lower = range.upper();
        }
        sendEvents(peer, toSend);
        sendWants(peer, toWant);
        byte[] reply = w.toBytes();
        if (reply != null) {
            context.send(peer, PacketType.RECON, reply);
        }
    }

    private static Bound skip(Message.Writer w, Bound upper) {
        w.skip(upper);
        return null;
    }

    /** Our IdList of [from, to), or buckets of fingerprints; returns where it had to stop, or null. */
    private Bound split(Message.Writer w, int from, int to, Bound lower, Bound upper) {
        int n = to - from;
        if (n <= idListThreshold) {
            if (!w.fits(upper, Varint.size(n) + n * Ids.BYTES)) {
                return lower;
            }
            List<EventId> ids = new ArrayList<>(n);
            for (int i = from; i < to; i++) {
                ids.add(items.id(i));
            }
            w.idList(upper, ids);
            return null;
        }
        Bound bucketLower = lower;
        for (int k = 0; k < buckets; k++) {
            int start = from + (int) ((long) n * k / buckets);
            int end = from + (int) ((long) n * (k + 1) / buckets);
            Bound bucketUpper = k == buckets - 1 ? upper : items.boundBefore(end);
            if (!w.fits(bucketUpper, RangeItems.FINGERPRINT_BYTES)) {
                return bucketLower;
            }
            w.fingerprint(bucketUpper, items.fingerprint(start, end));
            bucketLower = bucketUpper;
        }
        return null;
    }

    /** The peer holds exactly {@code range.ids()} in [from, to): note what each side lacks, answer Skip. */
    private Bound compare(Message.Writer w, int from, int to, Message.Range range, List<EventId> toSend, List<EventId> toWant) {
        Set<EventId> theirs = new HashSet<>(range.ids());
        for (int i = from; i < to; i++) {
            if (!theirs.remove(items.id(i))) {
                toSend.add(items.id(i));
            }
        }
        for (EventId id : range.ids()) {
            if (theirs.contains(id) && !context.store().contains(id.hex())) {
                toWant.add(id);
            }
        }
        return skip(w, range.upper());
    }

    /** Sends the listed events held, newest first, at most {@code maxEvents}. */
    private void sendEvents(String peer, List<EventId> ids) {
        for (int i = ids.size() - 1, sent = 0; i >= 0 && sent < maxEvents; i--, sent++) {
            StoredEvent event = context.store().get(ids.get(i).hex());
            context.send(peer, PacketType.EVENT, event.ciphertext());
        }
    }

    private void sendWants(String peer, List<EventId> ids) {
        List<EventId> wanted = ids.subList(Math.max(0, ids.size() - maxEvents), ids.size());
        int perPacket = budget / Ids.BYTES;
        for (int start = 0; start < wanted.size(); start += perPacket) {
            List<EventId> chunk = wanted.subList(start, Math.min(wanted.size(), start + perPacket));
            ByteBuffer out = ByteBuffer.allocate(chunk.size() * Ids.BYTES);
            chunk.forEach(id -> Ids.put(out, id));
            context.send(peer, PacketType.WANT, out.array());
        }
    }

    /** Answers a WANT packet: every listed event held, as EVENT packets. */
    public void onWant(String peer, byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.remaining() >= Ids.BYTES) {
            StoredEvent event = context.store().get(Ids.read(in).hex());
            if (event != null) {
                context.send(peer, PacketType.EVENT, event.ciphertext());
            }
        }
    }
}
