package org.p2psim.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Scenario;
import tech.tablesaw.api.Table;

/** What an inspector sees of NATs in a run directory: each ordered pair's path and why, a device's NAT and bindings. */
class NatInspectionTest {

    private static Inspection run(Path dir, String preset) {
        Scenario s = Scenario.load("two-peers").small().with("net.nat.default", preset);
        ScenarioRun.of(s).seed(1).directory(dir).run();
        return Inspection.of(dir);
    }

    private static String cell(Table t, String column, String from) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.stringColumn("from").get(i).equals(from)) {
                return t.column(column).getString(i);
            }
        }
        throw new AssertionError("no row from " + from);
    }

    @Test
    void twoSymmetricPeersWithoutAPublicPeerHaveNoPathAndTheMatrixSaysWhy(@TempDir Path tmp) {
        NetworkStatus net = run(tmp.resolve("sym"), "symmetric").network();
        Table m = net.matrix();
        for (String from : new String[] {"alice", "bob"}) {
            assertEquals("none", cell(m, "path", from));
            assertEquals("false", cell(m, "reachable", from));
            assertTrue(cell(m, "why", from).contains("symmetric ↔ symmetric") && cell(m, "why", from).contains("no public peer"),
                    cell(m, "why", from));
            assertEquals("symmetric", cell(m, "nat_from", from));
            assertEquals("symmetric", cell(m, "nat_to", from));
        }
        JsonNode json = net.json();
        assertEquals("none", json.path("matrix").get(0).path("path").asText());
        assertEquals("none", json.path("nat_pairs").get(0).path("path").asText());
    }

    @Test
    void fullConePeersReachEachOtherAndADeviceShowsItsNatAndBindings(@TempDir Path tmp) {
        Inspection in = run(tmp.resolve("cone"), "full-cone");
        Table m = in.network().matrix();
        assertEquals("true", cell(m, "reachable", "alice"));
        assertTrue(java.util.List.of("direct", "punched").contains(cell(m, "path", "alice")), cell(m, "path", "alice"));
        ObjectNode alice = in.deviceJson("alice");
        assertEquals("full-cone", alice.path("nat").path("type").asText());
        assertEquals("EIF", alice.path("nat").path("filtering").asText());
        assertTrue(alice.path("nat").path("bindings").size() >= 1, alice.toString());
        assertEquals("bob", alice.path("nat").path("paths").get(0).path("peer").asText());
        assertTrue(in.inspector("alice").html().contains("behind <b>full-cone</b>"));
    }

    @Test
    void withoutNatsTheMatrixAndTheDeviceViewHaveNoNatFields(@TempDir Path tmp) {
        Path dir = tmp.resolve("plain");
        ScenarioRun.of(Scenario.load("two-peers").small()).seed(1).directory(dir).run();
        Inspection in = Inspection.of(dir);
        assertFalse(in.network().matrix().columnNames().contains("path"));
        assertNull(in.network().json().get("nat_pairs"));
        assertNull(in.deviceJson("alice").get("nat"));
        assertFalse(in.inspector("alice").html().contains(">NAT<"));
    }
}
