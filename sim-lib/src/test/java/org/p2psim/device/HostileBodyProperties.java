package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.p2psim.Simulation;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.metrics.facts.PacketRow;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sync.registry.Strategies;

/**
 * Issue 12, Build 7: a device receiving validly signed random bodies, of every packet type, under
 * every registered strategy. The run never throws, every injected packet ends as a documented
 * outcome (delivered, or rejected as {@code malformed}, {@code bad-body}, {@code bad-peers} or
 * {@code replay}), and the honest members still sync afterwards.
 */
class HostileBodyProperties {
    private static final Set<String> REJECTIONS = Set.of("malformed", "bad-body", "bad-peers", "replay");
    /** Random bodies of each packet type per strategy and try: 11 types × 4 × 9 strategies × 6 tries ≈ 2 400 packets. */
    private static final int BODIES = 4;

    @Property(tries = 6)
    void randomSignedBodiesUnderEveryStrategyEndAsDocumentedOutcomes(@ForAll long seed) {
        assertEquals(9, Strategies.names().size(), "all registered strategies, riblt, hybrid and oracle among them");
        for (String strategy : Strategies.names()) {
            receive(strategy, new SplittableRandom(seed));
        }
    }

    private static void receive(String strategy, SplittableRandom r) {
        try (Simulation sim = Simulation.builder().seed(5).devices("alice", "bob", "carol")
                .strategy(strategy).build()) {
            Ed25519KeyPair keys = Ed25519KeyPair.generate(new RandomStreams(5).stream("device/alice/keys"));
            int sent = 0;
            for (PacketType type : PacketType.values()) {
                for (int i = 0; i < BODIES; i++) {
                    byte[] body = body(r);
                    sim.network().send("alice", "bob", Packet.sign(type, keys, sim.device("alice").id(), sim.device("alice").clock(), body));
                    sent++;
                }
            }
            sim.post("bob", "general", "hello");
            sim.runFor(Duration.ofMinutes(2));
            List<PacketRow> injected = sim.metrics().packetRows().stream()
                    .filter(p -> p.sentAt() == 0 && p.from().equals("alice") && p.to().equals("bob")).toList();
            assertTrue(injected.size() >= sent, strategy + ": every injected packet has an outcome");
            for (PacketRow p : injected) {
                assertTrue(p.fate().equals("delivered") || p.fate().equals("rejected") && REJECTIONS.contains(p.reason()),
                        strategy + " " + p.type() + ": " + p.fate() + "/" + p.reason());
            }
            assertEquals(1, sim.device("carol").store().size(), strategy + ": the run went on and synced");
        }
    }

    /** Random bytes, half the time small values (counts, lengths, indices near the edges of what a parser reads). */
    private static byte[] body(SplittableRandom r) {
        byte[] b = new byte[r.nextInt(0, 160)];
        boolean small = r.nextBoolean();
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (small ? r.nextInt(-2, 4) : r.nextInt(256));
        }
        return b;
    }
}
