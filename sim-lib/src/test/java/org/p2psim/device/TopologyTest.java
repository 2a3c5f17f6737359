package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("d" + i);
        }
        return names;
    }

    @Test
    void randomRegularGraphsAreSimpleSymmetricAndRegular() {
        List<String> devices = names(50);
        Map<String, List<String>> graph = Topology.randomRegular(4).peers(devices, new SplittableRandom(1));
        for (String device : devices) {
            List<String> peers = graph.get(device);
            assertEquals(4, peers.size(), device);
            assertEquals(4, new HashSet<>(peers).size(), device + " has a double link");
            assertTrue(!peers.contains(device), device + " links to itself");
            for (String peer : peers) {
                assertTrue(graph.get(peer).contains(device), device + " → " + peer + " is not symmetric");
            }
        }
        assertEquals(graph, Topology.randomRegular(4).peers(devices, new SplittableRandom(1)));
        assertNotEquals(graph, Topology.randomRegular(4).peers(devices, new SplittableRandom(2)));
    }

    @Test
    void denseRandomRegularGraphsAreFound() {
        for (int degree : new int[] {6, 10, 20}) {
            Map<String, List<String>> graph = Topology.randomRegular(degree).peers(names(50), new SplittableRandom(degree));
            graph.forEach((device, peers) -> assertEquals(degree, new HashSet<>(peers).size(), device));
        }
    }

    @Test
    void impossibleDegreesAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Topology.randomRegular(3).peers(names(5), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("topology.degree"), e.getMessage());
    }

    @Test
    void starAndMeshAndExplicit() {
        List<String> devices = names(4);
        assertEquals(List.of("d1", "d2", "d3"), Topology.star("d0").peers(devices, null).get("d0"));
        assertEquals(List.of("d0"), Topology.star("d0").peers(devices, null).get("d3"));
        assertEquals(List.of("d0", "d1", "d3"), Topology.fullMesh().peers(devices, null).get("d2"));
        assertEquals(List.of("d2"), Topology.explicit(Map.of("d0", List.of("d2"))).peers(devices, null).get("d0"));
        assertEquals(List.of(), Topology.explicit(Map.of("d0", List.of("d2"))).peers(devices, null).get("d1"));
        assertThrows(IllegalArgumentException.class, () -> Topology.explicit(Map.of("d0", List.of("zed"))).peers(devices, null));
        assertThrows(IllegalArgumentException.class, () -> Topology.star("zed").peers(devices, null));
    }

    @Test
    void clockOffsetAndDrift() {
        DeviceClock clock = new DeviceClock(5_000_000, 100);
        assertEquals(5_000_000, clock.at(0));
        assertEquals(3_600_000_000L + 5_000_000 + 360_000, clock.at(3_600_000_000L), "100 ppm over an hour is 0.36 s");
    }

    @Test
    void peerTableKeepsOrderCapacityAndNotSelf() {
        PeerTable table = new PeerTable("me", List.of("a", "b"), 3);
        assertTrue(table.add("c"));
        assertTrue(!table.add("d"), "full");
        assertTrue(!table.add("me"));
        assertTrue(!table.add("a"));
        assertEquals(List.of("a", "b", "c"), table.list());
        table.remove("b");
        assertTrue(table.add("d"));
        assertEquals(List.of("a", "c", "d"), table.list());
    }

    @Test
    void peerExchangeBodyRoundTripsAndRejectsGarbage() {
        List<String> peers = List.of("alice", "bob", "d07");
        Map<String, Integer> addresses = Map.of("alice", 0, "bob", 3, "d07", 12);
        assertEquals(List.of(new PeerExchange.Entry("alice", 0), new PeerExchange.Entry("bob", 3), new PeerExchange.Entry("d07", 12)),
                PeerExchange.decode(PeerExchange.encode(peers, addresses::get, 1000)));
        assertEquals(List.of(), PeerExchange.decode(new byte[] {0}));
        assertNull(PeerExchange.decode(new byte[] {3, 5, 'a'}), "shorter than it says");
        assertNull(PeerExchange.decode(new byte[0]), "empty");
        assertNull(PeerExchange.decode(new byte[] {1, 1, 'a', 0, 0, 0, 1, 9}), "a byte after the last peer");
        assertNull(PeerExchange.decode(new byte[] {1, 0, 0, 0, 0, 1}), "an empty name");
        assertNull(PeerExchange.decode(new byte[] {1, 1, 'a', (byte) 0x80, 0, 0, 0}), "a negative address");
        assertNull(PeerExchange.decode(new byte[] {1, 1, (byte) 0xff, 0, 0, 0, 1}), "a name that is not UTF-8");
        assertNull(PeerExchange.decode(new byte[] {2, 1, 'a', 0, 0, 0, 1, 1, 'a', 0, 0, 0, 2}), "a peer named twice");
        byte[] tooMany = new byte[1 + 33 * 6];
        tooMany[0] = 33;
        for (int i = 0; i < 33; i++) {
            tooMany[1 + i * 6] = 1;
            tooMany[2 + i * 6] = (byte) ('A' + i);
        }
        assertNull(PeerExchange.decode(tooMany), "more than MAX_PEERS");
    }

    @Test
    void peerExchangeBodyStaysWithinItsBudget() {
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            peers.add("device-" + i);
        }
        byte[] all = PeerExchange.encode(peers, p -> 7, 10_000);
        assertEquals(PeerExchange.MAX_PEERS, PeerExchange.decode(all).size(), "at most MAX_PEERS");
        byte[] body = PeerExchange.encode(peers, p -> 7, 100);
        assertTrue(body.length <= 100, body.length + " bytes");
        assertEquals(1 + 7 * (1 + 8 + 4), body.length, "as many 13-byte entries as fit after the count");
        assertEquals("device-6", PeerExchange.decode(body).get(6).peer());
    }

    @Test
    void peerTableKeepsTheNewestAddress() {
        PeerTable table = new PeerTable("me", List.of("a"), 3);
        assertEquals(0, table.addressOf("a"));
        assertFalse(table.learn("a", 2), "already in the table");
        assertEquals(2, table.addressOf("a"));
        table.learn("a", 1);
        assertEquals(2, table.addressOf("a"), "an older address does not undo a newer one");
        assertTrue(table.learn("b", 4));
        assertEquals(List.of("a", "b"), table.list());
        table.remove("b");
        assertEquals(4, table.addressOf("b"), "the address outlives the entry, for replies");
        assertFalse(table.learn("me", 9));
        assertEquals(0, table.addressOf("me"));
    }
}
