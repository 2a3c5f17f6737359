package org.p2psim.net.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One NAT's mapping, filtering and binding lifetime, against RFC 4787's definitions. */
class NatBoxTest {
    private static final long S = 1_000_000L;
    private static final HostPort X = new HostPort(100, 4000);
    private static final HostPort X_OTHER_PORT = new HostPort(100, 5000);
    private static final HostPort Y = new HostPort(200, 4000);

    private static NatBox box(String preset) {
        return new NatBox(NatType.preset(preset), 7);
    }

    @Test
    void endpointIndependentMappingKeepsOnePortForEveryDestination() {
        NatBox nat = box("port-restricted");
        assertEquals(nat.outbound("d", X, 0), nat.outbound("d", Y, 0));
    }

    @Test
    void symmetricMappingGivesEachDestinationItsOwnPort() {
        NatBox nat = box("symmetric");
        HostPort toX = nat.outbound("d", X, 0);
        assertNotEquals(toX, nat.outbound("d", Y, 0));
        assertNotEquals(toX, nat.outbound("d", X_OTHER_PORT, 0));
        assertEquals(toX, nat.outbound("d", X, 1));
    }

    @Test
    void filteringFollowsThePreset() {
        for (String preset : new String[] {"full-cone", "address-restricted", "port-restricted"}) {
            NatBox nat = box(preset);
            int port = nat.outbound("d", X, 0).port();
            assertEquals(Verdict.PASS, nat.inbound(X, port, 1), preset);
            assertEquals(preset.equals("port-restricted") ? Verdict.FILTERED : Verdict.PASS, nat.inbound(X_OTHER_PORT, port, 1), preset);
            assertEquals(preset.equals("full-cone") ? Verdict.PASS : Verdict.FILTERED, nat.inbound(Y, port, 1), preset);
        }
    }

    @Test
    void anUnknownPortIsFilteredAndAPublicAddressPassesAll() {
        assertEquals(Verdict.FILTERED, box("full-cone").inbound(X, 20_000, 0));
        assertEquals(Verdict.PASS, box("none").inbound(X, NatBox.DEVICE_PORT, 0));
    }

    @Test
    void anIdleBindingExpiresAfterItsTimeoutAndOutboundRefreshesIt() {
        NatBox nat = box("port-restricted"); // 120 s
        int port = nat.outbound("d", X, 0).port();
        assertEquals(Verdict.PASS, nat.inbound(X, port, 120 * S));
        assertEquals(Verdict.EXPIRED, nat.inbound(X, port, 121 * S));
        NatBox refreshed = box("port-restricted");
        int p2 = refreshed.outbound("d", X, 0).port();
        refreshed.outbound("d", X, 100 * S);
        assertEquals(Verdict.PASS, refreshed.inbound(X, p2, 200 * S));
        assertEquals(1, refreshed.bindings(200 * S).size());
        assertEquals(0, refreshed.bindings(221 * S).size());
    }

    @Test
    void inboundPacketsDoNotRefreshABinding() {
        NatBox nat = box("full-cone");
        int port = nat.outbound("d", X, 0).port();
        for (long t = 10; t <= 110; t += 10) {
            assertEquals(Verdict.PASS, nat.inbound(Y, port, t * S));
        }
        assertEquals(Verdict.EXPIRED, nat.inbound(Y, port, 130 * S));
    }

    @Test
    void carrierNatBindingsAreShort() {
        NatBox nat = box("cgnat");
        int port = nat.outbound("d", X, 0).port();
        assertEquals(Verdict.PASS, nat.inbound(X, port, 30 * S));
        assertEquals(Verdict.EXPIRED, nat.inbound(X, port, 31 * S));
        assertTrue(NatType.preset("cgnat").timeoutMicros() < NatType.preset("symmetric").timeoutMicros());
    }

    @Test
    void anExpiredBindingIsReplacedByANewPort() {
        NatBox nat = box("port-restricted");
        HostPort first = nat.outbound("d", X, 0);
        assertNotEquals(first, nat.outbound("d", X, 500 * S));
    }

    @Test
    void anUnknownPresetNamesThePresets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NatType.preset("moderate"));
        assertTrue(e.getMessage().contains("'moderate'") && e.getMessage().contains("full-cone, address-restricted, port-restricted, symmetric, cgnat"),
                e.getMessage());
    }
}
