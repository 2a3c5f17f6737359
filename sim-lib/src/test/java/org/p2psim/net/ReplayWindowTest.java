package org.p2psim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The primitive replay window answers as the boxed set and deque it replaced, on a long random history. */
class ReplayWindowTest {
    private record Seen(long timestamp, long fingerprint) {}

    @Test
    void answersAsASetWithAnExpiryQueue() {
        Random random = new Random(15);
        ReplayWindow window = new ReplayWindow();
        Set<Long> set = new HashSet<>();
        ArrayDeque<Seen> queue = new ArrayDeque<>();
        long clock = 0;
        int replays = 0;
        for (int step = 0; step < 200_000; step++) {
            clock += random.nextInt(50);
            long forgetBefore = clock - 5_000;
            window.forgetBefore(forgetBefore);
            while (!queue.isEmpty() && queue.peekFirst().timestamp() < forgetBefore) {
                set.remove(queue.pollFirst().fingerprint());
            }
            // few distinct fingerprints (0 among them), colliding in the table, and timestamps out of order
            long fingerprint = random.nextInt(4) == 0 ? random.nextInt(3000) * 4096L : random.nextInt(4000);
            long timestamp = clock - random.nextInt(3_000);
            boolean expected = set.add(fingerprint);
            if (expected) {
                queue.addLast(new Seen(timestamp, fingerprint));
            } else {
                replays++;
            }
            assertEquals(expected, window.add(timestamp, fingerprint), "step " + step);
            assertEquals(set.size(), window.size(), "step " + step);
        }
        assertEquals(true, replays > 5_000, "the history must repeat fingerprints: " + replays);
    }
}
