package org.p2psim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sim.SimTime;

/** Poisson arrivals per device from their own streams, lorem text of the asked length, history only for devices there at the start. */
class PoissonMessagesTest {

    private static RecordingContext install(long seed, MessagesSpec spec, Map<String, Long> joins) {
        RecordingContext r = new RecordingContext(seed, List.of("a", "b", "c", "late"), joins, SimTime.of(Duration.ofHours(10)));
        new PoissonMessages(spec, List.of("general", "random")).install(r);
        return r;
    }

    @Test
    void arrivalsFollowTheRatePerDevice() {
        MessagesSpec spec = new MessagesSpec(2, Duration.ZERO, null, 40, List.of());
        RecordingContext r = install(1, spec, Map.of());
        // 4 devices × 2/min × 600 min = 4800 expected; Poisson sd ≈ 69
        assertTrue(Math.abs(r.posts.size() - 4800) < 4 * 69, "arrivals: " + r.posts.size());
        for (Object[] p : r.posts) {
            assertEquals(40, ((String) p[3]).length());
            assertTrue(List.of("general", "random").contains(p[2]));
            assertTrue((long) p[0] > 0 && (long) p[0] < r.end);
        }
        double meanGapSeconds = 600.0 * 60 / (r.posts.size() / 4.0);
        assertEquals(30, meanGapSeconds, 2);
    }

    @Test
    void theSameSeedPlansTheSameMessagesAndAnotherSeedOthers() {
        MessagesSpec spec = new MessagesSpec(1, Duration.ZERO, Duration.ofMinutes(30), 20, List.of());
        List<String> first = install(7, spec, Map.of()).posts.stream().map(p -> p[0] + " " + p[1] + " " + p[3]).toList();
        List<String> again = install(7, spec, Map.of()).posts.stream().map(p -> p[0] + " " + p[1] + " " + p[3]).toList();
        List<String> other = install(8, spec, Map.of()).posts.stream().map(p -> p[0] + " " + p[1] + " " + p[3]).toList();
        assertEquals(first, again);
        assertTrue(!first.equals(other));
    }

    @Test
    void arrivalsRespectStartUntilJoinsAndTheDeviceList() {
        long join = SimTime.of(Duration.ofMinutes(20));
        MessagesSpec spec = new MessagesSpec(3, Duration.ofMinutes(5), Duration.ofMinutes(40), 10, List.of("a", "late"));
        RecordingContext r = install(3, spec, Map.of("late", join));
        assertTrue(r.posts.stream().allMatch(p -> p[1].equals("a") || p[1].equals("late")));
        assertTrue(r.posts.stream().allMatch(p -> (long) p[0] >= SimTime.of(Duration.ofMinutes(5)) && (long) p[0] < SimTime.of(Duration.ofMinutes(40))));
        assertTrue(r.posts.stream().filter(p -> p[1].equals("late")).allMatch(p -> (long) p[0] > join));
        assertTrue(r.posts.stream().anyMatch(p -> p[1].equals("late")));
    }

    @Test
    void historyGoesToDevicesPresentAtTheStart() {
        RecordingContext r = new RecordingContext(1, List.of("a", "b", "late"), Map.of("late", 5L), 100);
        new HistoryGenerator(HistorySpec.each(3), List.of("general")).install(r);
        assertEquals(2, r.history.size());
        RecordingContext byDevice = new RecordingContext(1, List.of("a", "b"), Map.of(), 100);
        new HistoryGenerator(new HistorySpec(0, Map.of("b", 9), "dev"), List.of("general", "dev")).install(byDevice);
        assertEquals(1, byDevice.history.size());
        assertEquals(List.of("b", 9, "dev"), List.of(byDevice.history.get(0)));
    }

    @Test
    void loremHasTheExactLength() {
        RandomGenerator random = new RandomStreams(1).stream("x");
        for (int n : new int[] {1, 2, 5, 80, 500}) {
            String text = Lorem.text(random, n);
            assertEquals(n, text.length());
            assertTrue(Character.isUpperCase(text.charAt(0)) || !Character.isLetter(text.charAt(0)));
            assertTrue(text.indexOf('\t') < 0);
        }
    }
}
