package org.p2psim.sync.riblt;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2psim.event.EventId;
import org.p2psim.net.PacketType;
import org.p2psim.sim.SimTime;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.Ids;
import org.p2psim.sync.SyncContext;

/**
 * Rateless reconciliation between one device and its peers (used by {@code riblt} and {@code hybrid}).
 *
 * <ul>
 *   <li><b>Opening.</b> {@link #open} asks a peer for its first {@code firstSymbols} coded symbols
 *       (a CODED request: session, first index, count). The peer fixes a snapshot of its set for the
 *       session (the items it held then) and answers with the symbols in MTU-sized CODED packets.</li>
 *   <li><b>Decoding.</b> The opener subtracts its own symbols (of its own snapshot) and peels. When the
 *       whole batch has arrived undecoded, it asks for a batch twice as large, up to {@code maxPackets}
 *       packets. The packets of a batch leave together but may arrive in any order: when the batch's
 *       last symbol comes before some others, the opener waits half the time the batch took so far
 *       for stragglers before it asks for more (asking at once, on a network with jitter, doubled the
 *       symbols sent). A batch still incomplete four round trips after it was asked for (the time the
 *       last batch took to arrive; one second before any is known) lost a packet: the opener asks again, from symbol 0 if that
 *       never came, else for the next batch, at most {@value #SILENT_RETRIES} times in a row; past
 *       that the session is dropped and the strategy told (it may try another peer).
 *       A session streams until it decodes: d differences need about 1.35·d symbols, and d is at most
 *       the two sets' sizes, which symbol 0 (every item is added to it) tells. The session's budget is
 *       twice that sum (at least {@code 4 · maxSymbols}, at most {@value #MAX_SESSION_SYMBOLS}); a
 *       session that spends it, or whose symbol 0 never came, starts over from a new snapshot.</li>
 *   <li><b>Acting.</b> Once decoded, the opener asks for what only the peer holds (WANT, ids); the peer
 *       answers with EVENT packets. The opener pulls and never pushes: each device opens its own
 *       sessions, so what only it holds reaches the peer by the peer's session, and an event pushed
 *       by one session and wanted by the other would come twice. An id wanted of one peer is not
 *       wanted again, of it or another, until its answer had time to arrive (eight times the
 *       session's last round trip, at most {@code wantAgainAfter}): a newcomer's sessions with every
 *       peer find the same missing history.</li>
 * </ul>
 */
public final class Rateless {
    private static final byte REQUEST = 0;
    private static final byte SYMBOLS = 1;
    private static final int HEADER = 1 + 4 + 4 + 4;
    /** Symbols one session may ask for at most, whatever sizes a peer claims: 2²⁰ (29 MiB of symbols). */
    static final int MAX_SESSION_SYMBOLS = 1 << 20;
    /** The wait for a batch's symbols before the first round trip is measured: 1 s, in µs. */
    private static final long FIRST_WAIT = 1_000_000;
    /** Requests in a row that may go unanswered before a session waits for the next open. */
    static final int SILENT_RETRIES = 2;

    private final SyncContext context;
    private final int firstSymbols;
    private final int maxSymbols;
    private final int maxEvents;
    private final long wantAgainAfter;
    private final Outcomes outcomes;

    /** What sessions tell the strategy that runs them, so that it can choose whom to reconcile with next. */
    public interface Outcomes {
        /** {@code peer} left a session's requests unanswered {@value Rateless#SILENT_RETRIES} times in a row: the session is dropped. */
        default void silent(String peer) {}

        /** A session with {@code peer} found events missing here, asked for them, and their answers had time to arrive. */
        default void settled(String peer) {}
    }
    private final Map<EventId, Long> wantAgainAt = new HashMap<>();
    private final int perPacket;
    private final CodedSet set = new CodedSet();
    private final Map<String, Session> opened = new LinkedHashMap<>();
    private final Map<String, int[]> answering = new LinkedHashMap<>();
    private final Set<String> noDifference = new HashSet<>();
    private final Set<EventId> declined = new HashSet<>();
    private int nextSession = 1;

    private static final class Session {
        final int id;
        final int snapshot;
        final Decoder decoder = new Decoder();
        int batchStart;
        int batchEnd;
        int batch;
        int inBatch;
        long requestedAt;
        /** This side's symbols of the batch asked for, computed once when asking (its packets each take a slice). */
        Symbols local;
        long roundTrip;
        int silent;
        int asked;
        int budget;

        Session(int id, int snapshot, int budget) {
            this.id = id;
            this.snapshot = snapshot;
            this.budget = budget;
        }
    }

    public Rateless(SyncContext context, int firstSymbols, int maxPackets, int maxEvents, Duration wantAgainAfter) {
        this(context, firstSymbols, maxPackets, maxEvents, wantAgainAfter, new Outcomes() { });
    }

    /** As above, telling {@code outcomes} of silent peers and settled sessions. */
    public Rateless(SyncContext context, int firstSymbols, int maxPackets, int maxEvents, Duration wantAgainAfter,
            Outcomes outcomes) {
        this.outcomes = outcomes;
        this.context = context;
        this.perPacket = (Ids.bodyBudget(context) - HEADER) / Symbols.WIRE_BYTES;
        if (perPacket < 1) {
            throw new IllegalArgumentException("rateless reconciliation needs room for one coded symbol in a packet; the network's MTU is "
                    + context.mtu());
        }
        this.firstSymbols = firstSymbols;
        this.maxSymbols = maxPackets * perPacket;
        this.maxEvents = maxEvents;
        this.wantAgainAfter = SimTime.of(wantAgainAfter);
        for (StoredEvent e : context.store().events()) {
            add(EventId.parse(e.eventId()));
        }
    }

    /** An event stored here joins the set. */
    public void add(EventId id) {
        wantAgainAt.remove(id);
        set.add(id.high(), id.low());
    }

    /** Opens a session with {@code peer}, or continues an undecoded one past its last symbol received. */
    public void open(String peer) {
        noDifference.remove(peer);
        Session s = opened.get(peer);
        if (s == null || !s.decoder.has(0) || s.decoder.next() >= s.budget) {
            s = new Session(nextSession++, set.size(), budget(set.size(), 0));
            s.batch = firstSymbols;
            opened.put(peer, s);
            request(peer, s, 0);
        } else {
            request(peer, s, s.decoder.next());
        }
    }

    private void request(String peer, Session s, int from) {
        s.batchStart = from;
        s.batchEnd = from + s.batch;
        s.inBatch = 0;
        s.requestedAt = context.clock();
        s.local = set.symbols(s.snapshot, from, s.batchEnd);
        s.asked = Math.max(s.asked, s.batchEnd);
        ByteBuffer out = ByteBuffer.allocate(HEADER).put(REQUEST).putInt(s.id).putInt(from).putInt(s.batch);
        context.send(peer, PacketType.CODED, out.array());
        int end = s.batchEnd;
        context.scheduler().after(s.roundTrip > 0 ? 4 * s.roundTrip : FIRST_WAIT, () -> {
            if (opened.get(peer) == s && s.batchEnd == end && s.silent == SILENT_RETRIES) {
                opened.remove(peer);
                outcomes.silent(peer);
            } else if (opened.get(peer) == s && s.batchEnd == end) {
                s.silent++;
                if (s.decoder.has(0)) {
                    nextBatch(peer, s);
                } else {
                    request(peer, s, 0);
                }
            }
        });
    }

    /**
     * An event this device received and declined (its fetch policy): it joins the set as if held, once,
     * so that sessions stop finding it missing (each would pay its symbols again) and it is not wanted
     * again. A peer may then want it of this device, which does not answer for what it lacks.
     */
    public void declined(EventId id) {
        if (declined.add(id)) {
            set.add(id.high(), id.low());
        }
    }

    /** Whether the last session opened with {@code peer} decoded, and found the two snapshots equal. */
    public boolean foundNoDifference(String peer) {
        return noDifference.contains(peer);
    }

    /** A CODED packet from {@code from}. */
    public void onCoded(String from, byte[] body) {
        if (body.length < HEADER) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte kind = in.get();
        int session = in.getInt();
        int first = in.getInt();
        int count = in.getInt();
        if (first < 0 || count < 1) {
            return;
        }
        if ((long) first + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("coded symbols [" + first + ", " + first + " + " + count + ") end past the last index, "
                    + Integer.MAX_VALUE);
        }
        if (kind == REQUEST && first >= MAX_SESSION_SYMBOLS) {
            // a symbol that far costs the answerer a walk of every item; no session asks past its budget
            throw new IllegalArgumentException("coded symbols from index " + first + " asked: no session asks past "
                    + MAX_SESSION_SYMBOLS);
        }
        if (kind == REQUEST) {
            answer(from, session, first, count);
        } else if (kind == SYMBOLS) {
            received(from, session, first, count, in);
        }
    }

    /** Symbols a session may ask for: twice both sets' sizes, within [4 · maxSymbols, MAX_SESSION_SYMBOLS]. */
    private int budget(int ownSize, long peerSize) {
        long twice = 2 * (ownSize + Math.max(0, peerSize));
        return (int) Math.min(MAX_SESSION_SYMBOLS, Math.max(4L * maxSymbols, twice));
    }

    /**
     * Sends symbols [first, first + count) of the peer's session, at most {@link #allowed}. The state
     * per peer is its session, the snapshot answered from, and the symbols sent in it.
     */
    private void answer(String peer, int session, int first, int requested) {
        int[] state = answering.get(peer);
        if (state == null || state[0] != session) {
            state = new int[] {session, set.size(), 0};
            answering.put(peer, state);
        }
        int count = Math.min(requested, allowed(state[2]));
        state[2] += count;
        Symbols symbols = set.symbols(state[1], first, first + count);
        for (int from = first; from < first + count; from += perPacket) {
            int n = Math.min(perPacket, first + count - from);
            ByteBuffer out = ByteBuffer.allocate(HEADER + n * Symbols.WIRE_BYTES).put(SYMBOLS).putInt(session).putInt(from).putInt(n);
            for (int i = 0; i < n; i++) {
                symbols.write(out, from - first + i);
            }
            context.send(peer, PacketType.CODED, out.array());
        }
    }

    /**
     * Symbols one request may have after {@code sent} in its session: an opener asks first for {@code
     * firstSymbols}, then for batches that double, so a batch is never more than twice what was sent
     * before it. A request for every symbol at once (a liar's: 13 bytes that drew {@code maxPackets}
     * full packets) gets what an honest opener would.
     */
    private int allowed(int sent) {
        return Math.min(maxSymbols, Math.max(firstSymbols, 2 * sent));
    }

    private void received(String peer, int session, int first, int count, ByteBuffer in) {
        Session s = opened.get(peer);
        if (s == null || s.id != session || in.remaining() != (long) count * Symbols.WIRE_BYTES) {
            return;
        }
        if (first + count > s.asked) {
            throw new IllegalArgumentException("coded symbols [" + first + ", " + (first + count) + ") of session " + session
                    + " were not asked for: the session asked up to " + s.asked);
        }
        Symbols symbols = new Symbols(count);
        for (int i = 0; i < count; i++) {
            symbols.read(in, i);
        }
        int before = s.decoder.received();
        boolean ofThisBatch = first >= s.batchStart && first + count <= s.batchEnd;
        try {
            s.decoder.add(first, symbols, ofThisBatch
                    ? s.local.slice(first - s.batchStart, first - s.batchStart + count)
                    : set.symbols(s.snapshot, first, first + count));
        } catch (IllegalArgumentException inconsistent) {
            opened.remove(peer); // the session is spoilt: the next round opens a new one
            throw inconsistent;
        }
        if (ofThisBatch) {
            s.inBatch += s.decoder.received() - before;
        }
        if (first + count >= s.batchEnd || s.inBatch == s.batchEnd - s.batchStart) {
            s.roundTrip = Math.max(1, context.clock() - s.requestedAt);
        }
        s.silent = 0;
        if (first == 0) {
            s.budget = budget(s.snapshot, symbols.count[0]);
        }
        if (s.decoder.done()) {
            opened.remove(peer);
            if (s.decoder.items().isEmpty()) {
                noDifference.add(peer);
            }
            want(peer, s.decoder.items(), context.clock() - s.requestedAt);
        } else if (s.batchEnd < s.budget) {
            if (s.inBatch == s.batchEnd - s.batchStart) {
                nextBatch(peer, s);
            } else if (first + count >= s.batchEnd) {
                int end = s.batchEnd;
                long stragglers = Math.max(1, (context.clock() - s.requestedAt) / 2);
                context.scheduler().after(stragglers, () -> {
                    if (opened.get(peer) == s && s.batchEnd == end) {
                        nextBatch(peer, s);
                    }
                });
            }
        }
    }

    private void nextBatch(String peer, Session s) {
        s.batch = Math.min(maxSymbols, s.batch * 2);
        request(peer, s, s.batchEnd);
    }

    /**
     * Asks {@code peer} for the decoded items only it holds. What of a WANT's list has not arrived
     * four times the last batch's round trip later (the WANT or some answers were lost) is asked once
     * more, so that a lost packet does not hold the history back for a whole round.
     */
    private void want(String peer, List<Decoder.Item> items, long roundTrip) {
        long now = context.clock();
        List<EventId> wants = new ArrayList<>();
        for (Decoder.Item item : items) {
            if (wants.size() == maxEvents) {
                break;
            }
            EventId id = EventId.fromBytes(ByteBuffer.allocate(Ids.BYTES).putLong(item.high()).putLong(item.low()).array());
            Long again = wantAgainAt.get(id);
            if (item.peerHas() && (again == null || now >= again) && lacks(id)) {
                wantAgainAt.put(id, now + Math.min(wantAgainAfter, 8 * roundTrip));
                wants.add(id);
            }
        }
        int idsPerPacket = Ids.bodyBudget(context) / Ids.BYTES;
        for (int start = 0; start < wants.size(); start += idsPerPacket) {
            List<EventId> chunk = List.copyOf(wants.subList(start, Math.min(wants.size(), start + idsPerPacket)));
            sendWant(peer, chunk);
            context.scheduler().after(4 * roundTrip + 1, () -> {
                List<EventId> missing = chunk.stream().filter(this::lacks).toList();
                if (!missing.isEmpty()) {
                    missing.forEach(id -> wantAgainAt.put(id, context.clock() + Math.min(wantAgainAfter, 4 * roundTrip)));
                    sendWant(peer, missing);
                }
            });
        }
        if (!wants.isEmpty()) {
            context.scheduler().after(8 * roundTrip + 1, () -> outcomes.settled(peer));
        }
    }

    /** Whether this device neither holds nor declined {@code id}: it wants it. */
    private boolean lacks(EventId id) {
        return !declined.contains(id) && !context.store().contains(id.hex());
    }

    private void sendWant(String peer, List<EventId> ids) {
        ByteBuffer out = ByteBuffer.allocate(ids.size() * Ids.BYTES);
        ids.forEach(id -> Ids.put(out, id));
        context.send(peer, PacketType.WANT, out.array());
    }

    /** A WANT from {@code from}: the listed events held here go back, one EVENT packet each. */
    public void onWant(String from, byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.remaining() >= Ids.BYTES) {
            StoredEvent event = context.store().get(Ids.read(in).hex());
            if (event != null) {
                context.send(from, PacketType.EVENT, event.ciphertext());
            }
        }
    }
}
