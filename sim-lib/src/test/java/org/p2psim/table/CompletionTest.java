package org.p2psim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Completion times over runs: the uploader (0) left out, the not completed (NaN) counted but not timed. */
class CompletionTest {
    @Test
    void medianP90AndLastOfThoseThatCompleted() {
        Table a = Table.create("a", DoubleColumn.create("completed_s", new double[] {0, 30, 10, Double.NaN}));
        Table b = Table.create("b", DoubleColumn.create("completed_s", new double[] {0, 20, 40}));
        Table t = Completion.summary("two runs", "completed_s", a, b);
        assertEquals("two runs", t.stringColumn("run").get(0));
        assertEquals(5, t.intColumn("devices").get(0));
        assertEquals(4, t.intColumn("completed").get(0));
        assertEquals(30.0, t.doubleColumn("median_s").get(0));
        assertEquals(40.0, t.doubleColumn("p90_s").get(0));
        assertEquals(40.0, t.doubleColumn("last_s").get(0));
    }

    @Test
    void noneCompletedReadsNotANumber() {
        Table a = Table.create("a", DoubleColumn.create("completed_s", new double[] {0, Double.NaN}));
        Table t = Completion.summary("stalled", "completed_s", a);
        assertEquals(0, t.intColumn("completed").get(0));
        assertTrue(t.doubleColumn("last_s").isMissing(0), "no time: shown as \"—\"");
    }
}
