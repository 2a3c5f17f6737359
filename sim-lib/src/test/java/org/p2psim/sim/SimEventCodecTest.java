package org.p2psim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.sim.SimEventCodec.Row;

/**
 * The rows of {@code sim_events} and saved timelines are a file format: each kind's row is pinned
 * here byte for byte, and every kind converts record → row → record and row → record → row unchanged.
 */
class SimEventCodecTest {
    private static final String INVITE_ID = "2e3e1f53dfc0a50c8e4001870c24c0ab";

    /** An event of every kind (some twice) with the row it is stored as. */
    private record Sample(SimEvent event, Row row) {
    }

    private static final List<Sample> SAMPLES = List.of(
            sample(new SimEvent.Message(12, "alice", "general", "hi\tthere"), "message", "alice", "general\thi\tthere"),
            sample(new SimEvent.FileShared(13, "bob", "photos", "a.jpg", "image/jpeg", new byte[] {1, 2, 3, (byte) 255}),
                    "file", "bob", "photos\ta.jpg\timage/jpeg\tAQID/w=="),
            sample(new SimEvent.FileShared(13, "bob", "photos", "empty", "application/octet-stream", new byte[0]),
                    "file", "bob", "photos\tempty\tapplication/octet-stream\t"),
            sample(new SimEvent.Reply(14, "carol", "623e31b89a5ba71f47a0c4f4327466bb", "yes"),
                    "reply", "carol", "623e31b89a5ba71f47a0c4f4327466bb\tyes"),
            sample(new SimEvent.Read(15, "d04", "random", 15), "read", "d04", "random\t15"),
            sample(new SimEvent.Invite(16, "host", INVITE_ID), "invite", "host", INVITE_ID),
            sample(new SimEvent.Join(17, "newbie", "host", "newbie", INVITE_ID), "join", "newbie", "host\tnewbie\t" + INVITE_ID),
            sample(new SimEvent.Join(18, "tablet", "d00-phone", "d00", null), "join", "tablet", "d00-phone\td00\t"),
            sample(new SimEvent.Leave(19, "d05", true), "leave", "d05", "graceful"),
            sample(new SimEvent.Leave(20, "d05", false), "leave", "d05", "abrupt"),
            sample(new SimEvent.Reconnect(21, "d07"), "reconnect", "d07", ""),
            sample(new SimEvent.Switch(22, "d06"), "switch", "d06", ""));

    private static Sample sample(SimEvent event, String kind, String device, String detail) {
        return new Sample(event, new Row(event.time(), kind, device, detail));
    }

    @Test
    void theSamplesCoverEveryKindAndEveryRecord() {
        Set<String> kinds = new LinkedHashSet<>();
        SAMPLES.forEach(s -> kinds.add(s.event().kind()));
        assertEquals(SimEvent.KINDS, List.copyOf(kinds), "one sample (or more) of each kind, in the order of KINDS");
        Set<Class<?>> records = new LinkedHashSet<>();
        SAMPLES.forEach(s -> records.add(s.event().getClass()));
        assertEquals(Set.of(SimEvent.class.getPermittedSubclasses()), records);
    }

    @Test
    void aRecordBecomesItsRowAndComesBackEqual() {
        for (Sample s : SAMPLES) {
            assertEquals(s.row(), SimEventCodec.encode(s.event()), s.event().toString());
            assertEquals(s.event(), SimEventCodec.decode(SimEventCodec.encode(s.event())));
        }
    }

    @Test
    void aRowBecomesARecordAndComesBackByteIdentical() {
        for (Sample s : SAMPLES) {
            Row again = SimEventCodec.encode(SimEventCodec.decode(s.row()));
            assertEquals(s.row(), again);
            assertArrayEquals(s.row().detail().getBytes(StandardCharsets.UTF_8), again.detail().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aJoinRecordedBeforeAccountsJoinsTheDevicesOwnAccount() {
        SimEvent event = SimEventCodec.decode(5, "join", "bob", "alice");
        assertEquals(new SimEvent.Join(5, "bob", "alice", "bob", null), event);
        assertEquals("alice\tbob\t", SimEventCodec.detail(event), "it is written again in today's form");
    }

    @Test
    void aFileIsEqualByItsBytesAndKeepsItsOwnCopy() {
        byte[] content = {1, 2, 3};
        SimEvent.FileShared file = new SimEvent.FileShared(1, "a", "c", "n", "m", content);
        content[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, file.content());
        file.content()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, file.content());
        SimEvent.FileShared same = new SimEvent.FileShared(1, "a", "c", "n", "m", new byte[] {1, 2, 3});
        assertEquals(file, same);
        assertEquals(file.hashCode(), same.hashCode());
        assertNotEquals(file, new SimEvent.FileShared(1, "a", "c", "n", "m", new byte[] {1, 2, 4}));
        assertTrue(file.toString().contains("content=3 bytes"), file.toString());
    }

    @Test
    void aTimelineFileHoldsTheRowsAsJsonLines(@TempDir Path tmp) throws Exception {
        List<SimEvent> events = SAMPLES.stream().map(Sample::event).toList();
        Path file = Timeline.save(events, tmp.resolve("timeline.jsonl"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("{\"time_us\":12,\"kind\":\"message\",\"device\":\"alice\",\"detail\":\"general\\thi\\tthere\"}", lines.get(0));
        assertEquals("{\"time_us\":18,\"kind\":\"join\",\"device\":\"tablet\",\"detail\":\"d00-phone\\td00\\t\"}", lines.get(7));
        assertEquals(events, Timeline.load(file));
    }

    @Test
    void anUnknownKindIsNamedWithTheKnownOnes() {
        assertEquals("sim event kind must be one of [message, file, reply, read, invite, join, leave, reconnect, switch],"
                + " was 'dance'", error("dance", "d00", ""));
        assertTrue(error(null, "d00", "").endsWith(", was null"));
    }

    @Test
    void aDetailWithTheWrongNumberOfFieldsSaysWhatItShouldHold() {
        assertEquals("a message sim event's detail has 2 (the channel and the text) fields separated by tabs, was 1 field:"
                + " 'general'", error("message", "alice", "general"));
        assertEquals("a file sim event's detail has 4 (channel, name, type and base64 content) fields separated by tabs,"
                + " was 3 fields: 'photos\ta.jpg\tAQID'", error("file", "bob", "photos\ta.jpg\tAQID"));
        assertTrue(error("read", "d04", "random\t1\t2").contains("was 3 fields"));
        assertTrue(error("invite", "host", "a\tb").startsWith("an invite sim event's detail has 1 (the invite's id)"));
        assertTrue(error("join", "bob", "alice\tbob").startsWith("a join sim event's detail has 3 (the bootstrap peer,"));
        assertEquals("a reconnect sim event has no detail, was 'x'", error("reconnect", "d07", "x"));
        assertEquals("a switch sim event has no detail, was 'x'", error("switch", "d07", "x"));
    }

    @Test
    void aFieldItsKindDoesNotAllowIsNamedWithItsValue() {
        assertEquals("a leave sim event's detail must be 'graceful' or 'abrupt', was 'sometimes'",
                error("leave", "d05", "sometimes"));
        assertEquals("a read sim event's pages must be a whole number, was 'many'", error("read", "d04", "random\tmany"));
        assertEquals("a read sim event's pages must be at least 1 (a read covers at least 1 page), was 0",
                error("read", "d04", "random\t0"));
        assertTrue(error("file", "bob", "photos\ta\tb\t%%%").startsWith("a file sim event's content must be base64, was '%%%'"));
        assertEquals("an invite sim event's inviteId must be non-empty and without tabs, was ''", error("invite", "host", ""));
        assertEquals("a join sim event's account must be non-empty and without tabs, was ''",
                error("join", "bob", "alice\t\t"));
        assertEquals("a join sim event's via (the bootstrap peer) must be non-empty and without tabs, was ''",
                error("join", "bob", ""));
        assertEquals("a message sim event's device must be a device name, was null", error("message", null, "general\thi"));
    }

    @Test
    void aRecordChecksItsOwnFields() {
        assertEquals("a message sim event's channel must be text without tabs, was 'gen\teral'",
                assertThrows(IllegalArgumentException.class, () -> new SimEvent.Message(0, "a", "gen\teral", "hi")).getMessage());
        assertEquals("a file sim event's name must be text without tabs, was 'a\tb'", assertThrows(IllegalArgumentException.class,
                () -> new SimEvent.FileShared(0, "a", "c", "a\tb", "m", new byte[0])).getMessage());
        assertEquals("a join sim event's inviteId must be text without tabs, was 'x\ty'", assertThrows(
                IllegalArgumentException.class, () -> new SimEvent.Join(0, "a", "b", "c", "x\ty")).getMessage());
        assertEquals(null, new SimEvent.Join(0, "a", "b", "c", "").inviteId(), "an empty invite id is none");
        assertEquals("a reply sim event's text must be text (tabs allowed), was null",
                assertThrows(IllegalArgumentException.class, () -> new SimEvent.Reply(0, "a", "p", null)).getMessage());
    }

    /** A long detail is quoted in part, so that an error about a file's row stays readable. */
    @Test
    void aLongDetailIsQuotedInPart() {
        char[] base64 = new char[1000];
        Arrays.fill(base64, 'A');
        String message = error("file", "bob", "c\tn\t" + new String(base64));
        assertTrue(message.endsWith("…' (1004 characters)"), message);
        assertTrue(message.length() < 300, message);
    }

    private static String error(String kind, String device, String detail) {
        return assertThrows(IllegalArgumentException.class, () -> SimEventCodec.decode(7, kind, device, detail)).getMessage();
    }
}
