package org.p2psim.net.nat;

/**
 * What the NATs make of one data packet at send time.
 *
 * @param source      the packet's external source as the receiver's NAT sees it
 * @param destination the external address the sender sends to
 * @param relay       the relaying peer, or null for a direct packet
 * @param refused     why it cannot be sent at all ({@link Refusal#NONE}: it can)
 */
public record Flow(HostPort source, HostPort destination, String relay, Refusal refused) {

    /**
     * Why a packet does not leave now: no address to send to, the relay's limit is spent, held until the
     * pair's punch ends ({@link NatConfig#holdBytes}), or dropped because that hold is full.
     */
    public enum Refusal { NONE, NO_PATH, RELAY_LIMIT, HOLD, HOLD_FULL }

    static Flow refused(Refusal why) {
        return new Flow(null, null, null, why);
    }
}
