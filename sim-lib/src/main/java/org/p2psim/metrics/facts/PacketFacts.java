package org.p2psim.metrics.facts;


/** Facts about packets: one row per packet, once its fate is known. */
public interface PacketFacts {
    void packet(PacketRow row);
}
