package org.p2psim.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.net.nat.NatType;
import org.p2psim.sim.Scheduler;

/**
 * Three devices on 20 ms links for the NAT tests: a rendezvous {@code r} (public or not) and {@code a}
 * and {@code b} behind the NATs a test names (cgnat after a switch; null: the test assigns it), every
 * packet's fate recorded.
 */
final class NatFixture {
    static final Ed25519KeyPair KEYS = Ed25519KeyPair.generate(new SplittableRandom(2));
    static final Packet PACKET = Packet.sign(PacketType.EVENT, KEYS, DeviceId.ofPublicKey(KEYS.publicKey()), 0, new byte[100]);
    /** Every preset behind a NAT, in the order of {@link NatType#PRESETS}. */
    static final List<String> NATS = List.of("full-cone", "address-restricted", "port-restricted", "symmetric", "cgnat");

    final Scheduler scheduler = new Scheduler();
    final List<PacketRecord> records = new ArrayList<>();
    final Network network;
    final NatTraversal nat;

    NatFixture(long seed, NatConfig config, boolean publicPeer, String natA, String natB) {
        network = new Network(scheduler, new SplittableRandom(seed));
        for (String d : List.of("r", "a", "b")) {
            network.attach(d, (from, fromAddress, wire, sentAt) -> Outcome.DELIVERED);
        }
        network.onPacket(records::add);
        network.defaults(LinkConditions.of(Duration.ofMillis(20), 0));
        nat = network.enableNat(config, new SplittableRandom(seed + 100));
        nat.assign("r", NatType.preset(publicPeer ? "none" : "port-restricted"), NatType.preset(publicPeer ? "none" : "port-restricted"));
        if (natA != null) {
            nat.assign("a", NatType.preset(natA), NatType.preset("cgnat"));
        }
        if (natB != null) {
            nat.assign("b", NatType.preset(natB), NatType.preset("cgnat"));
        }
    }

    /** a and b each send to the other every second from {@code from} to {@code to} (seconds). */
    NatFixture chat(long from, long to) {
        for (long t = from; t < to; t++) {
            long at = t * 1_000_000L;
            scheduler.at(at, () -> network.send("a", "b", PACKET));
            scheduler.at(at + 500_000, () -> network.send("b", "a", PACKET));
        }
        return this;
    }

    NatFixture runFor(Duration d) {
        scheduler.runFor(d);
        return this;
    }

    /** Data packets from {@code from} to {@code to} delivered at or after {@code afterSeconds}. */
    long delivered(String from, String to, long afterSeconds) {
        return records.stream().filter(r -> r.from().equals(from) && r.to().equals(to) && r.type() == PacketType.EVENT
                && r.outcome() == Outcome.DELIVERED && r.doneAt() >= afterSeconds * 1_000_000L).count();
    }

    long count(Outcome outcome) {
        return records.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Packets that ended as {@code outcome} at or after {@code afterSeconds}. */
    long count(Outcome outcome, long afterSeconds) {
        return records.stream().filter(r -> r.outcome() == outcome && r.doneAt() >= afterSeconds * 1_000_000L).count();
    }
}
