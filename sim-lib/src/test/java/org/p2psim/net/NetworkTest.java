package org.p2psim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.sim.Scheduler;

class NetworkTest {
    private final Scheduler scheduler = new Scheduler();
    private final Network network = new Network(scheduler, new SplittableRandom(1));
    private final List<PacketRecord> records = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final Ed25519KeyPair keys = Ed25519KeyPair.generate(new SplittableRandom(2));
    private final Packet packet = Packet.sign(PacketType.EVENT, keys, DeviceId.ofPublicKey(keys.publicKey()), 0, new byte[100]);

    NetworkTest() {
        network.attach("a", (from, wire, sentAt) -> Outcome.DELIVERED);
        network.attach("b", (from, wire, sentAt) -> {
            arrivals.add(scheduler.now());
            return Outcome.DELIVERED;
        });
        network.onPacket(records::add);
    }

    @Test
    void deliversAfterTheLinkLatencyAndLogsBytes() {
        network.defaults(new LinkConditions(40_000, 0));
        network.send("a", "b", packet);
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(List.of(40_000L), arrivals);
        assertEquals(1, records.size());
        assertEquals(Packet.OVERHEAD + 100, records.get(0).bytes());
        assertEquals(Outcome.DELIVERED, records.get(0).outcome());
    }

    /** 20 000 packets at 20 % loss: the loss count lies within 4 binomial standard deviations (±226). */
    @Test
    void lossRateWithinABinomialBound() {
        network.defaults(new LinkConditions(1_000, 0.2));
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            network.send("a", "b", packet);
        }
        scheduler.runFor(Duration.ofSeconds(1));
        long lost = records.stream().filter(r -> r.outcome() == Outcome.LOSS).count();
        double sd = Math.sqrt(n * 0.2 * 0.8);
        assertEquals(n * 0.2, lost, 4 * sd);
        assertEquals(n - lost, arrivals.size());
    }

    @Test
    void perLinkConditionsOverrideDefaults() {
        network.link("a", "b", new LinkConditions(5_000, 1.0));
        network.send("a", "b", packet);
        network.send("b", "a", packet);
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(List.of(Outcome.LOSS, Outcome.LOSS), records.stream().map(PacketRecord::outcome).toList());
    }

    @Test
    void overTheMtuIsRefusedAtSend() {
        Packet big = Packet.sign(PacketType.EVENT, keys, DeviceId.ofPublicKey(keys.publicKey()), 0, new byte[Network.DEFAULT_MTU]);
        network.send("a", "b", big);
        assertEquals(Outcome.MTU, records.get(0).outcome());
        assertTrue(arrivals.isEmpty());
    }

    @Test
    void offlineEndpointsNeitherSendNorReceive() {
        network.setOnline("b", false);
        network.send("a", "b", packet);
        network.send("b", "a", packet);
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(List.of(Outcome.OFFLINE, Outcome.OFFLINE), records.stream().map(PacketRecord::outcome).toList());
    }
}
