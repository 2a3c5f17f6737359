package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sync.gossip.GossipPushStrategy;
import org.p2psim.sync.registry.Strategies;

/**
 * Validly signed packets from a member that carry what no honest member sends: each is dropped and
 * counted with its reason, and the run goes on.
 */
class HostilePacketTest {

    private static Packet fromAlice(Simulation sim, PacketType type, byte[] body) {
        Ed25519KeyPair keys = Ed25519KeyPair.generate(new RandomStreams(5).stream("device/alice/keys"));
        return Packet.sign(type, keys, sim.device("alice").id(), sim.device("alice").clock(), body);
    }

    private static List<String> rejections(Simulation sim) {
        return sim.metrics().packetRows().stream().filter(r -> r.fate().equals("rejected")).map(r -> r.reason()).toList();
    }

    static List<String> strategies() {
        return Strategies.names();
    }

    /** Regression: a PEERS packet naming 'dave' (no such device) ended the run from Network.send (or, under gossip-push, the receive path). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void aPeerListNamingAStrangerIsDroppedUnderEveryStrategy(String strategy, @TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(5).devices("alice", "bob", "carol").directory(dir.resolve(strategy))
                .strategy(strategy).build()) {
            byte[] dave = PeerExchange.encode(List.of("dave", "carol"), p -> 0, 200);
            sim.network().send("alice", "bob", fromAlice(sim, PacketType.PEERS, dave));
            sim.post("bob", "general", "hello");
            sim.runFor(Duration.ofMinutes(3));
            // want-list re-sends identical requests within a clock tick: those are honest replays
            assertEquals(List.of("bad-peers"), rejections(sim).stream().filter(r -> !r.equals("replay")).toList(), strategy);
            assertFalse(sim.device("bob").peers().contains("dave"), strategy);
            assertEquals(1, sim.device("carol").store().size(), strategy + ": the run went on and synced");
        }
    }

    @Test
    void aPeerListClaimingAnAddressTheDeviceNeverHadIsDropped(@TempDir Path dir) {
        try (Simulation sim = Simulation.builder().seed(5).devices("alice", "bob", "carol").directory(dir)
                .strategy(GossipPushStrategy.NAME).build()) {
            byte[] lie = PeerExchange.encode(List.of("carol"), p -> 1_000_000, 200);
            sim.network().send("alice", "bob", fromAlice(sim, PacketType.PEERS, lie));
            sim.post("bob", "general", "hello");
            sim.runFor(Duration.ofMinutes(3));
            assertEquals(List.of("bad-peers"), rejections(sim));
            assertEquals(sim.network().address("carol"), sim.device("bob").addressOf("carol"), "carol's address was not poisoned");
            assertEquals(1, sim.device("carol").store().size());
        }
    }

    @Test
    void garbageBodiesUnderEveryStrategyNeverStopTheRun(@TempDir Path dir) {
        byte[][] bodies = {new byte[0], {0}, {(byte) 0xff}, {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3},
                new byte[300]};
        for (String strategy : Strategies.names()) {
            try (Simulation sim = Simulation.builder().seed(5).devices("alice", "bob", "carol").directory(dir.resolve(strategy))
                    .strategy(strategy).build()) {
                for (PacketType type : PacketType.values()) {
                    for (byte[] body : bodies) {
                        sim.network().send("alice", "bob", fromAlice(sim, type, body));
                    }
                }
                sim.post("bob", "general", "hello");
                sim.runFor(Duration.ofMinutes(3));
                assertEquals(1, sim.device("carol").store().size(), strategy + ": the run went on and synced");
                assertTrue(rejections(sim).stream().allMatch(r -> List.of("malformed", "bad-body", "bad-peers", "replay").contains(r)),
                        strategy + ": " + rejections(sim));
            }
        }
    }

    /**
     * Found while giving the liar well-formed lies: a CODED request for symbols far past any an honest
     * opener asks for made the answering device build its symbol cache up to that index (2³¹ symbols:
     * OutOfMemoryError, the run ended). A request within a session's largest budget (2²⁰ symbols) is
     * answered from the items, in memory that does not grow with the index; one past it (each symbol
     * would cost a walk of every item) and symbols past the last index are bad bodies.
     */
    @Test
    void aCodedRequestFarPastAnyHonestIndexCostsNoMemoryAndRangesPastTheBudgetAreBadBodies(@TempDir Path dir) {
        for (String strategy : List.of("riblt", "hybrid")) {
            try (Simulation sim = Simulation.builder().seed(5).devices("alice", "bob", "carol").directory(dir.resolve(strategy))
                    .strategy(strategy).build()) {
                sim.post("bob", "general", "first");
                int budget = 1 << 20;
                byte[] far = ByteBuffer.allocate(13).put((byte) 0).putInt(7).putInt(budget - 100).putInt(50).array();
                byte[] past = ByteBuffer.allocate(13).put((byte) 0).putInt(8).putInt(Integer.MAX_VALUE - 100).putInt(50).array();
                byte[] symbols = ByteBuffer.allocate(13 + 2 * 28).put((byte) 1).putInt(1).putInt(Integer.MAX_VALUE - 1).putInt(2).array();
                sim.network().send("alice", "bob", fromAlice(sim, PacketType.CODED, far));
                sim.network().send("alice", "bob", fromAlice(sim, PacketType.CODED, past));
                sim.network().send("alice", "bob", fromAlice(sim, PacketType.CODED, symbols));
                sim.post("bob", "general", "hello");
                sim.runFor(Duration.ofMinutes(3));
                assertEquals(List.of("bad-body", "bad-body"), rejections(sim).stream().filter(r -> !r.equals("replay")).toList(), strategy);
                assertEquals(2, sim.device("carol").store().size(), strategy + ": the run went on and synced");
            }
        }
    }
}
