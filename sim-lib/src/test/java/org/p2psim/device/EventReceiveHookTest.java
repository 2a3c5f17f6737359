package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.client.Client;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sync.SyncContext;
import org.p2psim.sync.SyncStrategy;

/** The device receives EVENT packets itself and tells its strategy what it stored, with the sender. */
class EventReceiveHookTest {

    /** Records what the device tells it; sends nothing. */
    private static final class Recorder implements SyncStrategy {
        private final List<String> log;
        private SyncContext context;

        Recorder(List<String> log) {
            this.log = log;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void start(SyncContext context) {
            this.context = context;
        }

        @Override
        public void onPacket(String from, Packet packet, long sentAt) {
            log.add(context.deviceName() + " packet " + packet.type() + " from " + from);
        }

        @Override
        public void onEventStored(EventId id, long authoredTs, String fromPeer) {
            log.add(context.deviceName() + " stored " + id.hex().substring(0, 8) + " from " + fromPeer);
        }
    }

    @Test
    void strategyHearsOfStoredEventsWithTheirSenderAndNeverSeesEventPackets(@TempDir Path dir) {
        List<String> log = new ArrayList<>();
        try (Simulation sim = Simulation.builder().seed(5).devices("alice", "bob").directory(dir)
                .strategy(() -> new Recorder(log)).build()) {
            sim.runFor(Duration.ofMillis(1)); // devices start with the run
            Device alice = sim.device("alice");
            String id = Client.of(alice).sendMessage("general", "hello");
            byte[] sealed = alice.store().get(id).ciphertext();
            Ed25519KeyPair keys = Ed25519KeyPair.generate(new RandomStreams(5).stream("device/alice/keys"));
            Packet event = Packet.sign(PacketType.EVENT, keys, alice.id(), 0, sealed);
            sim.network().send("alice", "bob", event);
            sim.runFor(Duration.ofSeconds(1));

            String shortId = id.substring(0, 8);
            assertEquals(List.of("alice stored " + shortId + " from null", "bob stored " + shortId + " from alice"), log);
        }
    }
}
