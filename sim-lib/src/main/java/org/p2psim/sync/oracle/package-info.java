/**
 * The {@code oracle} strategy: the attainable bound of a scenario. It sees the simulator's truth
 * (who holds what, who is online, what is in flight) through a board shared by the devices of one
 * run, and sends each event once to each peer lacking it as soon as both are online; the network
 * still carries every packet, so presence, loss, partitions and bandwidth bound it.
 */
package org.p2psim.sync.oracle;
