package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.CommunityKey;

class InviteTest {
    @Test
    void linkRoundTrips() {
        Invite invite = new Invite(CommunityKey.generate(new SplittableRandom(1)), "alice");
        String link = invite.toLink();
        assertTrue(link.startsWith("p2psim:join?peer=alice#"), link);
        assertEquals(invite, Invite.parse(link));
    }

    @Test
    void aTokenMakesEachInviteDistinctAndItsIdHidesTheKey() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(1));
        Invite first = new Invite(key, "alice", "00112233445566778899aabbccddeeff");
        Invite second = new Invite(key, "alice", "ffeeddccbbaa99887766554433221100");
        assertTrue(first.toLink().startsWith("p2psim:join?peer=alice&invite=00112233445566778899aabbccddeeff#"), first.toLink());
        assertEquals(first, Invite.parse(first.toLink()));
        assertEquals(32, first.id().length());
        assertNotEquals(first.id(), second.id());
        assertEquals(first.id(), Invite.parse(first.toLink()).id());
        String keyText = first.toLink().substring(first.toLink().indexOf('#') + 1);
        assertFalse(first.id().contains(keyText.substring(0, 8)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Invite(key, "alice", "XYZ")).getMessage()
                .contains("32 lowercase hex characters, was 'XYZ'"));
    }

    @Test
    void badLinksAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Invite.parse("https://example.org")).getMessage()
                .contains("p2psim:join?peer=ADDRESS#KEY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Invite.parse("p2psim:join?peer=a#***")).getMessage()
                .contains("not base64url"));
        assertThrows(IllegalArgumentException.class, () -> Invite.parse("p2psim:join?peer=a#AAAA"), "a 3-byte key");
    }
}
