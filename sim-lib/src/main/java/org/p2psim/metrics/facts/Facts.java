package org.p2psim.metrics.facts;

/** Every kind of fact the system reports: what the world hands to devices, the network and the strategies. */
public interface Facts extends PresenceFacts, EventFacts, PacketFacts, ReadFacts, FilterFacts {}
