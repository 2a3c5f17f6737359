package org.p2psim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import org.p2psim.Simulation;
import org.p2psim.scenario.Scenario;
import tech.tablesaw.api.Table;

/** The dashboard of one run: every part in order, and the same content for the same seed. */
class DashboardTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Scenario small() {
        return Scenario.load("perfect-sync").with("duration", "3m").with("workload.messages.until", "2m")
                .with("devices.count", "4");
    }

    @Test
    void aRunOfPerfectSyncGivesEveryPartInOrder(@TempDir Path dir) {
        RunResult run = ScenarioRun.of(small()).seed(7).directory(dir.resolve("run")).run();
        Dashboard d = Dashboard.of(run);
        assertEquals(List.of("Devices", "Metrics", "Completeness over time", "Latency", "Bandwidth by packet type",
                "Undelivered packets", "Expected outcomes", "Peers"), d.parts().stream().map(Dashboard.Part::title).toList());
        Table devices = d.devices();
        assertEquals(List.of("device", "profile", "account", "online", "online_share", "held", "completeness"), devices.columnNames());
        assertEquals(4, devices.rowCount());
        assertInstanceOf(Table.class, d.part("Metrics").content());
        assertInstanceOf(Chart.class, d.part("Completeness over time").content());
        assertInstanceOf(Chart.class, d.part("Latency").content());
        assertInstanceOf(Chart.class, d.part("Bandwidth by packet type").content());
        Table expectations = (Table) d.part("Expected outcomes").content();
        assertEquals(Expectations.readableTable(run.expectations()).print(), expectations.print(), "the readable form");
        assertEquals(List.of("check", "met", "verdict", "read at", "note"), expectations.columnNames());
        assertInstanceOf(RenderedImage.class, d.part("Peers").content());
        String html = d.html();
        assertTrue(html.startsWith("<div class=\"p2psim-dashboard\""), html.substring(0, 80));
        assertTrue(html.contains("perfect-sync · seed 7"), "heading");
        assertEquals(4, html.split("data:image/png;base64,", -1).length - 1, "three charts and the picture");
        assertTrue(d.text().contains("== Expected outcomes =="));
        assertThrows(IllegalArgumentException.class, () -> d.part("nothing"));
    }

    @Test
    void theSameSeedGivesTheSameDashboard() {
        Scenario s = small().with("devices.profiles", "{active: 3, mobile-ios: 1}");
        String[] html = new String[2];
        for (int i = 0; i < 2; i++) {
            try (Simulation sim = ScenarioRun.of(s).seed(11).build()) {
                sim.runFor(s.duration());
                Dashboard d = Dashboard.of(s, sim);
                assertEquals(List.of("active", "active", "active", "mobile-ios"), d.devices().stringColumn("profile").asList());
                html[i] = d.html();
            }
        }
        assertEquals(html[0], html[1]);
    }
}
