package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.client.ChatMessage;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.Timeline;
import tech.tablesaw.api.Table;

/**
 * A community of people with behaviour profiles, run end to end: phones that come and go, working
 * hours, lurkers, conversations and shared photos; the same seed gives the same run, another seed
 * another, and a saved timeline replays to the same trace.
 */
class ProfiledRunTest {
    static final String MIXED = """
            name: mixed
            duration: 45m
            devices:
              count: 8
              profiles: {chatty: 3, lurker: 2, mobile-ios: 2, mobile-android: 1}
            net:
              latency: {mean: 40ms, sd: 10ms}
            sync:
              strategy: bloom-salted
            crypto:
              signatures: fast
            workload:
              channels: [general, random]
              profiles:
                chatty: {like: active, postsPerHour: 20, uploadsPerHour: 1, replies: {probability: 0.3}}
            """;

    private static Scenario mixed() {
        return Scenario.parse(MIXED, "mixed.yaml");
    }

    @Test
    void profilesAreAssignedInBlocksByWeight() {
        Map<String, String> assignment = mixed().devices().profileAssignment();
        assertEquals(List.of("chatty", "chatty", "chatty", "lurker", "lurker", "mobile-ios", "mobile-ios", "mobile-android"),
                List.copyOf(assignment.values()));
        // 3 devices: shares 1.125, 0.75, 0.75, 0.375 → 1 each for the first three (largest remainders)
        assertEquals(List.of("chatty", "lurker", "mobile-ios"),
                List.copyOf(Scenario.parse(MIXED.replace("count: 8", "count: 3"), "mixed.yaml").devices().profileAssignment().values()));
    }

    @Test
    void peopleChatAnswerReadShareAndTheirPhonesComeAndGo() {
        try (Simulation sim = ScenarioRun.of(mixed()).seed(3).build()) {
            sim.runFor(mixed().duration());
            List<SimEvent> timeline = sim.timeline().events();
            long replies = count(timeline, SimEvent.REPLY);
            long files = count(timeline, SimEvent.FILE);
            assertTrue(count(timeline, SimEvent.MESSAGE) > 30, "messages: " + count(timeline, SimEvent.MESSAGE));
            assertTrue(replies > 10, "answers: " + replies);
            assertTrue(files >= 1, "shared photos: " + files);
            assertTrue(count(timeline, SimEvent.READ) > 20, "scroll-back sessions");
            // the phones are offline between their windows, so they leave and come back many times
            for (String phone : List.of("d05", "d06", "d07")) {
                long leaves = timeline.stream().filter(e -> e.device().equals(phone) && e.kind().equals(SimEvent.LEAVE)).count();
                assertTrue(leaves >= 3, phone + " left " + leaves + " times");
            }
            Table devices = sim.devicesTable();
            for (int i = 0; i < devices.rowCount(); i++) {
                double share = devices.doubleColumn("online_share").get(i);
                String device = devices.stringColumn("device").get(i);
                assertTrue(i < 5 ? share == 1.0 : share < 0.6, device + " online share " + share);
            }
            // each message is answered once at most, and only by someone who held it
            Set<String> answered = new HashSet<>();
            for (SimEvent e : timeline) {
                if (e instanceof SimEvent.Reply reply) {
                    assertTrue(answered.add(reply.parentId()), "answered twice: " + reply.parentId());
                    ChatMessage parent = sim.client(e.device()).findMessage(reply.parentId()).orElseThrow();
                    assertNotEquals(e.device(), parent.authorName(), "nobody answers themselves");
                }
            }
            // the lurkers fetch a fifth of the photos: they hold the files' metadata, and chunks of some at most
            assertTrue(sim.client("d03").files().size() >= 1);
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        String a = traceOf(5);
        assertEquals(a, traceOf(5));
        assertNotEquals(a, traceOf(6));
    }

    private static String traceOf(long seed) {
        try (Simulation sim = ScenarioRun.of(mixed()).seed(seed).build()) {
            sim.runFor(mixed().duration());
            return sim.traceSha256() + " " + sim.timeline().size();
        }
    }

    @Test
    void aSavedTimelineReplaysToTheSameTrace(@TempDir Path tmp) {
        RunResult original = ScenarioRun.of(mixed()).seed(9).directory(tmp.resolve("run")).run();
        assertTrue(count(original.simulation().timeline().events(), SimEvent.REPLY) > 0, "the run has answers to replay");
        ReplayResult replay = RunDirectory.replay(tmp.resolve("run"));
        assertTrue(replay.matches(), replay.toString());
        assertEquals(original.traceSha256(), replay.traceSha256());
    }

    @Test
    void aTimelineSavedToAFileAndLoadedBackPlaysTheSameRun(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("timeline.jsonl");
        String trace;
        try (Simulation sim = ScenarioRun.of(mixed()).seed(4).build()) {
            sim.runFor(mixed().duration());
            sim.timeline().save(file);
            trace = sim.traceSha256();
        }
        List<SimEvent> loaded = Timeline.load(file);
        assertTrue(loaded.stream().anyMatch(e -> e.kind().equals(SimEvent.REPLY)), "answers are in the file");
        try (Simulation again = ScenarioRun.of(mixed()).seed(4).replaying(loaded).build()) {
            again.runFor(mixed().duration());
            assertEquals(trace, again.traceSha256());
            assertEquals(loaded, again.timeline().events());
        }
        java.nio.file.Files.writeString(tmp.resolve("bad.jsonl"), "{\"time_us\": 5, \"kind\": \"dance\", \"device\": \"d00\", \"detail\": \"\"}\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Timeline.load(tmp.resolve("bad.jsonl")));
        assertTrue(e.getMessage().startsWith(tmp.resolve("bad.jsonl") + " line 1: sim event kind must be one of"), e.getMessage());
    }

    private static long count(List<SimEvent> timeline, String kind) {
        return timeline.stream().filter(e -> e.kind().equals(kind)).count();
    }
}
