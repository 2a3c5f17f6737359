package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.Event;
import org.p2psim.event.EventContent;
import org.p2psim.event.EventId;
import org.p2psim.event.EventRejectedException;
import org.p2psim.event.EventRejection;
import org.p2psim.event.EventSealer;
import org.p2psim.event.Message;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.WorkPool;

/** An event opened ahead on another core is opened as the receiving device would open it, or not used at all. */
class EventLookaheadTest {
    private final SplittableRandom random = new SplittableRandom(42);
    private final Ed25519KeyPair alice = Ed25519KeyPair.generate(random);
    private final Ed25519KeyPair carol = Ed25519KeyPair.generate(random);
    private final KeyDirectory members = new KeyDirectory().add(alice.publicKey());
    private final CommunityKey communityKey = CommunityKey.generate(random);
    private final EventSealer sealer = new EventSealer(communityKey, members, SignatureMode.REAL);
    private final WorkPool pool = WorkPool.of(2);
    private final EventLookahead ahead = EventLookahead.of(sealer, SignatureMode.REAL, pool);

    private static final Predicate<EventId> NOTHING_HELD = id -> false;

    @AfterEach
    void closePool() {
        pool.close();
    }

    private Event sealedBy(Ed25519KeyPair author, Ed25519KeyPair signer, String text) {
        EventContent content = new EventContent(DeviceId.ofPublicKey(author.publicKey()), 1_000, new Message("general", text, null));
        return sealer.seal(content, signer, random);
    }

    private Packet eventPacket(Event event) {
        return Packet.sign(PacketType.EVENT, SignatureMode.REAL, alice, DeviceId.ofPublicKey(alice.publicKey()), 5, event.sealed());
    }

    /** What the device does with a received event's bytes: the content, or the label of the refusal. */
    private static String outcome(EventSealer receiver, EventSealer.Opening opening) {
        try {
            return receiver.open(opening).toString();
        } catch (EventRejectedException e) {
            return e.reason().label();
        }
    }

    private static String inline(EventSealer receiver, byte[] sealed) {
        try {
            return receiver.open(sealed).toString();
        } catch (EventRejectedException e) {
            return e.reason().label();
        }
    }

    @Test
    void anEventSentIsOpenedAheadAndTakenOnceWithTheInlineAnswer() throws EventRejectedException {
        Event event = sealedBy(alice, alice, "hi");
        Packet packet = eventPacket(event);
        ahead.sent(packet, "bob", 0);
        assertEquals(1, ahead.pending());
        byte[] received = Packet.parse(packet.wire()).body();
        EventSealer.Opening opening = ahead.opening(packet.wire(), received, sealer, NOTHING_HELD);
        assertNotNull(opening.content(), "opened ahead");
        assertEquals(event.id(), opening.id());
        assertEquals(sealer.open(event.sealed()), sealer.open(opening));
        assertEquals(0, ahead.pending());
        EventSealer.Opening again = ahead.opening(packet.wire(), received, sealer, NOTHING_HELD);
        assertNull(again.content(), "taken once: the next delivery of the same array opens it itself");
        assertEquals(event.id(), again.id());
        assertEquals(inline(sealer, event.sealed()), outcome(sealer, again));
    }

    @Test
    void aDuplicateIsOnlyHashedAsInlineWhateverWasDoneAhead() {
        Event event = sealedBy(alice, alice, "hi");
        Packet first = eventPacket(event);
        Packet second = eventPacket(event);
        ahead.sent(first, "bob", 0);
        ahead.sent(second, "bob", 0);
        Predicate<EventId> held = id -> id.equals(event.id());
        assertNull(ahead.opening(first.wire(), event.sealed(), sealer, held), "a duplicate: nothing to open");
        assertNull(ahead.opening(second.wire(), event.sealed(), sealer, held));
        assertEquals(0, ahead.pending());
        assertNull(EventLookahead.OFF.opening(first.wire(), event.sealed(), sealer, held));
        assertNotNull(EventLookahead.OFF.opening(first.wire(), event.sealed(), sealer, NOTHING_HELD));
    }

    @Test
    void onceTheReceiverStoredAnEventTheOpeningsOfOtherCopiesToItAreCancelledAndItOnlyHashesThem() {
        Event event = sealedBy(alice, alice, "hi");
        Packet toBob = eventPacket(event);
        Packet toCarol = eventPacket(event);
        ahead.sent(toBob, "bob", 0);
        ahead.sent(toCarol, "carol", 0);
        ahead.stored("bob", event.id()); // bob got the event from somebody else meanwhile
        assertEquals(2, ahead.pending(), "still pending, cancelled for bob only");
        Predicate<EventId> held = id -> id.equals(event.id());
        assertNull(ahead.opening(toBob.wire(), event.sealed(), sealer, held), "a duplicate at bob");
        EventSealer.Opening atCarol = ahead.opening(toCarol.wire(), event.sealed(), sealer, NOTHING_HELD);
        assertNotNull(atCarol.content(), "carol's copy was opened ahead");
        Packet late = eventPacket(event);
        ahead.sent(late, "bob", 1);
        ahead.stored("bob", event.id());
        EventSealer.Opening cancelled = ahead.opening(late.wire(), event.sealed(), sealer, NOTHING_HELD);
        // cancelled before a worker started it, the device opens it itself; finished before, the result is taken: equal either way
        assertEquals(inline(sealer, event.sealed()), outcome(sealer, cancelled));
        assertEquals(0, ahead.pending());
    }

    @Test
    void aForgedAuthorSignatureIsRefusedAheadAsInline() {
        Event forged = sealedBy(alice, carol, "I am alice"); // claims alice, signed by carol
        Packet packet = eventPacket(forged);
        ahead.sent(packet, "bob", 0);
        EventSealer.Opening opening = ahead.opening(packet.wire(), forged.sealed(), sealer, NOTHING_HELD);
        assertNotNull(opening.refusal());
        assertEquals(EventRejection.BAD_AUTHOR_SIGNATURE, opening.refusal().reason());
        assertEquals(inline(sealer, forged.sealed()), outcome(sealer, opening));
    }

    @Test
    void anAuthorUnknownAheadButKnownOnDeliveryIsLookedUpAgain() {
        Event byCarol = sealedBy(carol, carol, "hello, I just joined");
        Packet packet = eventPacket(byCarol);
        ahead.sent(packet, "bob", 0);
        EventSealer.Opening opening = ahead.opening(packet.wire(), byCarol.sealed(), sealer, NOTHING_HELD); // waits for it
        assertEquals(EventRejection.UNKNOWN_AUTHOR, opening.refusal().reason());
        members.add(carol.publicKey()); // carol joined before the event was consumed
        assertEquals(inline(sealer, byCarol.sealed()), outcome(sealer, opening));
        assertTrue(outcome(sealer, opening).contains("hello, I just joined"));
    }

    @Test
    void bytesChangedSinceSendingOrAnotherSealerOpenInline() {
        Event event = sealedBy(alice, alice, "hi");
        Packet packet = eventPacket(event);
        ahead.sent(packet, "bob", 0);
        byte[] tampered = event.sealed().clone();
        tampered[tampered.length - 1] ^= 1;
        EventSealer.Opening opening = ahead.opening(packet.wire(), tampered, sealer, NOTHING_HELD);
        assertNull(opening.content());
        assertNull(opening.refusal(), "not opened ahead: the device opens it");
        assertEquals(EventRejection.UNDECRYPTABLE.label(), outcome(sealer, opening));

        EventSealer foreign = new EventSealer(CommunityKey.generate(random), members, SignatureMode.REAL);
        Packet second = eventPacket(event);
        ahead.sent(second, "bob", 0);
        EventSealer.Opening theirs = ahead.opening(second.wire(), event.sealed(), foreign, NOTHING_HELD);
        assertNull(theirs.content(), "opened ahead with another key: not for this device");
        assertEquals(inline(foreign, event.sealed()), outcome(foreign, theirs));
        assertEquals(EventRejection.UNDECRYPTABLE.label(), outcome(foreign, theirs));
    }

    @Test
    void onlyEventPacketsWithRealSignaturesOnWorkersGoAhead() {
        ahead.sent(Packet.sign(PacketType.FILTER, SignatureMode.REAL, alice, DeviceId.ofPublicKey(alice.publicKey()), 5,
                new byte[] {1, 2, 3}), "bob", 0);
        assertEquals(0, ahead.pending());
        assertTrue(ahead.isOn());
        assertSame(EventLookahead.OFF, EventLookahead.of(sealer, SignatureMode.FAST, pool));
        assertSame(EventLookahead.OFF, EventLookahead.of(sealer, SignatureMode.REAL, WorkPool.INLINE));
        assertFalse(EventLookahead.OFF.isOn());
        Event event = sealedBy(alice, alice, "hi");
        Packet packet = eventPacket(event);
        EventLookahead.OFF.sent(packet, "bob", 0);
        assertEquals(0, EventLookahead.OFF.pending());
        assertNull(EventLookahead.OFF.opening(packet.wire(), event.sealed(), sealer, NOTHING_HELD).content());
    }

    @Test
    void aSealerInFastModeOpensAnOpeningMadeAheadAsItOpensBytes() throws EventRejectedException {
        EventSealer fast = new EventSealer(communityKey, members, SignatureMode.FAST);
        Event event = sealedBy(alice, alice, "hi");
        EventSealer.Opening opened = fast.openAhead(event.sealed());
        assertEquals(fast.open(event.sealed()), fast.open(opened));
        assertEquals(fast.open(opened), fast.open(event.sealed()));
        assertThrows(EventRejectedException.class, () -> fast.open(fast.openAhead(sealedBy(alice, carol, "x").sealed())));
    }
}
