package org.p2psim.device;

import org.p2psim.client.Client;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.event.EventContent;
import org.p2psim.event.EventSealer;
import org.p2psim.event.Message;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import tech.tablesaw.api.Table;

/**
 * Attacks injected into a running simulation: each is dropped before anything is stored, and
 * counted under its own reason in the packet log or the rejected-events table.
 */
class DeviceSecurityTest {

    private static Simulation quietPair(Path dir) {
        // Filters every 10 minutes: the injected packets are the only traffic in the first seconds.
        return Simulation.builder().seed(5).devices("alice", "bob").directory(dir)
                .bloom(org.p2psim.sync.bloom.BloomSeedParams.DEFAULTS.withInterval(Duration.ofMinutes(10))).build();
    }

    private static List<String> reasons(Simulation sim) {
        return sim.metrics().packetRows().stream().map(r -> r.fate() + ":" + r.reason()).toList();
    }

    @Test
    void forgedReplayedAndUnknownPacketsAreRejectedEachWithItsReason(@TempDir Path dir) {
        try (Simulation sim = quietPair(dir)) {
            Device alice = sim.device("alice");
            String id = Client.of(alice).sendMessage("general", "hello");
            byte[] sealed = alice.store().get(id).ciphertext();
            Ed25519KeyPair aliceKeys = Ed25519KeyPair.generate(new org.p2psim.sim.RandomStreams(5).stream("device/alice/keys"));
            Packet genuine = Packet.sign(PacketType.EVENT, aliceKeys, alice.id(), 0, sealed);

            byte[] forgedWire = genuine.wire().clone();
            forgedWire[forgedWire.length - 10] ^= 1;
            Ed25519KeyPair mallory = Ed25519KeyPair.generate(new SplittableRandom(666));
            Packet unknown = Packet.sign(PacketType.EVENT, mallory, DeviceId.ofPublicKey(mallory.publicKey()), 0, sealed);

            sim.network().send("alice", "bob", genuine);
            sim.network().send("alice", "bob", genuine);
            sim.network().send("alice", "bob", Packet.parse(forgedWire));
            sim.network().send("alice", "bob", unknown);
            sim.runFor(Duration.ofSeconds(1));

            assertEquals(List.of("delivered:", "rejected:replay", "rejected:signature", "rejected:unknown-device"), reasons(sim));
            assertEquals(1, sim.device("bob").store().size(), "only the genuine packet's event is stored");
        }
    }

    @Test
    void tamperedCiphertextAndForgedAuthorAreRefusedAfterThePacketCheck(@TempDir Path dir) {
        try (Simulation sim = quietPair(dir)) {
            Device alice = sim.device("alice");
            Ed25519KeyPair aliceKeys = Ed25519KeyPair.generate(new org.p2psim.sim.RandomStreams(5).stream("device/alice/keys"));
            String id = Client.of(alice).sendMessage("general", "hello");
            byte[] tampered = alice.store().get(id).ciphertext().clone();
            tampered[40] ^= 1;
            // Correct community key, correct packet signature, but the event claims Alice as author and is signed by another key.
            CommunityKey communityKey = CommunityKey.generate(new org.p2psim.sim.RandomStreams(5).stream("community/key"));
            Ed25519KeyPair impostor = Ed25519KeyPair.generate(new SplittableRandom(7));
            byte[] forgedAuthor = new EventSealer(communityKey, null)
                    .seal(new EventContent(alice.id(), 0, new Message("general", "I am alice")), impostor, new SplittableRandom(8)).sealed();

            sim.network().send("alice", "bob", Packet.sign(PacketType.EVENT, aliceKeys, alice.id(), 0, tampered));
            sim.network().send("alice", "bob", Packet.sign(PacketType.EVENT, aliceKeys, alice.id(), 1, forgedAuthor));
            sim.runFor(Duration.ofSeconds(1));

            Table rejected = sim.metrics().rejectedEvents();
            assertEquals(List.of("bad-author-signature", "undecryptable"), rejected.stringColumn("reason").asList());
            assertEquals(List.of(1L, 1L), rejected.longColumn("events").asList());
            assertEquals(0, sim.device("bob").store().size());
            assertEquals(List.of("delivered", "delivered"), sim.metrics().packetRows().stream().map(PacketRow::fate).toList());
        }
    }
}
