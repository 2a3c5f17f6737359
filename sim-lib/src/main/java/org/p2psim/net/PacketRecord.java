package org.p2psim.net;

/**
 * One line of the packet log: when a packet was sent and when its fate was decided (µs), between
 * which endpoints, its type and size on the wire, its outcome, and the first 8 bytes of its
 * signature as a fingerprint of its content.
 */
public record PacketRecord(long sentAt, long doneAt, String from, String to, PacketType type, int bytes,
                           Outcome outcome, long fingerprint) {}
