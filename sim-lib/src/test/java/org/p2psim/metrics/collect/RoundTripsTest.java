package org.p2psim.metrics.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2psim.metrics.facts.PacketRow;

/** Known answers: a push is 0 round trips, a filter answered with the event 1, reconcile → want → event 2. */
class RoundTripsTest {
    private static PacketRow row(long at, String from, String to, String type) {
        return new PacketRow(at, at, from, to, type, 100, "delivered", "", 0);
    }

    @Test
    void countsRequestAnswerExchangesBetweenCreationAndArrival() {
        PacketLedger.RoundTrips trips = new PacketLedger.RoundTrips();
        assertTrue(Double.isNaN(trips.percentile(50)), "no deliveries yet");
        // push: a created at 10, pushed to b at 20, nothing asked
        trips.created("e1", "a", 10);
        trips.stored("b", "e1", 20);
        trips.packet(row(20, "a", "b", "event"));
        // filter: b asks a at 30, a answers with e2 (created at 25) at 40
        trips.created("e2", "a", 25);
        trips.packet(row(30, "b", "a", "filter"));
        trips.stored("b", "e2", 40);
        trips.packet(row(40, "a", "b", "event"));
        // reconciliation: c asks a at 60, a answers symbols at 70, c wants at 80, a sends e3 (created 50) at 90
        trips.created("e3", "a", 50);
        trips.packet(row(60, "c", "a", "coded"));
        trips.packet(row(70, "a", "c", "coded"));
        trips.packet(row(80, "c", "a", "want"));
        trips.stored("c", "e3", 90);
        trips.packet(row(90, "a", "c", "event"));
        // a lost packet is no exchange, and the author storing its own event is no delivery
        trips.packet(new PacketRow(95, 95, "a", "c", "event", 100, "dropped", "loss", 0));
        trips.stored("a", "e3", 50);
        assertEquals(1.0, trips.mean(), 1e-12);  // (0 + 1 + 2) / 3
        assertEquals(1.0, trips.percentile(50));
        assertEquals(2.0, trips.percentile(99));
    }
}
