package org.p2psim.sync.hybrid;

import java.util.HashMap;
import java.util.Map;

/**
 * Which rounds with a peer may be let pass while nothing changes between the two devices. A round
 * repeats what the last one said when neither side gained an event since, and repetition then only
 * repairs a lost packet; so while a pair stays quiet its rounds thin out, every 2nd, 4th, … up to
 * every {@code 2^maxLevel}-th round goes, and the first change brings every round back. Since the
 * gap is bounded, a change that went unseen (its packet lost) is still heard within
 * {@code 2^maxLevel} rounds.
 */
final class QuietBackoff {
    private final int maxLevel;
    private final Map<String, int[]> state = new HashMap<>(); // peer → {level, rounds let pass at this level}

    QuietBackoff(int maxLevel) {
        this.maxLevel = maxLevel;
    }

    /** Whether this round with {@code peer} goes; {@code changed}: something changed since the last round that went. */
    boolean due(String peer, boolean changed) {
        int[] s = state.computeIfAbsent(peer, p -> new int[2]);
        if (changed) {
            s[0] = 0;
            s[1] = 0;
            return true;
        }
        if (++s[1] < 1 << s[0]) {
            return false;
        }
        s[1] = 0;
        s[0] = Math.min(maxLevel, s[0] + 1);
        return true;
    }
}
