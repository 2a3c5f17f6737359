package org.p2psim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.metrics.facts.EventFacts;
import org.p2psim.metrics.facts.Facts;
import org.p2psim.metrics.facts.PresenceFacts;
import tech.tablesaw.api.Table;

/** The registry of summary metrics is the one list: summaryMap, summary(), the docs, the package documentation. */
class SummaryMetricsTest {
    private static final Path PACKAGE_INFO = Path.of("src/main/java/org/p2psim/metrics/package-info.java");

    @Test
    void everyMetricIsDeclaredOnceWithAUnitAndADescription() {
        assertEquals(SummaryMetrics.ALL.size(), new HashSet<>(SummaryMetrics.NAMES).size(), "names are unique");
        for (SummaryMetric m : SummaryMetrics.ALL) {
            assertFalse(m.unit().isBlank(), m.name());
            assertFalse(m.description().isBlank(), m.name());
        }
    }

    @Test
    void summaryMapSummaryAndDocsFollowTheRegistry() {
        Metrics m = new Metrics();
        assertEquals(SummaryMetrics.NAMES, List.copyOf(m.summaryMap().keySet()));
        assertEquals(SummaryMetrics.NAMES, Metrics.summaryKeys());
        assertEquals(SummaryMetrics.NAMES, m.summary().stringColumn("metric").asList());
        Table docs = Metrics.metricDocs();
        assertEquals(SummaryMetrics.NAMES, docs.stringColumn("metric").asList());
    }

    @Test
    void thePackageDocumentationDefinesEveryMetric() throws IOException {
        String doc = Files.readString(PACKAGE_INFO);
        List<String> undocumented = new ArrayList<>();
        for (String name : SummaryMetrics.NAMES) {
            if (!doc.contains("{@code " + name + "}")) {
                undocumented.add(name);
            }
        }
        assertTrue(undocumented.isEmpty(), "metrics without a definition in metrics/package-info.java: " + undocumented);
    }

    @Test
    void aNarrowListenerIsEnoughToReportFacts() {
        Metrics m = new Metrics();
        PresenceFacts presence = m;
        EventFacts events = m;
        Facts all = m;
        presence.device("a", 0);
        presence.device("b", 0);
        events.eventCreated("e1", "a", 0);
        events.eventStored("a", "e1", 100, 0);
        events.eventStored("b", "e1", 100, 2_000_000);
        all.duplicate("b");
        assertEquals(1.0, m.summaryMap().get("converged"));
        assertEquals(2.0, m.summaryMap().get("delivery_max_s"));
        assertEquals(1.0, m.summaryMap().get("duplicates"));
    }
}
