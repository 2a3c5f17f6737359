/**
 * The simulated UDP network: signed packets as real bytes, and a model of what the network does to
 * them, all in simulated time on the {@link org.p2psim.sim.Scheduler} and all random draws from the
 * network's own stream.
 *
 * <p>A {@link org.p2psim.net.Packet} is {@code header || body || Ed25519 signature}; its size on
 * the wire is the length of those bytes, checked against the MTU at send. The {@link
 * org.p2psim.net.Network} carries it from the sender's uplink, across the directed link, through
 * the receiver's downlink, to the receiver's {@link org.p2psim.net.Endpoint}, and reports one
 * {@link org.p2psim.net.PacketRecord} per packet (and per duplicate copy): delivered, dropped (and
 * why: {@link org.p2psim.net.Outcome}) or rejected by the receiver (and why).
 *
 * <p>One class per idea:
 * <ul>
 *   <li>link models, in {@code org.p2psim.net.link}: latency ({@link
 *       org.p2psim.net.link.LatencyModel}), loss ({@link org.p2psim.net.link.LossModel}) and
 *       duplication of each directed link ({@link org.p2psim.net.link.LinkConditions}), edited
 *       fluently through a {@link org.p2psim.net.link.LinkEditor} ({@code network.defaults()},
 *       {@code network.link(a, b)}, {@code network.oneWay(a, b)}), and a device's uplink or downlink
 *       as a token bucket with a drop-tail byte queue ({@link org.p2psim.net.link.Bandwidth});</li>
 *   <li>{@link org.p2psim.net.DeviceLink}: a device's attachment to the network: online or not, its
 *       current address, and the bandwidth of its two directions ({@code network.device(a)});</li>
 *   <li>{@link org.p2psim.net.Partition} and {@link org.p2psim.net.PartitionHandle}: cuts between
 *       groups of devices, symmetric or one-way, now or scheduled, healed by the handle.</li>
 *   <li>addresses: each device has a current address (a number, one more per
 *       {@link org.p2psim.net.Network#switchAddress switch} of network, with a brief handover gap);
 *       senders name the address they know, and a packet to an address its receiver has left is
 *       dropped as {@link org.p2psim.net.Outcome#STALE_ADDRESS}; receivers get each packet's source
 *       address, to learn a peer's new address as a UDP receiver would.</li>
 * </ul>
 *
 * <p>Models of the path a packet takes live in subpackages: {@code net.link}, and {@code net.nat} (NATs,
 * hole punching, relays and keepalives, switched on by {@link org.p2psim.net.Network#enableNat}). Dependencies run one way: this package uses its subpackages, and they know
 * nothing of packets, devices or the {@link org.p2psim.net.Network}.
 *
 * <pre>{@code
 * Network net = sim.network();
 * net.defaults().latency(Duration.ofMillis(40), Duration.ofMillis(10)).duplicate(0.01);
 * net.link("alice", "bob").burstyLoss(0.05, 4);
 * net.oneWay("bob", "carol").loss(0.3);
 * net.device("carol").uplink(Bandwidth.megabitsPerSecond(1)).downlink(Bandwidth.megabitsPerSecond(10));
 * PartitionHandle cut = net.partition(List.of("alice"), List.of("bob", "carol"));
 * net.at(Duration.ofMinutes(3), n -> n.switchAddress("carol"));   // Wi-Fi to cellular
 * net.at(Duration.ofMinutes(10), n -> cut.heal());
 * }</pre>
 */
package org.p2psim.net;
