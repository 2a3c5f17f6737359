package org.p2psim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private final Scheduler scheduler = new Scheduler();
    private final List<String> log = new ArrayList<>();

    @Test
    void runsByTimeThenBySchedulingOrder() {
        scheduler.at(30, () -> log.add("c@30"));
        scheduler.at(10, () -> log.add("a@10"));
        scheduler.at(10, () -> log.add("b@10"));
        scheduler.at(10, () -> scheduler.after(0, () -> log.add("d@10 scheduled during 10")));
        while (scheduler.step()) {
            log.add("t=" + scheduler.now());
        }
        assertEquals(List.of("a@10", "t=10", "b@10", "t=10", "t=10", "d@10 scheduled during 10", "t=10", "c@30", "t=30"), log);
    }

    @Test
    void jumpsOverQuietTime() {
        scheduler.at(SimTime.ofSeconds(365 * 24 * 3600.0), () -> log.add("a year later"));
        scheduler.runFor(Duration.ofDays(366));
        assertEquals(List.of("a year later"), log);
        assertEquals(1, scheduler.executed());
        assertEquals(SimTime.of(Duration.ofDays(366)), scheduler.now());
    }

    @Test
    void runForStopsAtItsEndAndLeavesLaterActions() {
        scheduler.at(SimTime.ofSeconds(1), () -> log.add("1s"));
        scheduler.at(SimTime.ofSeconds(3), () -> log.add("3s"));
        scheduler.runFor(Duration.ofSeconds(2));
        assertEquals(List.of("1s"), log);
        assertEquals(SimTime.ofSeconds(2), scheduler.now());
        assertEquals(1, scheduler.pending());
    }

    @Test
    void runUntilStopsWhenTheConditionHoldsOrAtTheLimit() {
        int[] counter = {0};
        for (int i = 1; i <= 10; i++) {
            scheduler.at(SimTime.ofSeconds(i), () -> counter[0]++);
        }
        assertTrue(scheduler.runUntil(() -> counter[0] == 3, Duration.ofMinutes(1)));
        assertEquals(SimTime.ofSeconds(3), scheduler.now());
        assertFalse(scheduler.runUntil(() -> counter[0] == 100, Duration.ofSeconds(4)));
        assertEquals(SimTime.ofSeconds(7), scheduler.now());
        assertEquals(7, counter[0]);
    }

    @Test
    void cancelledActionsDoNotRun() {
        Scheduler.Timer timer = scheduler.at(5, () -> log.add("cancelled"));
        scheduler.at(6, () -> log.add("kept"));
        timer.cancel();
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(List.of("kept"), log);
    }

    @Test
    void refusesThePast() {
        scheduler.at(10, () -> { });
        scheduler.step();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scheduler.at(5, () -> { }));
        assertTrue(e.getMessage().contains("already"), e.getMessage());
    }
}
