package org.p2psim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Issue 12, Build 7: property-based fuzzing with jqwik. Every hostile packet, sealed event and
 * scenario text gets one of its documented outcomes and never an exception; 10⁵ cases in all here
 * (seconds), 10⁶ in {@code p2psim bench --only fuzz}.
 */
class FuzzProperties {
    private static final Set<String> PACKET = Set.of("packet/delivered", "packet/malformed", "packet/unknown-device",
            "packet/signature", "packet/replay", "packet/skew");
    private static final Set<String> EVENT = Set.of("event/opened", "event/undecryptable", "event/malformed",
            "event/unknown-author", "event/bad-author-signature");

    private final Fuzz fuzz = new Fuzz();

    @Property(tries = 40_000)
    void packetCasesGetADocumentedOutcome(@ForAll long seed) {
        String outcome = fuzz.packetCase(seed);
        assertTrue(PACKET.contains(outcome), outcome);
    }

    @Property(tries = 20_000)
    void arbitraryBytesAreNeverAPacketThatCrashes(@ForAll @Size(max = 400) byte[] wire, @ForAll long clock) {
        String outcome = fuzz.packet(wire, clock);
        assertTrue(PACKET.contains(outcome) && !outcome.equals("packet/delivered"), outcome);
    }

    @Property(tries = 20_000)
    void sealedEventCasesGetADocumentedRejection(@ForAll long seed) {
        String outcome = fuzz.eventCase(seed);
        assertTrue(EVENT.contains(outcome) && !outcome.equals("event/opened"), outcome);
    }

    @Property(tries = 10_000)
    void arbitraryBytesAreNeverAnEventThatCrashes(@ForAll @Size(max = 300) byte[] sealed) {
        String outcome = fuzz.event(sealed);
        assertTrue(EVENT.contains(outcome), outcome);
    }

    /** The mutations start from a valid scenario (it had {@code offline:}, which no schedule knows: everything was refused). */
    @Example
    void theBaseScenarioLoads() {
        assertEquals("scenario/loaded", Fuzz.scenario(Fuzz.SCENARIO));
    }

    /** A mutation changes 1 to 3 bytes, each once: two flips at one position could cancel out. */
    @Property(tries = 5_000)
    void aMutationChangesOneToThreeDistinctBytes(@ForAll long seed, @ForAll @Size(min = 1, max = 300) byte[] original) {
        byte[] mutated = Fuzz.mutate(new java.util.SplittableRandom(seed), original.clone());
        int changed = 0;
        for (int i = 0; i < original.length; i++) {
            changed += original[i] != mutated[i] ? 1 : 0;
        }
        assertTrue(changed >= 1 && changed <= Math.min(3, original.length), changed + " bytes changed");
    }

    @Property(tries = 5_000)
    void mutatedScenariosAreLoadedOrRefusedWithAMessage(@ForAll long seed) {
        String outcome = Fuzz.scenarioCase(seed);
        assertFalse(outcome.startsWith("crash/"), outcome);
    }

    @Property(tries = 5_000)
    void arbitraryTextIsLoadedOrRefusedWithAMessage(@ForAll @Size(max = 200) String yaml) {
        String outcome = Fuzz.scenario(yaml);
        assertFalse(outcome.startsWith("crash/"), outcome);
    }
}
