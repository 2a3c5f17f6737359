package org.p2psim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Device;
import org.p2psim.device.Invite;
import org.p2psim.sim.SimEvent;
import tech.tablesaw.api.Table;

/**
 * The front door's membership calls: invites, joins and device authorisations author grant events
 * that reach every device's auth_graph, count in the ground truth, show the accounts, and replay.
 */
class AccountsAndGrantsTest {

    private static Simulation small(long seed, Path dir) {
        return Simulation.builder().seed(seed).devices(3).signatures(SignatureMode.FAST).directory(dir).build();
    }

    /** One message each, d03 invited by d01, a phone added to d00's account. */
    private static void enact(Simulation sim) {
        for (Device d : sim.devices()) {
            sim.post(d.name(), "general", "hello from " + d.name());
        }
        sim.runFor(Duration.ofSeconds(20));
        sim.join("d03", "d01");
        sim.runFor(Duration.ofSeconds(20));
        sim.addDevice("d00-phone", "d00");
    }

    @Test
    void grantsReachEveryDeviceAndCountInTheGroundTruth(@TempDir Path dir) {
        try (Simulation sim = small(1, dir)) {
            enact(sim);
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(10)), sim.devicesTable().print());
            assertEquals(3 + 4, sim.metrics().truthSize(), "3 messages, an invite, two joins and an authorisation");
            String d00 = sim.device("d00").id().hex();
            String d01 = sim.device("d01").id().hex();
            String d03 = sim.device("d03").id().hex();
            String phone = sim.device("d00-phone").id().hex();
            String invite = sim.timeline().events().stream().filter(SimEvent.Invite.class::isInstance)
                    .map(SimEvent.Invite.class::cast).findFirst().orElseThrow().inviteId();
            List<String> expected = List.of(
                    "invite|" + invite + "|d01|" + d01 + "|",
                    "join|" + d03 + "|d03|" + d03 + "|" + invite,
                    "authorize-device|" + phone + "|d00|" + d00 + "|",
                    "join|" + phone + "|d00|" + phone + "|");
            for (Device d : sim.devices()) {
                Table t = d.store().query("SELECT action || '|' || subject || '|' || author_user || '|' || author_device"
                        + " || '|' || COALESCE(invite_id, '') AS row FROM auth_graph ORDER BY ts, event_id");
                assertEquals(new TreeSet<>(expected), new TreeSet<>(t.stringColumn("row").asList()), d.name());
            }
        }
    }

    @Test
    void accountsShowOnDevicesClientsAndTheAuthGraphTable(@TempDir Path dir) {
        try (Simulation sim = small(2, dir)) {
            enact(sim);
            sim.runUntilConverged(Duration.ofMinutes(10));
            assertEquals("d00", sim.client("d00-phone").account());
            assertEquals("d00", sim.device("d00-phone").account());
            assertEquals("d03", sim.client("d03").account());
            Table devices = sim.devicesTable();
            assertEquals(List.of("d00", "d01", "d02", "d03", "d00"), devices.stringColumn("account").asList());
            Table graph = sim.client("d02").authGraph();
            assertEquals(List.of("event_id", "action", "subject", "subject_name", "account", "author", "invite_id", "ts", "received_s"),
                    graph.columnNames());
            assertEquals(List.of("invite", "join", "authorize-device", "join"), graph.stringColumn("action").asList());
            assertEquals(List.of("d01", "d03", "d00", "d00-phone"), graph.stringColumn("author").asList());
            assertEquals("d00-phone", graph.stringColumn("subject_name").get(2));
        }
    }

    @Test
    void accountRulesAreExplained(@TempDir Path dir) {
        try (Simulation sim = small(3, dir)) {
            sim.addDevice("d00-phone", "d00");
            Invite invite = sim.invite("d01");
            String taken = assertThrows(IllegalArgumentException.class, () -> sim.join("tablet", invite, "d00")).getMessage();
            assertEquals("account 'd00' already has devices [d00, d00-phone]; a new device joins it through one of them:"
                    + " addDevice(\"tablet\", \"d00\")", taken);
            assertEquals("a device named 'd01' already exists",
                    assertThrows(IllegalArgumentException.class, () -> sim.addDevice("d01", "d00")).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.addDevice("x", "nobody")).getMessage()
                    .startsWith("no device named 'nobody'"));
            Device tablet = sim.join("tablet", "d00-phone", "d00");
            assertEquals("d00", tablet.account(), "a join into the via device's account is a device authorisation");
            assertEquals(new SimEvent.Join(0, "tablet", "d00-phone", "d00", null), sim.timeline().events().get(2));
        }
    }

    @Test
    void sameSeedSameGrantsOtherSeedOtherOnes(@TempDir Path dir) {
        List<String> a = grantIds(dir.resolve("a"), 5);
        List<String> b = grantIds(dir.resolve("b"), 5);
        List<String> c = grantIds(dir.resolve("c"), 6);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static List<String> grantIds(Path dir, long seed) {
        try (Simulation sim = small(seed, dir)) {
            enact(sim);
            sim.runFor(Duration.ofMinutes(2));
            List<String> rows = new ArrayList<>(sim.device("d02").store()
                    .query("SELECT event_id || subject || ts AS r FROM auth_graph ORDER BY event_id").stringColumn("r").asList());
            rows.add(sim.traceSha256());
            return rows;
        }
    }

    /** A recorded timeline, replayed into a fresh simulation of the same seed, gives the same trace and grants. */
    @Test
    void aReplayedTimelineReenactsInvitesJoinsAndAuthorisations(@TempDir Path dir) {
        List<SimEvent> timeline;
        String trace;
        List<String> grants;
        try (Simulation sim = small(8, dir.resolve("first"))) {
            sim.at(Duration.ofSeconds(5), s -> s.post("d00", "general", "hi"));
            sim.at(Duration.ofSeconds(30), s -> s.join("d03", "d01"));
            sim.at(Duration.ofSeconds(40), s -> s.invite("d02"));
            sim.at(Duration.ofSeconds(60), s -> s.addDevice("d00-phone", "d00"));
            sim.runFor(Duration.ofMinutes(3));
            timeline = List.copyOf(sim.timeline().events());
            trace = sim.traceSha256();
            grants = sim.device("d01").store().query("SELECT event_id FROM auth_graph ORDER BY event_id")
                    .stringColumn("event_id").asList();
        }
        assertEquals(List.of("message", "invite", "join", "invite", "join"), timeline.stream().map(SimEvent::kind).toList());
        assertEquals(5, grants.size(), "two invites, two joins, one authorisation");
        try (Simulation again = small(8, dir.resolve("again"))) {
            timeline.forEach(again::replay);
            again.runFor(Duration.ofMinutes(3));
            assertEquals(timeline, again.timeline().events());
            assertEquals(trace, again.traceSha256());
            assertEquals(grants, again.device("d01").store().query("SELECT event_id FROM auth_graph ORDER BY event_id")
                    .stringColumn("event_id").asList());
        }
    }
}
