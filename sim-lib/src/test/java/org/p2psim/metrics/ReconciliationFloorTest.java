package org.p2psim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2psim.metrics.facts.PacketRow;

/** log₂ C(2^b, d) against hand computations, and the floor of a run built by hand. */
class ReconciliationFloorTest {
    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void smallUniversesAgainstExactBinomials() {
        assertEquals(0.0, ReconciliationFloor.log2Binomial(4, 0));
        assertEquals(4.0, ReconciliationFloor.log2Binomial(4, 1), 1e-12, "C(16, 1) = 16");
        assertEquals(log2(120), ReconciliationFloor.log2Binomial(4, 2), 1e-12, "C(16, 2) = 120");
        assertEquals(log2(4368), ReconciliationFloor.log2Binomial(4, 5), 1e-12, "C(16, 5) = 4368");
        assertEquals(log2(4368), ReconciliationFloor.log2Binomial(4, 11), 1e-12, "C(16, 11) = C(16, 5)");
        assertEquals(0.0, ReconciliationFloor.log2Binomial(4, 16), 1e-12, "C(16, 16) = 1");
        assertEquals(log2(178_433_024), ReconciliationFloor.log2Binomial(10, 3), 1e-12, "C(1024, 3) = 1024·1023·1022/6");
    }

    @Test
    void idsOf128Bits() {
        assertEquals(128.0, ReconciliationFloor.log2Binomial(128, 1), "one id out of 2^128: 128 bits");
        // C(2^128, 2) = 2^128 (2^128 − 1) / 2: 255 bits less 2^-128·log2(e), below double precision
        assertEquals(255.0, ReconciliationFloor.log2Binomial(128, 2), 1e-12);
        assertEquals(384 - log2(6), ReconciliationFloor.log2Binomial(128, 3), 1e-12, "2^384 / 3!");
        assertEquals(16.0, ReconciliationFloor.idBytes(1));
    }

    @Test
    void aMillionIdsAgainstStirling() {
        long d = 1_000_000;
        double ln = Math.log(2);
        double log2Factorial = (d * Math.log(d) - d + 0.5 * Math.log(2 * Math.PI * d) + 1.0 / (12 * d)) / ln;
        // log2(1 − i/2^128) summed over i < 10^6 is about −10^12/2^129 bits: nothing at this precision
        double expected = 128.0 * d - log2Factorial;
        assertEquals(expected, ReconciliationFloor.log2Binomial(128, d), expected * 1e-13);
        assertEquals(d * (128 - log2(d) + 1 / ln), expected, 20, "about d·(b − log2 d + log2 e) bits");
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> ReconciliationFloor.log2Binomial(4, 17));
        assertThrows(IllegalArgumentException.class, () -> ReconciliationFloor.log2Binomial(4, -1));
        assertThrows(IllegalArgumentException.class, () -> ReconciliationFloor.log2Binomial(0, 0));
    }

    @Test
    void floorOfARunIsCiphertextPlusIdBitsPerReceivingDevice() {
        Metrics m = MetricsTest.withDevices("a", "b", "c");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 100, 0);
        m.eventCreated("e2", "a", 0);
        m.eventStored("a", "e2", 200, 0);
        m.eventCreated("e3", "c", 0);
        m.eventStored("c", "e3", 50, 0);
        m.eventStored("b", "e1", 100, MetricsTest.s(1));
        m.eventStored("b", "e2", 200, MetricsTest.s(1));
        m.eventStored("b", "e1", 100, MetricsTest.s(2)); // a second copy: not an event b had to receive
        m.eventStored("c", "e1", 100, MetricsTest.s(2));
        m.packet(new PacketRow(0, 10, "a", "b", "event", 1000, "delivered", "", 1));
        // d: a received 0, b received 2 (e1, e2), c received 1 (e1; e3 is its own)
        double idBits = 0 + 255 + 128;
        double ciphertext = 100 + 200 + 100;
        Map<String, Double> v = m.summaryMap();
        assertEquals(ciphertext, v.get("first_delivery_bytes"));
        assertEquals(idBits / 8, v.get("floor_id_bytes"), 1e-12);
        assertEquals(ciphertext + idBits / 8, v.get("floor_bytes"), 1e-12);
        assertEquals(1000 / (ciphertext + idBits / 8), v.get("bytes_over_floor"), 1e-12);
        assertEquals(m.floorBytes(), v.get("floor_bytes"));
        assertEquals(m.bytesOverFloor(), v.get("bytes_over_floor"));
    }

    @Test
    void noDeliveriesNoFloor() {
        Metrics m = MetricsTest.withDevices("a", "b");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 100, 0);
        Map<String, Double> v = m.summaryMap();
        assertEquals(0.0, v.get("floor_bytes"));
        assertEquals(Double.NaN, v.get("bytes_over_floor"));
    }
}
