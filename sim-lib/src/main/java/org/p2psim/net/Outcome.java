package org.p2psim.net;

import java.util.Locale;

/** What became of one packet: delivered, dropped by the network, or rejected by its receiver. */
public enum Outcome {
    DELIVERED(Fate.DELIVERED, ""),
    LOSS(Fate.DROPPED, "loss"),
    OFFLINE(Fate.DROPPED, "offline"),
    MTU(Fate.DROPPED, "mtu"),
    /** Dropped on arrival at a full uplink or downlink queue (drop-tail). */
    QUEUE(Fate.DROPPED, "queue"),
    /** Blocked by a network partition between sender and receiver. */
    PARTITION(Fate.DROPPED, "partition"),
    /**
     * Sent to an address its receiver no longer has (it switched networks, e.g. Wi-Fi to cellular,
     * before the packet arrived), or sent from an address the sender had left before the packet left
     * its uplink. See {@link Network#switchAddress}.
     */
    STALE_ADDRESS(Fate.DROPPED, "stale-address"),
    /** Refused by the receiver's NAT (no binding, or its filter refuses the source), or no address of the receiver is known; see {@link org.p2psim.net.nat}. */
    NAT_FILTERED(Fate.DROPPED, "nat-filtered"),
    /** Sent to a NAT binding that had timed out: nothing refreshed it in time. */
    NAT_EXPIRED(Fate.DROPPED, "nat-expired"),
    /** A relayed connection's limit (time or bytes) was spent; the pair punches again. */
    NAT_RELAY_LIMIT(Fate.DROPPED, "relay-limit"),
    /** Sent while its pair was punching, when its sender already held as much for that peer as {@code net.nat.punch.hold} allows. */
    NAT_HOLD_FULL(Fate.DROPPED, "nat-hold-full"),
    MALFORMED(Fate.REJECTED, "malformed"),
    UNKNOWN_DEVICE(Fate.REJECTED, "unknown-device"),
    BAD_SIGNATURE(Fate.REJECTED, "signature"),
    REPLAY(Fate.REJECTED, "replay"),
    SKEW(Fate.REJECTED, "skew"),
    /**
     * A validly signed peer-exchange packet naming a device that is not attached to the network, or
     * an address that device has never had: dropped whole, nothing of it learnt.
     */
    BAD_PEERS(Fate.REJECTED, "bad-peers"),
    /** A validly signed packet whose body the receiver's sync strategy could not use (malformed or out of range). */
    BAD_BODY(Fate.REJECTED, "bad-body"),
    /** Over the receiver's per-peer budget of events or bytes per minute (seed §16), dropped unread. */
    RATE_LIMITED(Fate.REJECTED, "rate-limited");

    /** The three fates a packet can have. */
    public enum Fate { DELIVERED, DROPPED, REJECTED;
        /** Made once, as {@link PacketType#label()}. */
        private final String label = name().toLowerCase(Locale.ROOT);

        public String label() {
            return label;
        }
    }

    private final Fate fate;
    private final String reason;

    Outcome(Fate fate, String reason) {
        this.fate = fate;
        this.reason = reason;
    }

    public Fate fate() {
        return fate;
    }

    /** Why the packet was not delivered ("" when it was). */
    public String reason() {
        return reason;
    }
}
