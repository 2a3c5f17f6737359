package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void badLinksAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Invite.parse("https://example.org")).getMessage()
                .contains("p2psim:join?peer=ADDRESS#KEY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Invite.parse("p2psim:join?peer=a#***")).getMessage()
                .contains("not base64url"));
        assertThrows(IllegalArgumentException.class, () -> Invite.parse("p2psim:join?peer=a#AAAA"), "a 3-byte key");
    }
}
