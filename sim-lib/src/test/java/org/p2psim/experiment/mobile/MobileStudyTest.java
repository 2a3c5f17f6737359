package org.p2psim.experiment.mobile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimEvent;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Two desktops and three phones (two switching iPhones, an Android) for an hour, seeds 1 and 2. */
class MobileStudyTest {
    static final Scenario SCENARIO = Scenario.parse("""
            name: mobile-test
            duration: 1h
            devices:
              count: 5
              profiles: {desktop-peer: 2, iphone: 2, android: 1}
            net:
              latency: {mean: 40ms, sd: 10ms}
            sync:
              strategy: bloom-salted
            crypto:
              signatures: fast
            workload:
              channels: [general]
              profiles:
                desktop-peer: {like: active, uploadsPerHour: 0}
                iphone: {like: mobile-ios, uploadsPerHour: 0, connection: {switchesPerHour: 4}}
                android: {like: mobile-android, uploadsPerHour: 0}
            """, "mobile-test.yaml");
    static MobileStudy study;

    @BeforeAll
    static void run() {
        study = MobileStudy.run(SCENARIO, 2);
    }

    @AfterAll
    static void close() {
        study.firstRun().close();
    }

    @Test
    void everyLatencyIsTheWaitForAWindowPlusTheRest() {
        Table d = study.deliveries();
        assertTrue(d.rowCount() > 50, "deliveries: " + d.rowCount());
        for (Row r : d) {
            double wait = r.getDouble("wait_s");
            assertTrue(wait >= 0, "wait " + wait);
            assertEquals(r.getDouble("latency_s"), wait + r.getDouble("rest_s"), 1e-9);
            assertTrue(r.getDouble("rest_s") >= -1e-9, "a device stores an event only while online: rest " + r.getDouble("rest_s"));
            if (r.getString("class").equals("desktop-peer")) {
                assertEquals(0, wait, "a desktop is always online");
            }
        }
        assertTrue(d.where(d.stringColumn("class").isEqualTo("iphone")).doubleColumn("wait_s").max() > 60,
                "an iPhone waits minutes for some window");
    }

    @Test
    void devicesCountTheirSwitchesAndDropsConsistently() {
        Table devices = study.devices();
        assertEquals(10, devices.rowCount());
        long timelineSwitches = study.firstRun().timeline().events().stream().filter(e -> e.kind().equals(SimEvent.SWITCH)).count();
        assertEquals(timelineSwitches, (long) devices.where(devices.intColumn("seed").isEqualTo(1)).intColumn("switches").sum());
        assertTrue(timelineSwitches > 0, "the iPhones switch 4 times an hour");
        for (Row r : devices) {
            assertTrue(r.getInt("stale_drops_while_online") <= r.getInt("stale_drops"));
            if (r.getString("class").equals("desktop-peer")) {
                assertEquals(0, r.getInt("switches"));
                assertEquals(1.0, r.getDouble("online_share"));
            }
        }
    }

    @Test
    void wakeUpsArePhoneWindowsAfterTheFirst() {
        Table w = study.wakeUps();
        assertTrue(w.rowCount() > 0);
        assertEquals(java.util.Set.of("iphone", "android"), java.util.Set.copyOf(w.stringColumn("class").asList()));
        for (Row r : w) {
            double lag = r.getDouble("first_packet_in_s");
            assertTrue(Double.isNaN(lag) || lag >= 0, "lag " + lag);
        }
        Table summary = MobileTables.wakeUpSummary(study);
        assertEquals(w.rowCount(), (int) summary.intColumn("windows").sum());
        assertFalse(summary.stringColumn("class").contains("desktop-peer"));
    }

    @Test
    void summariesHaveARowPerClassAndAddUp() {
        Table byClass = MobileTables.latencyByClass(study);
        assertEquals(List.of("desktop-peer", "iphone", "android"), byClass.stringColumn("class").asList());
        assertEquals(study.deliveries().rowCount(), (int) byClass.intColumn("deliveries").sum());
        for (Row r : byClass) {
            assertTrue(r.getDouble("p50_s") <= r.getDouble("p90_s") && r.getDouble("p90_s") <= r.getDouble("max_s"));
        }
        Table byAuthor = MobileTables.latencyByAuthor(study);
        assertEquals(List.of("from_class", "desktop-peer", "iphone", "android"), byAuthor.columnNames());
        Table cost = MobileTables.switchCost(study);
        assertEquals(0, cost.where(cost.stringColumn("class").isEqualTo("desktop-peer")).intColumn("switches").get(0));
        assertEquals((int) study.devices().intColumn("stale_drops").sum(), (int) cost.intColumn("stale_drops").sum());
    }

    @Test
    void theDayChartShowsOnePhoneOfEachClassThatWentOffline() {
        assertEquals(List.of("d02", "d04"), MobileCharts.shownDevices(study));
        XYChart day = MobileCharts.day(study);
        assertTrue(day.getSeriesMap().containsKey("d02 (iphone) online"), day.getSeriesMap().keySet().toString());
        assertEquals(2, MobileCharts.switchesAgainstStaleDrops(study).getSeriesMap().size());
    }

    @Test
    void theSameSeedsGiveTheSameTablesAndAnotherSeedOthers() {
        MobileStudy again = MobileStudy.run(SCENARIO, 1);
        try {
            Table d = study.deliveries();
            Table seed1 = d.where(d.intColumn("seed").isEqualTo(1));
            Table seed2 = d.where(d.intColumn("seed").isEqualTo(2));
            assertEquals(columns(seed1), columns(again.deliveries()));
            Table devices = study.devices();
            assertEquals(columns(devices.where(devices.intColumn("seed").isEqualTo(1))), columns(again.devices()));
            assertEquals(columns(study.wakeUps().where(study.wakeUps().intColumn("seed").isEqualTo(1))), columns(again.wakeUps()));
            assertNotEquals(seed1.column("latency_s").asList(), seed2.column("latency_s").asList());
        } finally {
            again.firstRun().close();
        }
    }

    private static List<List<?>> columns(Table t) {
        return t.columns().stream().<List<?>>map(c -> c.asList()).toList();
    }

    @Test
    void noSeedsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MobileStudy.run(SCENARIO, 0));
        assertTrue(e.getMessage().contains("seeds") && e.getMessage().contains("0"), e.getMessage());
    }
}
