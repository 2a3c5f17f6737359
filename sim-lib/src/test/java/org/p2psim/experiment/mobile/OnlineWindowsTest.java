package org.p2psim.experiment.mobile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.sim.SimEvent;

class OnlineWindowsTest {
    private static final long S = 1_000_000;
    private static final List<SimEvent> EVENTS = List.of(
            new SimEvent.Leave(10 * S, "phone", true),
            new SimEvent.Leave(12 * S, "other", true),
            new SimEvent.Switch(20 * S, "phone"),
            new SimEvent.Reconnect(30 * S, "phone"),
            new SimEvent.Leave(40 * S, "phone", false),
            new SimEvent.Leave(41 * S, "phone", false), // a second leave while offline changes nothing
            new SimEvent.Reconnect(70 * S, "phone"));

    @Test
    void windowsFollowLeavesAndReconnectsAndTheLastEndsWithTheRun() {
        OnlineWindows w = OnlineWindows.of(EVENTS, "phone", 100);
        assertEquals(List.of(new OnlineWindows.Window(0, 10), new OnlineWindows.Window(30, 40), new OnlineWindows.Window(70, 100)),
                w.windows());
        assertEquals(List.of(new OnlineWindows.Window(0, 12)), OnlineWindows.of(EVENTS, "other", 100).windows());
        assertEquals(List.of(new OnlineWindows.Window(0, 100)), OnlineWindows.of(EVENTS, "desktop", 100).windows());
    }

    @Test
    void theWaitIsZeroOnlineTheTimeToTheNextWindowOfflineAndNaNAfterTheLast() {
        OnlineWindows w = OnlineWindows.of(EVENTS.subList(0, 5), "phone", 100);
        assertEquals(0, w.waitAt(5));
        assertEquals(20, w.waitAt(10));
        assertEquals(5, w.waitAt(25));
        assertTrue(w.onlineAt(35));
        assertFalse(w.onlineAt(50));
        assertTrue(Double.isNaN(w.waitAt(50)));
    }

    @Test
    void presenceHasEachDevicesWindowsAndSwitchesAndNamesAnUnknownDevice() {
        Presence p = Presence.of(EVENTS, List.of("phone", "other"), 100);
        assertArrayEquals(new double[] {20}, p.switches("phone"));
        assertArrayEquals(new double[0], p.switches("other"));
        assertEquals(3, p.windows("phone").windows().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.windows("nobody"));
        assertTrue(e.getMessage().contains("nobody") && e.getMessage().contains("phone"), e.getMessage());
    }
}
