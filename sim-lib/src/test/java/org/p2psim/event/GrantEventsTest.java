package org.p2psim.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;

/** The grant payload in the event format: round trips of every action, validation, malformed input. */
class GrantEventsTest {
    private final Ed25519KeyPair alice = Ed25519KeyPair.generate(new SplittableRandom(1));
    private final DeviceId aliceId = DeviceId.ofPublicKey(alice.publicKey());
    private final CommunityKey community = CommunityKey.generate(new SplittableRandom(3));
    private final EventSealer sealer = new EventSealer(community, new KeyDirectory().add(alice.publicKey()));
    private final String inviteId = "00112233445566778899aabbccddeeff";
    private final String phoneId = "ffeeddccbbaa99887766554433221100";

    @Test
    void everyActionRoundTripsThroughSealAndOpen() throws Exception {
        Grant[] grants = {
            Grant.invite(inviteId, "alice"),
            Grant.join(aliceId.hex(), "alice", inviteId),
            Grant.join(phoneId, "älice 🙂", null),
            Grant.authorizeDevice(phoneId, "alice")};
        int seed = 10;
        for (Grant grant : grants) {
            EventContent content = new EventContent(aliceId, -42, grant);
            EventContent back = sealer.open(sealer.seal(content, alice, new SplittableRandom(seed++)).sealed());
            assertEquals(content, back);
            assertNull(back.payload().channelId(), "a grant is community-wide");
        }
    }

    @Test
    void theWireFormatIsCompact() {
        byte[] plaintext = EventCodec.encode(new EventContent(aliceId, 7, Grant.join(phoneId, "alice", inviteId)), alice);
        // version, tag, author, ts | action, subject, account (4 + 5), has-invite, invite | signature
        assertEquals(2 + 16 + 8 + 1 + 16 + 9 + 1 + 16 + 64, plaintext.length);
        assertEquals(EventCodec.TAG_GRANT, plaintext[1]);
    }

    @Test
    void actionsHaveTheirAuthGraphNames() {
        assertEquals("invite", Grant.Action.INVITE.label());
        assertEquals("join", Grant.Action.JOIN.label());
        assertEquals("authorize-device", Grant.Action.AUTHORIZE_DEVICE.label());
        assertEquals(Grant.Action.AUTHORIZE_DEVICE, Grant.Action.of("authorize-device"));
        String message = assertThrows(IllegalArgumentException.class, () -> Grant.Action.of("kick")).getMessage();
        assertEquals("grant action must be one of [invite, join, authorize-device], was 'kick'", message);
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        String subject = assertThrows(IllegalArgumentException.class, () -> Grant.invite("the-key", "alice")).getMessage();
        assertEquals("grant subject must be 32 lowercase hex characters (an invite id or a device id), got 'the-key'", subject);
        String account = assertThrows(IllegalArgumentException.class, () -> Grant.join(phoneId, " ", null)).getMessage();
        assertEquals("a grant needs a non-blank account, got ' '", account);
        String invite = assertThrows(IllegalArgumentException.class,
                () -> new Grant(Grant.Action.AUTHORIZE_DEVICE, phoneId, "alice", inviteId)).getMessage();
        assertTrue(invite.startsWith("only a join grant names the invite it used"), invite);
        assertThrows(IllegalArgumentException.class, () -> Grant.join(phoneId, "a".repeat(Grant.MAX_ACCOUNT_BYTES + 1), null));
    }

    @Test
    void anUnknownActionCodeIsMalformed() {
        byte[] plaintext = EventCodec.encode(new EventContent(aliceId, 7, Grant.invite(inviteId, "alice")), alice);
        plaintext[2 + 16 + 8] = 9; // the action byte
        EventRejectedException e = assertThrows(EventRejectedException.class, () -> EventCodec.parse(plaintext));
        assertEquals(EventRejection.MALFORMED, e.reason());
    }
}
