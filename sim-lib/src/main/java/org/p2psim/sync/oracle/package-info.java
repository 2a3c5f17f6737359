/**
 * The {@code oracle} strategy: the attainable bound of a scenario. It sees the simulator's truth
 * (who holds what, what is in flight) through a board shared by the devices of one run, and
 * (through {@code SyncContext.reachable}) whether a packet could reach a peer now: both ends online and
 * not between networks, no partition, the peer's current address. It sends each event once to each
 * peer lacking it as soon as a packet could reach it; the network still carries every packet, so
 * presence, loss, partitions and bandwidth bound it.
 */
package org.p2psim.sync.oracle;
