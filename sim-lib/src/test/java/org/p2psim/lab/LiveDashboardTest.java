package org.p2psim.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.experiment.Dashboard;
import org.p2psim.sim.SimTime;

class LiveDashboardTest {
    private static final Duration SPAN = Duration.ofMinutes(5);

    private static Simulation community(long seed) {
        Simulation sim = Simulation.builder().seed(seed).devices("alice", "bob", "carol", "dave").loss(0.1).build();
        sim.history("alice", 20, "general");
        sim.history("carol", 10, "general");
        sim.at(Duration.ofMinutes(2), s -> s.post("bob", "general", "hello"));
        sim.at(Duration.ofMinutes(3), s -> s.leave("dave", false));
        sim.at(Duration.ofMinutes(4), s -> s.reconnect("dave"));
        return sim;
    }

    private static String plainTrace(long seed) {
        try (Simulation sim = community(seed)) {
            sim.runFor(SPAN);
            return sim.traceSha256();
        }
    }

    @Test
    void aWatchedPacedRunHasTheTraceOfAPlainRunAndAnotherSeedAnother() {
        List<LiveFrame> frames = new ArrayList<>();
        String live;
        try (Simulation sim = community(1)) {
            // 300 simulated seconds at 750× take at least 0.4 s of wall time: 20 frames a second fall inside the run
            LiveRun run = Dashboard.live(sim).speed(750).framesPerSecond(20).onFrame(frames::add).runFor(SPAN);
            assertEquals(LiveFrame.State.DONE, run.frame().state());
            assertEquals(SimTime.of(SPAN), sim.scheduler().now());
            live = sim.traceSha256();
        }
        assertEquals(plainTrace(1), live, "pacing and drawing frames must not change the run");
        assertNotEquals(plainTrace(2), live);
        assertTrue(frames.stream().anyMatch(f -> f.simNow() > f.simStart() && f.simNow() < f.simEnd()),
                "some frame was drawn in the middle of the run");
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).simNow() >= frames.get(i - 1).simNow(), "frames go forward in simulated time");
        }
    }

    @Test
    void pacingHoldsSimulatedTimeBackToTheSpeed() {
        try (Simulation sim = community(1)) {
            List<LiveFrame> frames = new ArrayList<>();
            LiveDashboard.of(sim).speed(600).framesPerSecond(50).picture(false).onFrame(frames::add).runFor(Duration.ofSeconds(120));
            // 120 s at 600× need at least 0.2 s of wall time; every frame is at or behind the pace (1 % slack for rounding)
            LiveFrame last = frames.get(frames.size() - 1);
            assertTrue(last.wallSeconds() >= 0.2 * 0.99, "took " + last.wallSeconds() + " s");
            for (LiveFrame f : frames) {
                assertTrue(SimTime.toSeconds(f.simNow() - f.simStart()) <= 600 * f.wallSeconds() * 1.01 + 1e-3,
                        "frame at " + f.simNow() + " µs after " + f.wallSeconds() + " s of wall time");
            }
        }
    }

    @Test
    void anInterruptPausesBetweenEventsAndTheNextCallGoesOnToTheSameRun() throws Exception {
        String resumed;
        try (Simulation sim = community(1)) {
            LiveDashboard live = LiveDashboard.of(sim).speed(300).picture(false);   // 300 s at 300× take a second
            AtomicReference<LiveRun> first = new AtomicReference<>();
            Thread cell = new Thread(() -> first.set(live.runFor(SPAN)));
            cell.start();
            Thread.sleep(150);
            cell.interrupt();   // what Jupyter's stop button does to the cell's thread
            cell.join();
            assertTrue(first.get().paused(), first.get().summary());
            long stoppedAt = sim.scheduler().now();
            assertTrue(stoppedAt < SimTime.of(SPAN), "stopped before the end");
            LiveRun second = live.asFastAsPossible().runFor(SimTime.toDuration(SimTime.of(SPAN) - stoppedAt));
            assertFalse(second.paused());
            assertEquals(stoppedAt, second.frame().simStart());
            resumed = sim.traceSha256();
        }
        assertEquals(plainTrace(1), resumed, "a run paused between two events and resumed is the same run");
    }

    @Test
    void runUntilConvergedStopsWhereAPlainRunStops() {
        long plainEnd;
        try (Simulation sim = community(3)) {
            assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
            plainEnd = sim.scheduler().now();
        }
        try (Simulation sim = community(3)) {
            LiveRun run = LiveDashboard.of(sim).asFastAsPossible().framesPerSecond(200).picture(false).runUntilConverged(Duration.ofHours(1));
            assertEquals(plainEnd, sim.scheduler().now());
            assertEquals(plainEnd, run.frame().simNow());
        }
    }

    @Test
    void outsideAKernelTheResultShowsTheFinalFrame() {
        try (Simulation sim = community(1)) {
            LiveRun run = Dashboard.live(sim).asFastAsPossible().title("four friends").runFor(Duration.ofMinutes(1));
            assertFalse(run.shownLive());
            String html = run.html();
            for (String expected : List.of("four friends", "done", "alice", "dave", "Latest packets", "Latest real-world events",
                    "Headline metrics", "data:image/png;base64,")) {
                assertTrue(html.contains(expected), "final frame shows " + expected);
            }
            assertEquals(4, run.frame().devices().size());
            assertTrue(run.text().contains("carol"));
        }
    }

    @Test
    void speedAndFrameRateMustBePositive() {
        try (Simulation sim = Simulation.builder().seed(1).devices("alice", "bob").build()) {
            LiveDashboard live = LiveDashboard.of(sim);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> live.speed(0));
            assertTrue(e.getMessage().contains("speed") && e.getMessage().contains("0.0"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> live.framesPerSecond(-1));
        }
    }

    @Test
    void pacerArithmetic() {
        Pacer p = new Pacer(100);
        assertEquals(5_000_000L + 100_000_000L, p.reachable(5_000_000L, 1_000_000_000L), "1 s of wall time = 100 s simulated");
        assertEquals(500_000_000L, p.wallNanosUntil(0, 50_000_000L, 0), "50 s simulated need 0.5 s of wall time");
        assertEquals(0, p.wallNanosUntil(0, 50_000_000L, 600_000_000L));
        assertEquals(Long.MAX_VALUE, Pacer.FLAT_OUT.reachable(0, 1));
        assertEquals("100×", p.label());
    }
}
