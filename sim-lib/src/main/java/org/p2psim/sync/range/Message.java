package org.p2psim.sync.range;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.p2psim.event.EventId;
import org.p2psim.sync.Ids;

/**
 * A reconciliation message on the wire, after negentropy's: a sequence of ranges, each
 * {@code upperBound | mode (varint) | payload}; a range's lower bound is the previous range's upper
 * bound (the first starts below every item), and a message that does not reach infinity ends with an
 * implicit Skip. A bound is {@code timestamp (varint) | prefix length (varint) | id prefix}, the
 * timestamp written as 0 for infinity and otherwise as 1 + its distance from the previous bound's
 * timestamp in the message (signed µs mapped to unsigned by flipping the sign bit; the first
 * distance is from the smallest timestamp). Modes: 0 Skip (no payload), 1 Fingerprint (16 bytes),
 * 2 IdList ({@code count (varint) | 16-byte ids}).
 */
final class Message {
    static final int SKIP = 0;
    static final int FINGERPRINT = 1;
    static final int ID_LIST = 2;
    /** Bytes a Fingerprint range to infinity takes. */
    static final int FOLD_BYTES = 3 + RangeItems.FINGERPRINT_BYTES;
    /** Most bytes a bound takes: a 10-byte varint, the prefix length and a whole id. */
    static final int MAX_BOUND_BYTES = 10 + 1 + 16;
    /** Room a writer keeps free so that it can always close with a pending Skip and a fold. */
    static final int RESERVE = MAX_BOUND_BYTES + 1 + FOLD_BYTES;

    record Range(Bound upper, int mode, byte[] fingerprint, List<EventId> ids) {}

    /** Writes ranges in order within {@code budget} bytes. */
    static final class Writer {
        private final ByteBuffer out;
        private final int budget;
        private long previous = 0;
        private Bound pendingSkip;
        private boolean meaningful;

        Writer(int budget) {
            this.budget = budget;
            this.out = ByteBuffer.allocate(budget);
        }

        /** Bytes a range would take now, its pending Skip included. */
        int cost(Bound upper, int payload) {
            int skip = 0;
            long from = previous;
            if (pendingSkip != null) {
                skip = boundBytes(pendingSkip, from) + 1;
                from = flip(pendingSkip.ts());
            }
            return skip + boundBytes(upper, from) + 1 + payload;
        }

        /** Whether a range with {@code payload} bytes fits and leaves room for a closing fold range. */
        boolean fits(Bound upper, int payload) {
            return out.position() + cost(upper, payload) + RESERVE <= budget;
        }

        void skip(Bound upper) {
            pendingSkip = upper;
        }

        void fingerprint(Bound upper, byte[] fingerprint) {
            flushSkip();
            putBound(upper);
            Varint.put(out, FINGERPRINT);
            out.put(fingerprint);
            meaningful = true;
        }

        void idList(Bound upper, List<EventId> ids) {
            flushSkip();
            putBound(upper);
            Varint.put(out, ID_LIST);
            Varint.put(out, ids.size());
            ids.forEach(id -> Ids.put(out, id));
            meaningful = true;
        }

        /** The message, or null when it holds nothing but Skips (the exchange is over). */
        byte[] toBytes() {
            if (!meaningful) {
                return null;
            }
            byte[] bytes = new byte[out.position()];
            out.flip().get(bytes);
            return bytes;
        }

        private void flushSkip() {
            if (pendingSkip != null) {
                putBound(pendingSkip);
                Varint.put(out, SKIP);
                pendingSkip = null;
            }
        }

        private void putBound(Bound b) {
            if (b.isInfinity()) {
                Varint.put(out, 0);
            } else {
                long u = flip(b.ts());
                Varint.put(out, 1 + (u - previous));
                previous = u;
            }
            Varint.put(out, b.prefix());
            ByteBuffer id = ByteBuffer.allocate(16).putLong(b.high()).putLong(b.low());
            out.put(id.array(), 0, b.prefix());
        }
    }

    static int boundBytes(Bound b, long previous) {
        int ts = b.isInfinity() ? 1 : Varint.size(1 + (flip(b.ts()) - previous));
        return ts + 1 + b.prefix();
    }

    static long flip(long ts) {
        return ts ^ Long.MIN_VALUE;
    }

    /** Reads a message; throws IllegalArgumentException (or a buffer exception) when it is malformed. */
    static List<Range> read(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Range> ranges = new ArrayList<>();
        long previous = 0;
        while (in.hasRemaining()) {
            long encoded = Varint.get(in);
            Bound upper;
            int prefix = (int) Varint.get(in);
            if (prefix < 0 || prefix > 16) {
                throw new IllegalArgumentException("id prefix of " + prefix + " bytes");
            }
            byte[] id = new byte[16];
            in.get(id, 0, prefix);
            ByteBuffer words = ByteBuffer.wrap(id);
            if (encoded == 0) {
                upper = Bound.INFINITY;
            } else {
                previous += encoded - 1;
                upper = new Bound(flip(previous), words.getLong(), words.getLong(), prefix);
            }
            int mode = (int) Varint.get(in);
            switch (mode) {
                case SKIP -> ranges.add(new Range(upper, SKIP, null, List.of()));
                case FINGERPRINT -> {
                    byte[] fp = new byte[RangeItems.FINGERPRINT_BYTES];
                    in.get(fp);
                    ranges.add(new Range(upper, FINGERPRINT, fp, List.of()));
                }
                case ID_LIST -> {
                    long count = Varint.get(in);
                    if (count < 0 || count * Ids.BYTES > in.remaining()) {
                        throw new IllegalArgumentException("id list of " + count + " ids in " + in.remaining() + " bytes");
                    }
                    List<EventId> ids = new ArrayList<>((int) count);
                    for (long i = 0; i < count; i++) {
                        ids.add(Ids.read(in));
                    }
                    ranges.add(new Range(upper, ID_LIST, null, ids));
                }
                default -> throw new IllegalArgumentException("unknown range mode " + mode);
            }
            if (upper.isInfinity()) {
                break;
            }
        }
        return ranges;
    }
}
