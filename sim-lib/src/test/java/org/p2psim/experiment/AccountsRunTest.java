package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimEvent;
import org.p2psim.store.DeviceStore;

/**
 * A scenario whose schedule invites d02 (via d00) and authorises d00-phone for account d00: every
 * device's auth_graph, read from its SQLite file in the run directory, holds the three kinds of
 * grant; runs are deterministic per seed and replay from their recorded timeline.
 */
class AccountsRunTest {
    static final String ACCOUNTS = """
            name: accounts
            duration: 3m
            devices: {count: 2}
            net: {latency: {mean: 30ms, sd: 5ms}}
            crypto: {signatures: fast}
            workload:
              channels: [general]
              history: {count: 2}
              messages: {ratePerMinute: 1, until: 90s, textLength: 20}
            schedule:
              - {at: 20s, join: d02, via: d00}
              - {at: 40s, join: d00-phone, via: d00, account: d00}
            """;

    private static RunResult run(Path dir, long seed) {
        return ScenarioRun.of(Scenario.parse(ACCOUNTS, "accounts.yaml")).seed(seed).directory(dir).run();
    }

    private static List<String> authRows(Path dir, String device) {
        return DeviceStore.queryFile(dir.resolve("devices").resolve(device + ".sqlite"),
                "SELECT action || '|' || subject || '|' || author_user || '|' || author_device || '|' || COALESCE(invite_id, '')"
                        + " || '|' || event_id AS row FROM auth_graph ORDER BY event_id").stringColumn("row").asList();
    }

    @Test
    void everyDeviceHoldsTheInviteJoinAndAuthorisationRows(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        long seed = 3;
        RunResult r = run(dir, seed);
        assertTrue(r.simulation().metrics().converged(), r.simulation().devicesTable().print());
        List<SimEvent> timeline = r.simulation().timeline().events();
        assertEquals(List.of(SimEvent.INVITE, SimEvent.JOIN, SimEvent.JOIN),
                timeline.stream().map(SimEvent::kind).filter(k -> !k.equals(SimEvent.MESSAGE)).toList());
        String invite = timeline.stream().filter(SimEvent.Invite.class::isInstance).map(SimEvent.Invite.class::cast)
                .findFirst().orElseThrow().inviteId();
        String d00 = Simulation.deviceId(seed, "d00").hex();
        String d02 = Simulation.deviceId(seed, "d02").hex();
        String phone = Simulation.deviceId(seed, "d00-phone").hex();
        TreeSet<String> expected = new TreeSet<>(List.of(
                "invite|" + invite + "|d00|" + d00 + "|",
                "join|" + d02 + "|d02|" + d02 + "|" + invite,
                "authorize-device|" + phone + "|d00|" + d00 + "|",
                "join|" + phone + "|d00|" + phone + "|"));
        for (String device : List.of("d00", "d01", "d02", "d00-phone")) {
            TreeSet<String> rows = new TreeSet<>();
            authRows(dir, device).forEach(row -> rows.add(row.substring(0, row.lastIndexOf('|'))));
            assertEquals(expected, rows, device);
        }
        assertEquals(List.of("d00", "d01", "d02", "d00"), r.simulation().devicesTable().stringColumn("account").asList());
    }

    @Test
    void sameSeedSameTraceAndGrantsOtherSeedOtherOnes(@TempDir Path tmp) {
        RunResult a = run(tmp.resolve("a"), 4);
        RunResult b = run(tmp.resolve("b"), 4);
        RunResult c = run(tmp.resolve("c"), 5);
        assertEquals(a.traceSha256(), b.traceSha256());
        assertEquals(authRows(tmp.resolve("a"), "d01"), authRows(tmp.resolve("b"), "d01"));
        assertNotEquals(a.traceSha256(), c.traceSha256());
        assertNotEquals(authRows(tmp.resolve("a"), "d01"), authRows(tmp.resolve("c"), "d01"));
    }

    @Test
    void aReplayOfTheRecordedTimelineMatches(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        RunResult r = run(dir, 6);
        ReplayResult replay = RunDirectory.replay(dir);
        assertTrue(replay.matches(), replay.toString());
        assertEquals(r.traceSha256(), replay.traceSha256());
        assertEquals(r.simulation().timeline().size(), replay.events());
    }
}
