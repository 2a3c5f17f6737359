package org.p2psim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.p2psim.scenario.Profiles;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sim.SimTime;
import org.p2psim.workload.presence.ActivityPlan;
import org.p2psim.workload.presence.Intervals;
import org.p2psim.workload.presence.Presence;
import org.p2psim.workload.presence.PresencePlanner;

/**
 * The built-in profiles measured against their definitions: each statistic is compared with its
 * expected value within four standard errors (a false alarm about once in 16 000 runs, and the
 * seeds are fixed, so the tests are deterministic).
 */
class ProfileStatisticsTest {
    private static final long HOUR = SimTime.of(Duration.ofHours(1));
    private static final long MINUTE = SimTime.of(Duration.ofMinutes(1));

    private static RecordingContext run(Profile profile, long hours, long seed) {
        RecordingContext context = new RecordingContext(seed, List.of("p"), Map.of(), hours * HOUR).with("p", profile);
        Population population = new Population(LocalTime.of(9, 0));
        new ProfileActivity(population, List.of("general", "random")).install(context);
        return context;
    }

    @Test
    void aLurkerPostsFivePercentOfTheTimeAndReadsTheRest() {
        RecordingContext r = run(Profiles.get("lurker"), 1000, 1);
        int actions = r.posts.size() + r.reads.size();
        double share = r.posts.size() / (double) actions;
        // 10 actions an hour for 1000 h; binomial share 0.05, standard error sqrt(0.05 · 0.95 / n)
        double se = Math.sqrt(0.05 * 0.95 / actions);
        assertEquals(10_000, actions, 4 * Math.sqrt(10_000), "actions of a lurker in 1000 h");
        assertEquals(0.05, share, 4 * se, "share of posts among " + actions + " actions");
        double meanPages = r.reads.stream().mapToInt(x -> (int) x[3]).average().orElseThrow();
        // geometric pages of mean 8: variance (1 − p) / p² = 56
        assertEquals(8, meanPages, 4 * Math.sqrt(56.0 / r.reads.size()), "pages per scroll-back session");
    }

    @Test
    void iosBackgroundRefreshesComeEvery15To30MinutesAndLast30Seconds() {
        Presence.Mobile ios = (Presence.Mobile) Profiles.get("mobile-ios").presence();
        Presence.Mobile backgroundOnly = new Presence.Mobile(0, ios.sessionMin(), ios.sessionMax(), ios.refreshMin(),
                ios.refreshMax(), ios.window());
        ActivityPlan plan = new PresencePlanner(LocalTime.of(9, 0)).plan(backgroundOnly, 0, 200 * HOUR, random(3));
        Intervals online = plan.online();
        assertTrue(plan.active().isEmpty(), "no foreground sessions without app opens");
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < online.size(); i++) {
            if (online.end(i) < 200 * HOUR) {
                assertEquals(SimTime.of(Duration.ofSeconds(30)), online.end(i) - online.start(i), "window " + i);
            }
            if (i > 0) {
                gaps.add(online.start(i) - online.start(i - 1));
            }
        }
        assertTrue(gaps.stream().allMatch(g -> g >= 15 * MINUTE && g <= 30 * MINUTE), "every gap within [15 min, 30 min]");
        double meanMinutes = gaps.stream().mapToLong(Long::longValue).average().orElseThrow() / MINUTE;
        // uniform on [15, 30]: mean 22.5, sd 15 / sqrt(12)
        assertEquals(22.5, meanMinutes, 4 * (15 / Math.sqrt(12)) / Math.sqrt(gaps.size()), "mean spacing over " + gaps.size());
    }

    @Test
    void iosForegroundSessionsLastOneToFiveMinutesAndOnlyThenThePersonPosts() {
        Profile ios = Profiles.get("mobile-ios");
        ActivityPlan plan = new PresencePlanner(LocalTime.of(9, 0)).plan(ios.presence(), 0, 100 * HOUR, random(4));
        Intervals active = plan.active();
        // 4 opens an hour of 1–5 min (mean 3): merged sessions are at least 1 min long, and the share of
        // time in the foreground is about 1 − e^(−4 · 3/60) ≈ 0.18 (sessions overlap a little)
        for (int i = 0; i < active.size(); i++) {
            assertTrue(active.end(i) - active.start(i) >= MINUTE, "session " + i);
        }
        double foreground = active.total() / (100.0 * HOUR);
        assertEquals(1 - Math.exp(-4 * 3 / 60.0), foreground, 0.03, "share of time in the foreground");
        RecordingContext r = run(ios, 100, 4);
        assertTrue(r.posts.size() > 100, "posts: " + r.posts.size());
        // the same stream "workload/presence/p" plans the same sessions inside the generator
        ActivityPlan planned = new Population(LocalTime.of(9, 0)).plans(r).get("p");
        for (Object[] post : r.posts) {
            assertTrue(planned.active().contains((long) post[0]), "a post at " + post[0] + " outside the foreground");
        }
        assertEquals(8 * active.total() / (double) HOUR, r.posts.size(), 4 * Math.sqrt(8 * active.total() / (double) HOUR),
                "8 posts per foreground hour");
    }

    @Test
    void devicesGoOfflineOutsideTheirPresenceAndComeBack() {
        RecordingContext r = run(Profiles.get("desktop"), 72, 5);
        // a desktop in working hours (09:00–17:30 ± 30 min), the run starting at 09:00: three days
        // (arriving after 09:00 on the first day, it is offline at the start until it arrives)
        assertTrue(r.presence.stream().noneMatch(p -> p[2].equals("switch")), "a desktop keeps its address");
        boolean lateOnDayOne = (long) r.presence.get(0)[0] == 0;
        long leaves = r.presence.stream().filter(p -> p[2].equals("leave")).count();
        long reconnects = r.presence.stream().filter(p -> p[2].equals("reconnect")).count();
        assertEquals(lateOnDayOne ? 4 : 3, leaves, "one departure a day");
        assertEquals(lateOnDayOne ? 3 : 2, reconnects, "an arrival on each later day");
        for (Object[] p : r.presence.subList(lateOnDayOne ? 1 : 0, r.presence.size())) {
            double hourOfDay = ((9 * HOUR + (long) p[0]) % (24 * HOUR)) / (double) HOUR;
            double expected = p[2].equals("leave") ? 17.5 : 9;
            assertEquals(expected, hourOfDay, 0.5 + 1e-9, p[2] + " at " + hourOfDay);
        }
    }

    @Test
    void phonesSwitchNetworksTwiceAnHour() {
        RecordingContext r = run(Profiles.get("mobile-ios"), 200, 8);
        long switches = r.presence.stream().filter(p -> p[2].equals("switch")).count();
        assertEquals(400, switches, 4 * Math.sqrt(400), "Poisson switches over 200 h");
    }

    @Test
    void answerDelaysAreALogNormalReactionPlusTypingTime() {
        Profile.Replies replies = new Profile.Replies(1, Duration.ofSeconds(20), 1.0, 4);
        RandomGenerator random = random(6);
        int n = 20_000;
        double[] reactionLogs = new double[n];
        for (int i = 0; i < n; i++) {
            long delay = ReplyChains.answerDelay(random, replies, 40);
            double reactionSeconds = delay / 1e6 - 40 / 4.0;
            reactionLogs[i] = Math.log(reactionSeconds);
        }
        double mean = Arrays.stream(reactionLogs).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(reactionLogs).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        // log of the reaction ~ normal(ln 20 s, 1): mean within 4 / sqrt(n), sd within 4 · sqrt(1 / (2n))
        assertEquals(Math.log(20), mean, 4 / Math.sqrt(n), "log median reaction");
        assertEquals(1.0, sd, 4 * Math.sqrt(1.0 / (2 * n)), "log spread");
    }

    @Test
    void theSameSeedPlansTheSameDayAndAnotherSeedAnother() {
        Profile ios = Profiles.get("mobile-ios");
        List<String> a = describe(run(ios, 5, 11));
        List<String> b = describe(run(ios, 5, 11));
        List<String> c = describe(run(ios, 5, 12));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static List<String> describe(RecordingContext r) {
        List<String> all = new ArrayList<>();
        r.presence.forEach(p -> all.add(p[0] + " " + p[2]));
        r.posts.forEach(p -> all.add(p[0] + " post " + p[3]));
        r.reads.forEach(p -> all.add(p[0] + " read " + p[3]));
        r.uploads.forEach(p -> all.add(p[0] + " upload " + p[3]));
        return all;
    }

    private static RandomGenerator random(long seed) {
        return new RandomStreams(seed).stream("test");
    }
}
