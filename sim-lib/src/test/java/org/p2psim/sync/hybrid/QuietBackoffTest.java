package org.p2psim.sync.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuietBackoffTest {

    private static String rounds(QuietBackoff backoff, String changes) {
        StringBuilder went = new StringBuilder();
        for (char c : changes.toCharArray()) {
            went.append(backoff.due("peer", c == 'c') ? 'x' : '.');
        }
        return went.toString();
    }

    @Test
    void quietRoundsThinOutToEveryTwoToTheMaxLevelAndAChangeBringsEveryRoundBack() {
        QuietBackoff backoff = new QuietBackoff(3);
        // quiet: gaps of 2, 4, then 8 rounds (2³) at most; a change goes at once and starts over
        assertEquals("x.x...x.......x.......x." + "x" + "x.x.", rounds(backoff, "-".repeat(24) + "c" + "-".repeat(4)));
    }

    @Test
    void levelZeroLetsEveryRoundGoAndEachPeerHasItsOwnRounds() {
        QuietBackoff none = new QuietBackoff(0);
        assertEquals("xxxxxx", rounds(none, "------"));
        QuietBackoff two = new QuietBackoff(2);
        rounds(two, "------");
        assertEquals(true, two.due("other", false), "another peer's rounds are its own");
    }
}
