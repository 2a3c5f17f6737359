package org.p2psim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2psim.metrics.facts.PacketRow;
import org.junit.jupiter.api.Timeout;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Metrics built by hand: a few devices and events at chosen times, and the exact numbers they must give. */
class MetricsTest {
    /** HdrHistogram keeps 3 significant digits: a reported percentile is at most 0.1 % above the value. */
    private static final double HDR = 1e-3;

    static long s(double seconds) {
        return Math.round(seconds * 1e6);
    }

    static void assertWithinHdr(double expectedSeconds, double actualSeconds) {
        assertTrue(actualSeconds >= expectedSeconds && actualSeconds <= expectedSeconds * (1 + HDR),
                "expected " + expectedSeconds + " s (up to +0.1 %), was " + actualSeconds);
    }

    /** Devices registered in order, as the simulation does. */
    static Metrics withDevices(String... names) {
        Metrics m = new Metrics();
        for (String name : names) {
            m.device(name);
        }
        return m;
    }

    // ---- delivery latency ----

    @Test
    void deliveryPercentilesAreNearestRankOverNonAuthorStores() {
        Metrics m = withDevices("a", "b");
        for (int i = 1; i <= 10; i++) {
            m.eventCreated("e" + i, "a", 0);
            m.eventStored("a", "e" + i, 100, 0);
        }
        for (int i = 1; i <= 10; i++) {
            m.eventStored("b", "e" + i, 100, s(i)); // latencies 1 s … 10 s
        }
        Map<String, Double> v = m.summaryMap();
        assertEquals(10.0, v.get("deliveries"), "the author's own stores are not deliveries");
        assertWithinHdr(5.0, v.get("delivery_p50_s")); // 5th of 10
        assertWithinHdr(9.0, v.get("delivery_p90_s")); // 9th of 10
        assertEquals(10.0, v.get("delivery_p99_s"), "10th of 10, clamped to the exact max");
        assertEquals(10.0, v.get("delivery_max_s"));
        assertWithinHdr(5.0, m.deliveryLatencySeconds(50));
    }

    @Test
    void smallLatenciesAreExact() {
        Metrics m = withDevices("a", "b", "c");
        m.eventCreated("e1", "a", s(1));
        m.eventStored("a", "e1", 10, s(1));
        m.eventStored("b", "e1", 10, s(1) + 300);
        m.eventStored("c", "e1", 10, s(1) + 1_700);
        m.eventCreated("e2", "b", s(2));
        m.eventStored("b", "e2", 10, s(2));
        m.eventStored("a", "e2", 10, s(2) + 900);
        m.eventStored("c", "e2", 10, s(2) + 1_200);
        // deliveries 300, 900, 1200, 1700 µs: below 2048 µs HdrHistogram is exact
        assertEquals(900e-6, m.deliveryLatencySeconds(50), 1e-12);
        assertEquals(1700e-6, m.deliveryLatencySeconds(90), 1e-12);
        assertEquals(300e-6, m.deliveryLatencySeconds(0), 1e-12);
        // sync: e1 complete at 1700 µs, e2 at 1200 µs
        assertEquals(1200e-6, m.syncLatencySeconds(50), 1e-12);
        assertEquals(1700e-6, m.syncLatencySeconds(100), 1e-12);
    }

    @Test
    void historyCountsFromTimeZero() {
        Metrics m = withDevices("a", "b");
        m.eventCreated("h1", "a", -s(5));
        m.eventStored("a", "h1", 10, 0);
        m.eventStored("b", "h1", 10, s(2));
        assertEquals(2.0, m.deliveryLatencySeconds(100));
        assertEquals(2.0, m.syncLatencySeconds(100));
        assertEquals(2.0, m.convergenceSeconds());
    }

    @Test
    void noLatenciesYetAreNaN() {
        Metrics m = withDevices("a", "b");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 10, 0);
        Map<String, Double> v = m.summaryMap();
        for (String key : List.of("delivery_p50_s", "delivery_max_s", "sync_p50_s", "sync_max_s", "overhead_ratio",
                "convergence_s", "filter_bytes_mean", "fpr_measured", "fpr_expected")) {
            assertTrue(v.get(key).isNaN(), key + " = " + v.get(key));
        }
        assertEquals(0.0, v.get("events_synced"));
        assertEquals(0, m.latencyCdf().rowCount());
    }

    // ---- sync latency ----

    @Test
    void syncLatencyWaitsOnlyForDevicesRegisteredBeforeTheEvent() {
        Metrics m = withDevices("a", "b");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 10, 0);
        m.eventStored("b", "e1", 10, s(3));
        assertEquals(3.0, m.syncLatencySeconds(100), "a and b should have e1: synced at 3 s");

        m.device("c"); // joins later: e1 does not wait for it, e2 does
        m.eventCreated("e2", "a", s(10));
        m.eventStored("a", "e2", 10, s(10));
        m.eventStored("b", "e2", 10, s(11));
        assertEquals(1.0, m.summaryMap().get("events_synced"), "e2 still waits for c");

        m.eventStored("c", "e1", 10, s(20)); // late, but e1 was already synced
        m.eventStored("c", "e2", 10, s(25));
        Map<String, Double> v = m.summaryMap();
        assertEquals(2.0, v.get("events_synced"));
        assertWithinHdr(3.0, v.get("sync_p50_s")); // nearest rank of {3 s, 15 s}
        assertEquals(15.0, v.get("sync_max_s"));
        assertEquals(20.0, v.get("delivery_max_s"), "delivery still counts c's late copy of e1");
        assertEquals(4.0, v.get("deliveries"));
    }

    @Test
    void anOfflineDeviceDelaysSyncLatency() {
        Metrics m = withDevices("a", "b");
        m.deviceOnline("b", false, s(1));
        m.eventCreated("e1", "a", s(2));
        m.eventStored("a", "e1", 10, s(2));
        assertEquals(0.0, m.summaryMap().get("events_synced"));
        m.deviceOnline("b", true, s(30));
        m.eventStored("b", "e1", 10, s(31));
        assertEquals(29.0, m.syncLatencySeconds(50));
    }

    // ---- convergence ----

    @Test
    void convergenceLeavesOfflineDevicesOut() {
        Metrics m = withDevices("a", "b", "c");
        m.eventCreated("e1", "a", s(1));
        m.eventStored("a", "e1", 10, s(1));
        assertFalse(m.converged());
        m.deviceOnline("c", false, s(2));
        m.eventStored("b", "e1", 10, s(4));
        assertTrue(m.converged(), "c is offline, a and b hold everything");
        assertEquals(3.0, m.convergenceSeconds());
        assertEquals(0.0, m.summaryMap().get("min_completeness"), "completeness still counts c");
        assertEquals(2.0 / 3.0, m.summaryMap().get("mean_completeness"), 1e-12);
        assertEquals(2.0, m.summaryMap().get("devices_online"));

        m.deviceOnline("c", true, s(10));
        assertFalse(m.converged(), "c is back and lacks e1");
        assertTrue(Double.isNaN(m.convergenceSeconds()));
        m.eventStored("c", "e1", 10, s(12));
        assertTrue(m.converged());
        assertEquals(11.0, m.convergenceSeconds(), "until c caught up");
    }

    @Test
    void goingOfflineWhileBehindEndsConvergenceThen() {
        Metrics m = withDevices("a", "b", "c");
        m.eventCreated("e1", "a", s(20));
        m.eventStored("a", "e1", 10, s(20));
        m.eventStored("b", "e1", 10, s(21));
        assertFalse(m.converged());
        m.deviceOnline("c", false, s(23));
        assertTrue(m.converged());
        assertEquals(3.0, m.convergenceSeconds());
        m.deviceOnline("c", false, s(24)); // repeating the state changes nothing
        assertEquals(3.0, m.convergenceSeconds());
    }

    @Test
    void aNewEventOrANewDeviceBreaksConvergence() {
        Metrics m = withDevices("a", "b");
        assertTrue(m.converged(), "nothing created yet");
        assertTrue(Double.isNaN(m.convergenceSeconds()));
        m.eventCreated("e1", "a", s(1));
        m.eventStored("a", "e1", 10, s(1));
        m.eventStored("b", "e1", 10, s(2));
        assertEquals(1.0, m.convergenceSeconds());
        m.device("c");
        assertFalse(m.converged());
        m.eventStored("c", "e1", 10, s(7));
        assertEquals(6.0, m.convergenceSeconds());
        m.eventCreated("e2", "b", s(8));
        assertFalse(m.converged());
        m.eventStored("b", "e2", 10, s(8));
        m.eventStored("a", "e2", 10, s(9));
        m.eventStored("c", "e2", 10, s(9.5));
        assertEquals(1.5, m.convergenceSeconds());
    }

    @Test
    void anEventStoredBeforeItsCreationIsCountedWhenCreated() {
        Metrics m = withDevices("a", "b");
        m.eventStored("b", "x", 10, s(1));
        assertEquals(0, m.held("b"));
        m.eventCreated("x", "a", s(2));
        assertEquals(1, m.held("b"));
        assertFalse(m.converged(), "a lacks x");
        m.eventStored("a", "x", 10, s(3));
        assertTrue(m.converged());
        assertEquals(1.0, m.convergenceSeconds());
    }

    // ---- bandwidth ----

    @Test
    void overheadIsBytesSentOverFirstDeliveredCiphertext() {
        Metrics m = withDevices("a", "b", "c");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 100, 0);
        m.eventCreated("e2", "a", 0);
        m.eventStored("a", "e2", 200, 0);
        m.eventStored("b", "e1", 100, s(1));
        m.eventStored("b", "e2", 200, s(1));
        m.eventStored("b", "e1", 100, s(2)); // already held: not a first delivery
        m.eventStored("c", "e1", 100, s(2));
        m.packet(new PacketRow(0, 10, "a", "b", "filter", 300, "delivered", "", 1));
        m.packet(new PacketRow(0, 10, "a", "b", "event", 500, "delivered", "", 2));
        m.packet(new PacketRow(0, 10, "a", "c", "event", 200, "dropped", "loss", 3));
        Map<String, Double> v = m.summaryMap();
        assertEquals(400.0, v.get("first_delivery_bytes"), "100 + 200 at b, 100 at c; never the author's");
        assertEquals(1000.0, v.get("bytes_sent"));
        assertEquals(800.0, v.get("bytes_delivered"));
        assertEquals(200.0, v.get("bytes_dropped"));
        assertEquals(0.0, v.get("bytes_rejected"));
        assertEquals(2.5, v.get("overhead_ratio"));
        assertEquals(2.5, m.overheadRatio());
        Table packets = m.packets();
        assertEquals(List.of("event", "filter"), packets.stringColumn("type").asList());
        assertEquals(700L, packets.longColumn("sent_bytes").get(0));
    }

    @Test
    void filterSizesAndFalsePositives() {
        Metrics m = withDevices("a", "b");
        m.filterSent(0.01, 500);
        m.filterSent(0.02, 300);
        m.filterSent(0.03, 400);
        Map<String, Double> v = m.summaryMap();
        assertEquals(300.0, v.get("filter_bytes_min"));
        assertEquals(400.0, v.get("filter_bytes_mean"));
        assertEquals(500.0, v.get("filter_bytes_max"));
        assertEquals(3.0, v.get("filters_sent"));
        assertEquals(0.02, v.get("fpr_expected"), 1e-15);

        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 10, s(1));
        m.eventCreated("e2", "b", 0);
        m.eventStored("b", "e2", 10, 0);
        m.filterTested("a", "e1", s(0.5), true); // a did not hold e1 yet: false positive
        m.filterTested("a", "e1", s(2), true);   // a held it: a true positive, not counted
        m.filterTested("a", "e2", s(2), false);  // a lacks e2, test negative
        assertEquals(0.5, m.measuredFalsePositiveRate());
        assertEquals(3.0, m.summaryMap().get("filter_tests"));
    }

    // ---- write rate ----

    @Test
    void aBurstOf150InsertsInOneSecondExceedsTheCeilingOf100() {
        Metrics m = withDevices("a", "b");
        for (int i = 0; i < 150; i++) {
            m.eventCreated("e" + i, "b", s(5) + i * 5_000L); // 5.000 s … 5.745 s
            m.eventStored("b", "e" + i, 10, s(5) + i * 5_000L);
        }
        for (int i = 0; i < 150; i++) {
            m.eventStored("a", "e" + i, 10, s(5) + i * 5_000L + 1_000);
        }
        m.eventCreated("late", "b", s(30));
        m.eventStored("b", "late", 10, s(30));
        m.eventStored("a", "late", 10, s(30.5));

        Row a = m.writeRates().row(0);
        assertEquals("a", a.getString("device"));
        assertEquals(151, a.getLong("inserts"));
        assertEquals(150, a.getInt("peak_per_s"));
        assertEquals(150, a.getInt("peak_aligned_per_s"));
        assertEquals(1, a.getLong("windows_over"));
        assertEquals(100, a.getInt("ceiling_per_s"));
        Map<String, Double> v = m.summaryMap();
        assertEquals(150.0, v.get("peak_write_rate"));
        assertEquals(100.0, v.get("write_ceiling"));
        assertEquals(2.0, v.get("write_windows_over"), "a's and b's burst second");
        assertEquals(2.0, v.get("devices_over_write_ceiling"));

        m.writeCeiling(150);
        assertEquals(0.0, m.summaryMap().get("write_windows_over"), "150 is not over a ceiling of 150");
        assertEquals(150, m.writeRates().row(0).getInt("ceiling_per_s"));
    }

    @Test
    void alignedWindowsSplitABurstThatTheSlidingWindowSees() {
        Metrics m = withDevices("a", "b");
        for (int i = 0; i < 150; i++) {
            long t = s(7.5) + i * 5_000L; // 7.500 s … 8.245 s: 100 in second 7, 50 in second 8
            m.eventCreated("e" + i, "b", t);
            m.eventStored("b", "e" + i, 10, t);
        }
        Row b = m.writeRates().row(1);
        assertEquals(150, b.getInt("peak_per_s"));
        assertEquals(100, b.getInt("peak_aligned_per_s"));
        assertEquals(0, b.getLong("windows_over"), "no aligned second has more than 100");
        assertEquals(1.0, m.summaryMap().get("devices_over_write_ceiling"));
    }

    @Test
    void anAuthorsOwnHistoryIsNotAWrite() {
        Metrics m = withDevices("a", "b");
        for (int i = 0; i < 300; i++) {
            m.eventCreated("h" + i, "a", -s(300 - i));
            m.eventStored("a", "h" + i, 10, 0);
        }
        assertEquals(0, m.writeRates().row(0).getLong("inserts"));
        for (int i = 0; i < 300; i++) {
            m.eventStored("b", "h" + i, 10, s(1 + i * 0.1)); // received: 10 per second
        }
        Row b = m.writeRates().row(1);
        assertEquals(300, b.getLong("inserts"));
        assertEquals(10, b.getInt("peak_per_s"));
    }

    @Test
    void storesMustBeReportedInTimeOrder() {
        Metrics m = withDevices("a");
        m.eventCreated("e1", "a", s(2));
        m.eventStored("a", "e1", 10, s(2));
        m.eventCreated("e2", "a", s(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.eventStored("a", "e2", 10, s(1)));
        assertTrue(e.getMessage().contains("time order"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.writeCeiling(0));
        assertThrows(IllegalArgumentException.class, () -> m.deliveryLatencySeconds(101));
    }

    // ---- the device × device matrix ----

    @Test
    void syncMatrixHoldsMedianAndP90PerAuthorAndReceiver() {
        Metrics m = withDevices("a", "b", "c");
        for (String e : List.of("e1", "e2", "e3")) {
            m.eventCreated(e, "a", 0);
            m.eventStored("a", e, 10, 0);
        }
        m.eventStored("b", "e1", 10, s(1));
        m.eventStored("b", "e2", 10, s(2));
        m.eventStored("c", "e1", 10, s(3));
        m.eventStored("b", "e3", 10, s(4));
        m.eventCreated("e4", "b", s(10));
        m.eventStored("b", "e4", 10, s(10));
        m.eventStored("a", "e4", 10, s(10.5));

        Table matrix = m.syncMatrix();
        assertEquals(List.of("from", "to", "median_s", "p90_s", "events", "authored"), matrix.columnNames());
        assertEquals(6, matrix.rowCount());
        assertEquals(List.of("a", "a", "b", "b", "c", "c"), matrix.stringColumn("from").asList());
        assertEquals(List.of("b", "c", "a", "c", "a", "b"), matrix.stringColumn("to").asList());
        assertPair(matrix.row(0), 2.0, 4.0, 3, 3);   // a→b: {1, 2, 4}
        assertPair(matrix.row(1), 3.0, 3.0, 1, 3);   // a→c: {3}
        assertPair(matrix.row(2), 0.5, 0.5, 1, 1);   // b→a
        assertPair(matrix.row(3), Double.NaN, Double.NaN, 0, 1); // b→c: nothing arrived
        assertPair(matrix.row(4), Double.NaN, Double.NaN, 0, 0); // c authored nothing
        assertPair(matrix.row(5), Double.NaN, Double.NaN, 0, 0);
        assertEquals(matrix.print(), m.syncMatrix().print(), "reading it twice gives the same table");
    }

    @Test
    void deliveryLatenciesListEveryFirstDeliveryByReceiverAndAuthor() {
        Metrics m = withDevices("a", "b", "c");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 10, 0);
        m.eventCreated("e2", "a", s(1));
        m.eventStored("a", "e2", 10, s(1));
        m.eventStored("b", "e2", 10, s(1.25));   // b gets the newer one first
        m.eventStored("b", "e1", 10, s(4));
        m.eventStored("b", "e1", 10, s(5));      // a second copy is not a delivery
        m.eventCreated("e3", "c", s(2));
        m.eventStored("c", "e3", 10, s(2));
        m.eventStored("a", "e3", 10, s(2.5));

        Table t = m.deliveryLatencies();
        assertEquals(List.of("device", "from", "authored_s", "stored_s", "latency_s"), t.columnNames());
        assertEquals(List.of("a", "b", "b"), t.stringColumn("device").asList());
        assertEquals(List.of("c", "a", "a"), t.stringColumn("from").asList());
        assertEquals(List.of(2.0, 0.0, 1.0), t.doubleColumn("authored_s").asList(), "by device, then creation order");
        assertEquals(List.of(2.5, 4.0, 1.25), t.doubleColumn("stored_s").asList());
        assertEquals(List.of(0.5, 4.0, 0.25), t.doubleColumn("latency_s").asList());
        m.syncMatrix();   // sorts its lists in place: the table must not change
        assertEquals(t.print(), m.deliveryLatencies().print());
    }

    private static void assertPair(Row row, double median, double p90, int events, long authored) {
        assertEquals(median, row.getDouble("median_s"), row.toString());
        assertEquals(p90, row.getDouble("p90_s"), row.toString());
        assertEquals(events, row.getInt("events"), row.toString());
        assertEquals(authored, row.getLong("authored"), row.toString());
    }

    // ---- tables ----

    @Test
    void summaryHasEveryHeadlineNumberInAFixedOrder() {
        Metrics m = withDevices("a", "b");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 10, 0);
        m.eventStored("b", "e1", 10, s(1));
        List<String> expected = List.of("events_created", "devices", "devices_online", "converged", "convergence_s",
                "min_completeness", "mean_completeness",
                "deliveries", "delivery_p50_s", "delivery_p90_s", "delivery_p99_s", "delivery_max_s",
                "events_synced", "sync_p50_s", "sync_p90_s", "sync_p99_s", "sync_max_s",
                "packets_sent", "bytes_sent", "bytes_delivered", "bytes_dropped", "bytes_rejected",
                "first_delivery_bytes", "overhead_ratio", "floor_id_bytes", "floor_bytes", "bytes_over_floor",
                "duplicates", "events_rejected",
                "filters_sent", "filter_bytes_min", "filter_bytes_mean", "filter_bytes_max", "filter_tests",
                "fpr_measured", "fpr_expected",
                "peak_write_rate", "peak_write_rate_aligned", "write_ceiling", "write_windows_over",
                "devices_over_write_ceiling", "round_trips_p50", "round_trips_p99", "round_trips_mean");
        Map<String, Double> map = m.summaryMap();
        assertEquals(expected, new ArrayList<>(map.keySet()));
        Table summary = m.summary();
        assertEquals(List.of("metric", "value"), summary.columnNames());
        assertEquals(expected, summary.stringColumn("metric").asList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(map.get(expected.get(i)), summary.doubleColumn("value").getDouble(i), expected.get(i));
        }
        assertEquals(1.0, map.get("events_created"));
        assertEquals(1.0, map.get("converged"));
        assertEquals(1.0, map.get("convergence_s"));
    }

    @Test
    void latencyTablesAndCdf() {
        Metrics m = withDevices("a", "b", "c");
        m.eventCreated("e1", "a", 0);
        m.eventStored("a", "e1", 10, 0);
        m.eventStored("b", "e1", 10, 500);
        m.eventStored("c", "e1", 10, 1_000);
        m.eventCreated("e2", "a", s(1));
        m.eventStored("a", "e2", 10, s(1));
        m.eventStored("b", "e2", 10, s(1) + 1_000);
        Table cdf = m.deliveryLatencyCdf();
        assertEquals(List.of("value_s", "fraction"), cdf.columnNames());
        assertEquals(List.of(500e-6, 1000e-6), cdf.doubleColumn("value_s").asList());
        assertEquals(List.of(1 / 3.0, 1.0), cdf.doubleColumn("fraction").asList());
        Table sync = m.syncLatencyCdf();
        assertEquals(List.of(1000e-6), sync.doubleColumn("value_s").asList(), "e2 still waits for c");
        Table both = m.latencyCdf();
        assertEquals(List.of("delivery", "delivery", "sync"), both.stringColumn("latency").asList());
        Table lat = m.latencies();
        assertEquals(List.of("delivery", "sync"), lat.stringColumn("latency").asList());
        assertEquals(3L, lat.longColumn("count").get(0));
        assertEquals(1L, lat.longColumn("count").get(1));
        assertEquals(1000e-6, lat.doubleColumn("max_s").getDouble(0), 1e-12);
    }

    @Test
    void completenessTimelineAndDevicesTable() {
        Metrics m = withDevices("a", "b");
        m.eventCreated("h1", "a", -s(2));
        m.eventStored("a", "h1", 10, 0);
        m.eventCreated("h2", "a", -s(1));
        m.eventStored("a", "h2", 10, 0);
        m.eventStored("b", "h1", 10, s(1));
        m.eventStored("b", "h2", 10, s(3));
        m.duplicate("b");
        m.deviceOnline("a", false, s(4));
        Table curve = m.completeness(s(5));
        assertEquals(List.of(0.0, 0.0, 1.0, 1.0, 3.0, 3.0, 5.0, 5.0), curve.doubleColumn("time_s").asList());
        assertEquals(List.of(1.0, 0.0, 1.0, 0.5, 1.0, 1.0, 1.0, 1.0), curve.doubleColumn("completeness").asList());
        Table sampled = m.completeness(s(2), s(4));
        assertEquals(List.of(1.0, 0.0, 1.0, 0.5, 1.0, 1.0), sampled.doubleColumn("completeness").asList());
        Table devices = m.devicesTable(s(5));
        assertEquals(List.of("device", "held", "completeness", "duplicates", "online", "online_share", "reads", "messages_read", "declined"),
                devices.columnNames());
        assertEquals(List.of(false, true), devices.booleanColumn("online").asList());
        assertEquals(List.of(0.8, 1.0), devices.doubleColumn("online_share").asList(), "a was offline from 4 s of 5");
        assertEquals(1L, devices.longColumn("duplicates").get(1));
        assertEquals(1L, m.duplicates());
    }

    @Test
    void equalFactsGiveEqualTables() {
        Metrics x = scaled(12, 60);
        Metrics y = scaled(12, 60);
        assertEquals(x.summary().print(), y.summary().print());
        assertEquals(x.syncMatrix().print(200), y.syncMatrix().print(200));
        assertEquals(x.latencyCdf().print(500), y.latencyCdf().print(500));
        assertEquals(x.writeRates().print(), y.writeRates().print());
    }

    /** Every device authors in turn; every device stores every event, device d after d × 10 ms. */
    static Metrics scaled(int deviceCount, int eventCount) {
        Metrics m = new Metrics();
        for (int d = 0; d < deviceCount; d++) {
            m.device("d" + d);
        }
        for (int i = 0; i < eventCount; i++) {
            long t = i * 100_000L;
            int author = i % deviceCount;
            String id = "e" + i;
            m.eventCreated(id, "d" + author, t);
            for (int k = 0; k < deviceCount; k++) {
                int d = (author + k) % deviceCount;
                m.eventStored("d" + d, id, 120, t + k * 10_000L);
            }
        }
        return m;
    }

    @Test
    @Timeout(60)
    void hundredDevicesTenThousandEvents() {
        Metrics m = scaled(100, 10_000);
        Map<String, Double> v = m.summaryMap();
        assertEquals(99.0 * 10_000, v.get("deliveries"));
        assertEquals(10_000.0, v.get("events_synced"));
        assertTrue(m.converged());
        assertEquals(0.99, v.get("convergence_s"), 1e-12, "the last receiver stores 99 × 10 ms after the last creation");
        assertWithinHdr(0.99, v.get("sync_p50_s"));
        assertEquals(0.99, v.get("sync_max_s"));
        assertWithinHdr(0.50, v.get("delivery_p50_s")); // latencies 10 … 990 ms, evenly
        Table matrix = m.syncMatrix();
        assertEquals(100 * 99, matrix.rowCount());
        // d0 authors e0, e100, …; d1 stores them after 10 ms each
        assertEquals(0.01, matrix.row(0).getDouble("median_s"), 1e-12);
        assertEquals(100, matrix.row(0).getInt("events"));
    }

    @Test
    void aDeclinedChunkCountsAsSettledButNotAsADelivery() {
        Metrics m = new Metrics();
        m.device("a");
        m.device("b");
        m.eventCreated("e1", "a", s(1));
        m.eventStored("a", "e1", 100, s(1));
        m.eventCreated("chunk", "a", s(2));
        m.eventStored("a", "chunk", 500, s(2));
        m.eventStored("b", "e1", 100, s(3));
        assertFalse(m.converged(), "b lacks the chunk");
        m.eventDeclined("b", "chunk", s(4));
        m.eventDeclined("b", "chunk", s(5));
        assertTrue(m.converged(), "b has all it wants");
        assertEquals(1.0, m.completeness("b"));
        assertEquals(1L, m.summaryMap().get("deliveries").longValue(), "only e1 was delivered to b");
        assertEquals(1L, m.devicesTable(s(5)).longColumn("declined").get(1));
    }
}
