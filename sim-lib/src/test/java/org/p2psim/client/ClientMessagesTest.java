package org.p2psim.client;

import org.p2psim.device.FilePolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.crypto.SignatureMode;
import tech.tablesaw.api.Table;

/** Every message call of the client, on the real SQLite stores of simulated devices. */
class ClientMessagesTest {
    private Simulation sim;
    private Client alice;
    private Client bob;

    @BeforeEach
    void start() {
        sim = Simulation.builder().seed(5).devices("alice", "bob").signatures(SignatureMode.FAST).build();
        alice = sim.client("alice");
        bob = sim.client("bob");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void sentMessagesComeBackInAuthoredOrderWithTheirFields() {
        String first = alice.sendMessage("general", "first");
        sim.runFor(Duration.ofSeconds(1));
        String second = alice.sendMessage("general", "second");
        alice.sendMessage("random", "elsewhere");
        MessagePage page = alice.getMessages("general", 10);
        assertEquals(List.of("first", "second"), page.texts());
        assertEquals(List.of(first, second), page.ids());
        ChatMessage m = page.get(1);
        assertEquals("general", m.channel());
        assertEquals(sim.device("alice").id().hex(), m.author());
        assertEquals("alice", m.authorName());
        assertEquals(1.0, m.authoredSeconds(), 1e-9);
        assertEquals(1.0, m.receivedSeconds(), 1e-9);
        assertFalse(m.isReply());
        assertFalse(m.isFile());
        Table t = page.table();
        assertEquals(List.of("id", "channel", "author", "authored_s", "received_s", "text", "reply_to", "file_id"), t.columnNames());
        assertEquals("alice", t.stringColumn("author").get(0));
        assertEquals(1, alice.getMessages("general", 1).size(), "limit");
        assertEquals("second", alice.getMessages("general", 1).get(0).text(), "the newest");
        assertTrue(alice.getMessages("nowhere", 5).isEmpty());
    }

    @Test
    void repliesGoToTheChannelOfTheMessageAndReachPeers() {
        String question = alice.sendMessage("help", "how do I sync?");
        sim.runUntilConverged(Duration.ofMinutes(5));
        String answer = bob.reply(question, "wait ten seconds");
        sim.runUntilConverged(Duration.ofMinutes(5));
        ChatMessage reply = alice.findMessage(answer).orElseThrow();
        assertEquals("help", reply.channel());
        assertEquals(question, reply.replyTo());
        assertEquals("bob", reply.authorName());
        assertTrue(reply.isReply());
        assertTrue(reply.receivedTs() >= reply.authoredTs());
        var e = assertThrows(IllegalArgumentException.class, () -> alice.reply("0".repeat(32), "?"));
        assertEquals("cannot reply to " + "0".repeat(32) + ": alice holds no message with that id", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> alice.reply("not-an-id", "?"));
    }

    @Test
    void cursorPagesNeitherSkipNorRepeatUnderEqualTimestamps() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 137; i++) {
            sent.add(alice.sendMessage("general", "same instant " + i)); // one simulated instant: equal authored_ts
        }
        sim.runFor(Duration.ofSeconds(1));
        for (int i = 0; i < 13; i++) {
            sent.add(alice.sendMessage("general", "later " + i));
        }
        alice.sendMessage("other", "not in general");

        // backwards from the newest page, 20 at a time
        List<ChatMessage> backwards = new ArrayList<>();
        MessagePage page = alice.getMessages("general", 20);
        while (!page.isEmpty()) {
            backwards.addAll(0, page);
            page = alice.getMessages("general", 20, page.olderCursor());
        }
        assertEquals(150, backwards.size());
        assertEquals(new HashSet<>(sent), idSet(backwards), "every message exactly once");
        assertEquals(150, idSet(backwards).size());
        Comparator<ChatMessage> order = Comparator.comparingLong(ChatMessage::authoredTs).thenComparing(ChatMessage::id);
        assertEquals(backwards.stream().sorted(order).toList(), backwards, "authored order, ties by id");

        // forwards from the oldest, 7 at a time
        List<ChatMessage> forwards = new ArrayList<>(alice.getMessages("general", 7, Cursor.after(Long.MIN_VALUE, "0".repeat(32))));
        while (true) {
            MessagePage next = alice.getMessages("general", 7, Cursor.after(forwards.get(forwards.size() - 1)));
            if (next.isEmpty()) {
                break;
            }
            forwards.addAll(next);
        }
        assertEquals(backwards, forwards);

        // a cursor made from an id alone
        ChatMessage middle = backwards.get(70);
        MessagePage before = alice.getMessages("general", 5, Cursor.before(middle.id()));
        assertEquals(backwards.subList(65, 70), before);
        MessagePage after = alice.getMessages("general", 5, Cursor.after(middle.id()));
        assertEquals(backwards.subList(71, 76), after);
        assertEquals(Cursor.before(before.get(0)), before.olderCursor());
        assertEquals(Cursor.after(before.get(4)), before.newerCursor());
        assertNull(alice.getMessages("nowhere", 5).olderCursor());
        var e = assertThrows(IllegalArgumentException.class, () -> alice.getMessages("general", 5, Cursor.before("f".repeat(32))));
        assertTrue(e.getMessage().contains("alice holds no message with that id"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> alice.getMessages("general", 0));
        assertThrows(IllegalArgumentException.class, () -> alice.getMessages("general", Client.MAX_LIMIT + 1));
    }

    private static Set<String> idSet(List<ChatMessage> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.id()));
        return ids;
    }

    @Test
    void searchFindsWordsRespectsChannelsAndListsNewestFirst() {
        alice.sendMessage("general", "The Bloom filter fits one packet");
        sim.runFor(Duration.ofSeconds(1));
        alice.sendMessage("random", "a bloom of flowers");
        sim.runFor(Duration.ofSeconds(1));
        alice.sendMessage("general", "Filters are sent every ten seconds");
        alice.sendMessage("general", "nothing to see here");
        assertEquals(List.of("a bloom of flowers", "The Bloom filter fits one packet"),
                alice.searchMessages("bloom", 10).texts(), "any channel, case-insensitive, newest first");
        assertEquals(List.of("The Bloom filter fits one packet"), alice.searchMessages("bloom", 10, "general").texts());
        assertEquals(List.of("a bloom of flowers"), alice.searchMessages("BLOOM", 10, "random").texts());
        assertEquals(List.of("The Bloom filter fits one packet"), alice.searchMessages("packet bloom", 10).texts(),
                "every word, any order");
        assertEquals(List.of("Filters are sent every ten seconds", "The Bloom filter fits one packet"),
                alice.searchMessages("filter*", 10).texts(), "prefix");
        assertEquals(1, alice.searchMessages("bloom", 1).size(), "limit");
        assertTrue(alice.searchMessages("absent", 10).isEmpty());
        assertTrue(alice.searchMessages("bloom", 10, "nowhere").isEmpty());
        assertTrue(alice.searchMessages("\"AND\" (OR) NEAR: -bloom^", 10).isEmpty(), "operators are plain text, never a syntax error");
        assertEquals(1, alice.searchMessages("one-packet", 10).size(), "punctuation splits words as the index does");
        assertThrows(IllegalArgumentException.class, () -> alice.searchMessages("   ", 10));
        assertTrue(bob.searchMessages("bloom", 10).isEmpty(), "bob has received nothing yet");
        sim.runUntilConverged(Duration.ofMinutes(5));
        assertEquals(2, bob.searchMessages("bloom", 10).size(), "bob's own store, after sync");
    }

    @Test
    void ftsQueryQuotesEveryWord() {
        assertEquals("\"a\" \"b\"*", Client.ftsQuery(" a  b* "));
        assertEquals("\"x\"", Client.ftsQuery("\"x\""));
    }

    @Test
    void syncStatusCountsWhatTheDeviceHolds() {
        alice.sendMessage("general", "one");
        alice.sendMessage("general", "two");
        alice.sendMessage("random", "three");
        SyncStatus s = alice.syncStatus();
        assertEquals("alice", s.device());
        assertTrue(s.online());
        assertEquals(3, s.eventsHeld());
        assertEquals(3, s.messages());
        assertEquals(java.util.Map.of("general", 2L, "random", 1L), s.messagesPerChannel());
        assertEquals(List.of("bob"), s.peers());
        assertEquals(0, s.files());
        assertEquals(FilePolicy.FETCH_ALL, s.filePolicy());
        assertEquals(0, bob.syncStatus().eventsHeld());
        sim.leave("bob", true);
        assertFalse(bob.syncStatus().online());
    }
}
