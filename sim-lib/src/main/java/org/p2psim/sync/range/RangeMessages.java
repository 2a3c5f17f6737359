package org.p2psim.sync.range;

import java.util.List;
import org.p2psim.event.EventId;

/**
 * Reconciliation messages written from outside the package, in the wire format of {@link Message}:
 * what a hostile member sends when it lies in well-formed messages (fingerprints that match nothing
 * it holds, id lists of events that do not exist), and what tests send.
 */
public final class RangeMessages {
    /** Room enough for the few ranges written here; a receiver reads any length up to its MTU. */
    private static final int BUDGET = 1024;

    private RangeMessages() {}

    /**
     * Fingerprint ranges, one ending below each of {@code uppers} (timestamps in µs, ascending), and a
     * last one to infinity: {@code fingerprints} has one more entry than {@code uppers}, 16 bytes each.
     */
    public static byte[] fingerprints(long[] uppers, byte[][] fingerprints) {
        if (fingerprints.length != uppers.length + 1) {
            throw new IllegalArgumentException(uppers.length + " upper bounds need " + (uppers.length + 1) + " fingerprints, got "
                    + fingerprints.length);
        }
        Message.Writer w = new Message.Writer(BUDGET);
        for (int i = 0; i < uppers.length; i++) {
            w.fingerprint(new Bound(uppers[i], 0, 0, 0), fingerprints[i]);
        }
        w.fingerprint(Bound.INFINITY, fingerprints[uppers.length]);
        return w.toBytes();
    }

    /** One IdList range over everything: "I hold exactly these". */
    public static byte[] idList(List<EventId> ids) {
        Message.Writer w = new Message.Writer(BUDGET);
        w.idList(Bound.INFINITY, ids);
        return w.toBytes();
    }

    /** Bytes of a fingerprint. */
    public static int fingerprintBytes() {
        return RangeItems.FINGERPRINT_BYTES;
    }
}
