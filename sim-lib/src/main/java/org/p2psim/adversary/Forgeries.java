package org.p2psim.adversary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.p2psim.event.EventId;
import org.p2psim.sync.Ids;
import org.p2psim.sync.bloom.BloomFilter;
import org.p2psim.sync.bloom.BloomSaltedStrategy;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.range.RangeMessages;

/**
 * Well-formed bodies that lie, in each strategy's wire format: what a member with real keys and the
 * real software can send. {@code random} is the liar's own stream for what the lie is made of.
 */
final class Forgeries {
    /** Ids in one phantom list: well under any MTU. */
    static final int PHANTOM_IDS = 8;
    /** Coded symbols in one junk answer (28 bytes each on the wire). */
    static final int JUNK_SYMBOLS = 8;
    private static final int CODED_HEADER = 1 + 4 + 4 + 4;
    private static final int SYMBOL_BYTES = 8 + 8 + 8 + 4;
    private static final long MINUTE_US = 60_000_000L;

    private Forgeries() {}

    /** A one-peer peer-exchange body (the device package's wire format). */
    static byte[] peers(String name, int address) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + utf8.length + 4).put((byte) 1).put((byte) utf8.length).put(utf8).putInt(address).array();
    }

    /**
     * A filter of the seed's size with every bit {@code fill}: it claims everything (0xff) or nothing
     * (0). Under bloom-salted it is salted and says it covers all events of the last hour.
     */
    static byte[] filter(String strategy, byte fill, long clock, RandomGenerator random) {
        int bits = BloomSeedParams.DEFAULTS.filterBits();
        boolean salted = strategy.equals("bloom-salted");
        BloomFilter empty = new BloomFilter(bits, BloomSeedParams.DEFAULTS.hashes(), salted ? random.nextInt() | 1 : 0);
        byte[] body = salted ? BloomSaltedStrategy.encodeAllSince(clock - 60 * MINUTE_US, empty) : empty.toBytes();
        Arrays.fill(body, body.length - bits / 8, body.length, fill);
        return body;
    }

    /** Ids of no event: random 16-byte ids. */
    static List<EventId> phantomIds(RandomGenerator random) {
        List<EventId> ids = new ArrayList<>(PHANTOM_IDS);
        for (int i = 0; i < PHANTOM_IDS; i++) {
            byte[] id = new byte[EventId.BYTES];
            random.nextBytes(id);
            ids.add(EventId.fromBytes(id));
        }
        return ids;
    }

    /** A HAVE or WANT body: a plain list of ids. */
    static byte[] idList(List<EventId> ids) {
        ByteBuffer out = ByteBuffer.allocate(ids.size() * EventId.BYTES);
        ids.forEach(id -> Ids.put(out, id));
        return out.array();
    }

    /** A reconciliation message of three ranges (the last ten minutes, the minute before now, the rest) whose fingerprints match nothing. */
    static byte[] reconFingerprints(long clock, RandomGenerator random) {
        byte[][] fingerprints = new byte[3][RangeMessages.fingerprintBytes()];
        for (byte[] f : fingerprints) {
            random.nextBytes(f);
        }
        return RangeMessages.fingerprints(new long[] {clock - 10 * MINUTE_US, clock - MINUTE_US}, fingerprints);
    }

    /** A CODED request for every symbol of a new session: answered with as many as the answerer sends at most. */
    static byte[] codedRequest(RandomGenerator random) {
        return ByteBuffer.allocate(CODED_HEADER).put((byte) 0).putInt(random.nextInt()).putInt(0).putInt(Integer.MAX_VALUE).array();
    }

    /** The session, first index and count of a CODED request, or null when {@code body} is none. */
    static int[] codedRequestOf(byte[] body) {
        if (body.length != CODED_HEADER || body[0] != 0) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(body, 1, CODED_HEADER - 1);
        return new int[] {in.getInt(), in.getInt(), in.getInt()};
    }

    /** Coded symbols of random bytes for {@code session} from index {@code first}: well framed, decoding to nothing. */
    static byte[] codedJunk(int session, int first, int count, RandomGenerator random) {
        int n = Math.max(1, Math.min(count, JUNK_SYMBOLS));
        ByteBuffer out = ByteBuffer.allocate(CODED_HEADER + n * SYMBOL_BYTES).put((byte) 1).putInt(session).putInt(first).putInt(n);
        byte[] junk = new byte[n * SYMBOL_BYTES];
        random.nextBytes(junk);
        return out.put(junk).array();
    }
}
