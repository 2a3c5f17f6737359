package org.p2psim.net;

/** Something attached to the network that accepts or rejects the bytes delivered to it. */
@FunctionalInterface
public interface Endpoint {
    /**
     * Handles a packet arriving from {@code from}.
     *
     * @param fromAddress the packet's source address: the address {@code from} had when it sent it
     *                    (see {@link Network#address}), as a UDP receiver sees it
     * @param sentAt simulated time the packet was sent: simulator truth, for measurements only
     * @return {@link Outcome#DELIVERED} or the reason it was rejected
     */
    Outcome receive(String from, int fromAddress, byte[] wire, long sentAt);
}
