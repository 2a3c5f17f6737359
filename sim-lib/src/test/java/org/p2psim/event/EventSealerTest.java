package org.p2psim.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;

class EventSealerTest {
    private final Ed25519KeyPair alice = Ed25519KeyPair.generate(new SplittableRandom(1));
    private final Ed25519KeyPair mallory = Ed25519KeyPair.generate(new SplittableRandom(2));
    private final DeviceId aliceId = DeviceId.ofPublicKey(alice.publicKey());
    private final CommunityKey key = CommunityKey.generate(new SplittableRandom(3));
    private final KeyDirectory members = new KeyDirectory().add(alice.publicKey());
    private final EventSealer sealer = new EventSealer(key, members);
    private final EventContent hello = new EventContent(aliceId, 12_500_000, new Message("general", "hi", null));

    @Test
    void sealsAndOpensWithIdFromTheSealedBytes() throws Exception {
        Event event = sealer.seal(hello, alice, new SplittableRandom(4));
        assertEquals(hello, sealer.open(event.sealed()));
        assertEquals(32, event.id().hex().length());
        assertEquals(event.id(), EventId.of(event.sealed()));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherId() {
        Event a = sealer.seal(hello, alice, new SplittableRandom(4));
        Event b = sealer.seal(hello, alice, new SplittableRandom(4));
        Event c = sealer.seal(hello, alice, new SplittableRandom(5));
        assertArrayEquals(a.sealed(), b.sealed());
        assertNotEquals(a.id(), c.id());
    }

    @Test
    void repliesAndUnicodeRoundTrip() throws Exception {
        String parent = sealer.seal(hello, alice, new SplittableRandom(4)).id().hex();
        EventContent reply = new EventContent(aliceId, -5, new Message("général", "ça va? 🙂", parent));
        assertEquals(reply, sealer.open(sealer.seal(reply, alice, new SplittableRandom(6)).sealed()));
    }

    @Test
    void tamperedCiphertextIsUndecryptable() {
        byte[] sealed = sealer.seal(hello, alice, new SplittableRandom(4)).sealed();
        sealed[30] ^= 1;
        assertEquals(EventRejection.UNDECRYPTABLE, assertThrows(EventRejectedException.class, () -> sealer.open(sealed)).reason());
    }

    @Test
    void anotherCommunityCannotOpen() {
        byte[] sealed = sealer.seal(hello, alice, new SplittableRandom(4)).sealed();
        EventSealer stranger = new EventSealer(CommunityKey.generate(new SplittableRandom(9)), members);
        assertEquals(EventRejection.UNDECRYPTABLE, assertThrows(EventRejectedException.class, () -> stranger.open(sealed)).reason());
    }

    @Test
    void forgedAuthorSignatureIsRefused() {
        // Mallory holds the community key but signs as Alice: the AEAD opens, the author check fails.
        byte[] sealed = sealer.seal(hello, mallory, new SplittableRandom(4)).sealed();
        EventRejectedException e = assertThrows(EventRejectedException.class, () -> sealer.open(sealed));
        assertEquals(EventRejection.BAD_AUTHOR_SIGNATURE, e.reason());
    }

    @Test
    void unknownAuthorIsRefused() {
        EventContent byMallory = new EventContent(DeviceId.ofPublicKey(mallory.publicKey()), 0, new Message("general", "hi"));
        byte[] sealed = sealer.seal(byMallory, mallory, new SplittableRandom(4)).sealed();
        assertEquals(EventRejection.UNKNOWN_AUTHOR, assertThrows(EventRejectedException.class, () -> sealer.open(sealed)).reason());
    }

    @Test
    void garbagePlaintextUnderTheRightKeyIsMalformed() {
        byte[] sealed = key.seal(new byte[100], new SplittableRandom(4));
        assertEquals(EventRejection.MALFORMED, assertThrows(EventRejectedException.class, () -> sealer.open(sealed)).reason());
    }
}
