package org.p2psim.sync.riblt;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.event.EventId;
import org.p2psim.net.PacketType;
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
 *       last packet of a batch arrives undecoded, it asks for a batch twice as large, up to
 *       {@code maxPackets} packets; a batch cut short by loss is continued by the next {@link #open}.
 *       A session streams until it decodes: d differences need about 1.35·d symbols, and d is at most
 *       the two sets' sizes, which symbol 0 (every item is added to it) tells. The session's budget is
 *       twice that sum (at least {@code 4 · maxSymbols}, at most {@value #MAX_SESSION_SYMBOLS}); a
 *       session that spends it, or whose symbol 0 never came, starts over from a new snapshot.</li>
 *   <li><b>Acting.</b> Once decoded, the opener asks for what only the peer holds (WANT, ids) and pushes
 *       what only it holds (EVENT); the peer answers WANTs with EVENT packets. Only the opener acts,
 *       so that two sessions between the same pair do not both send an event.</li>
 * </ul>
 */
public final class Rateless {
    private static final byte REQUEST = 0;
    private static final byte SYMBOLS = 1;
    private static final int HEADER = 1 + 4 + 4 + 4;
    /** Symbols one session may ask for at most, whatever sizes a peer claims: 2²⁰ (29 MiB of symbols). */
    static final int MAX_SESSION_SYMBOLS = 1 << 20;

    private final SyncContext context;
    private final int firstSymbols;
    private final int maxSymbols;
    private final int maxEvents;
    private final int perPacket;
    private final CodedSet set = new CodedSet();
    private final Map<String, Session> opened = new LinkedHashMap<>();
    private final Map<String, int[]> answering = new LinkedHashMap<>();
    private int nextSession = 1;

    private static final class Session {
        final int id;
        final int snapshot;
        final Decoder decoder = new Decoder();
        int batchEnd;
        int batch;
        int asked;
        int budget;

        Session(int id, int snapshot, int budget) {
            this.id = id;
            this.snapshot = snapshot;
            this.budget = budget;
        }
    }

    public Rateless(SyncContext context, int firstSymbols, int maxPackets, int maxEvents) {
        this.context = context;
        this.perPacket = (Ids.bodyBudget(context) - HEADER) / Symbols.WIRE_BYTES;
        if (perPacket < 1) {
            throw new IllegalArgumentException("rateless reconciliation needs room for one coded symbol in a packet; the network's MTU is "
                    + context.mtu());
        }
        this.firstSymbols = firstSymbols;
        this.maxSymbols = maxPackets * perPacket;
        this.maxEvents = maxEvents;
        for (StoredEvent e : context.store().events()) {
            add(EventId.parse(e.eventId()));
        }
    }

    /** An event stored here joins the set. */
    public void add(EventId id) {
        set.add(id.high(), id.low());
    }

    /** Opens a session with {@code peer}, or continues an undecoded one past its last symbol received. */
    public void open(String peer) {
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
        s.batchEnd = from + s.batch;
        s.asked = Math.max(s.asked, s.batchEnd);
        ByteBuffer out = ByteBuffer.allocate(HEADER).put(REQUEST).putInt(s.id).putInt(from).putInt(s.batch);
        context.send(peer, PacketType.CODED, out.array());
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
        for (int from = first; from < first + count; from += perPacket) {
            int n = Math.min(perPacket, first + count - from);
            Symbols symbols = set.symbols(state[1], from, from + n);
            ByteBuffer out = ByteBuffer.allocate(HEADER + n * Symbols.WIRE_BYTES).put(SYMBOLS).putInt(session).putInt(from).putInt(n);
            for (int i = 0; i < n; i++) {
                symbols.write(out, i);
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
        try {
            s.decoder.add(first, symbols, set.symbols(s.snapshot, first, first + count));
        } catch (IllegalArgumentException inconsistent) {
            opened.remove(peer); // the session is spoilt: the next round opens a new one
            throw inconsistent;
        }
        if (first == 0) {
            s.budget = budget(s.snapshot, symbols.count[0]);
        }
        if (s.decoder.done()) {
            opened.remove(peer);
            act(peer, s.decoder.items());
        } else if (first + count >= s.batchEnd && s.batchEnd < s.budget) {
            s.batch = Math.min(maxSymbols, s.batch * 2);
            request(peer, s, s.batchEnd);
        }
    }

    private void act(String peer, List<Decoder.Item> items) {
        List<EventId> wants = new ArrayList<>();
        int pushed = 0;
        for (Decoder.Item item : items) {
            EventId id = EventId.fromBytes(ByteBuffer.allocate(Ids.BYTES).putLong(item.high()).putLong(item.low()).array());
            if (item.peerHas()) {
                if (wants.size() < maxEvents && !context.store().contains(id.hex())) {
                    wants.add(id);
                }
            } else if (pushed < maxEvents) {
                StoredEvent event = context.store().get(id.hex());
                if (event != null) {
                    context.send(peer, PacketType.EVENT, event.ciphertext());
                    pushed++;
                }
            }
        }
        int idsPerPacket = Ids.bodyBudget(context) / Ids.BYTES;
        for (int start = 0; start < wants.size(); start += idsPerPacket) {
            List<EventId> chunk = wants.subList(start, Math.min(wants.size(), start + idsPerPacket));
            ByteBuffer out = ByteBuffer.allocate(chunk.size() * Ids.BYTES);
            chunk.forEach(id -> Ids.put(out, id));
            context.send(peer, PacketType.WANT, out.array());
        }
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
