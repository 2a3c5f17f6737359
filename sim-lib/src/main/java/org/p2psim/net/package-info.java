/**
 * The simulated UDP network: signed packets as real bytes, links with latency and loss, and the
 * fate of every packet.
 *
 * <p>A {@link org.p2psim.net.Packet} is {@code header || body || Ed25519 signature}; its size on
 * the wire is the length of those bytes, checked against the MTU at send. The {@link
 * org.p2psim.net.Network} carries bytes between named endpoints on the {@link
 * org.p2psim.sim.Scheduler}, draws loss from its own random stream, and reports one {@link
 * org.p2psim.net.PacketRecord} per packet: delivered, dropped (and why) or rejected by the receiver
 * (and why).
 */
package org.p2psim.net;
