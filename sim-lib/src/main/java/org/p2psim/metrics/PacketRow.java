package org.p2psim.metrics;

/**
 * One packet's life for the packet log: times in µs, endpoints, type label, bytes on the wire,
 * fate ("delivered", "dropped", "rejected"), reason ("" when delivered) and a content fingerprint.
 */
public record PacketRow(long sentAt, long doneAt, String from, String to, String type, int bytes,
                        String fate, String reason, long fingerprint) {}
