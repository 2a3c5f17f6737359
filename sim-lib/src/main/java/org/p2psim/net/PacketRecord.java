package org.p2psim.net;

/**
 * One line of the packet log: when a packet was sent and when its fate was decided (µs), between
 * which endpoints, its type and size on the wire, its outcome, and {@link Packet#fingerprint()},
 * a fingerprint of its signed content that is the same in every signature mode. {@code duplicate} marks the extra copy the network
 * made of a packet (see {@link org.p2psim.net.link.LinkConditions#duplicate()}); the copy has its own record, with the
 * same fingerprint as the original.
 */
public record PacketRecord(long sentAt, long doneAt, String from, String to, PacketType type, int bytes,
                           Outcome outcome, long fingerprint, boolean duplicate) {}
