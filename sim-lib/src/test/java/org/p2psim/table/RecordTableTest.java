package org.p2psim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class RecordTableTest {
    enum Kind { CHUNK, META }

    record Row(String device, int chunksHeld, long bytes, double timeS, boolean complete, OptionalDouble completedS, Kind kind,
               @RecordTable.Name("fpr_%") Double fpr) {}

    @Test
    void oneColumnPerComponentInSnakeCaseAndOneRowPerRecord() {
        Table t = RecordTable.of("files", Row.class, List.of(
                new Row("alice", 3, 1500L, 1.5, true, OptionalDouble.of(2.0), Kind.META, 0.01),
                new Row("bob", 0, 0L, Double.NaN, false, OptionalDouble.empty(), Kind.CHUNK, null)));
        assertEquals("files", t.name());
        assertEquals(List.of("device", "chunks_held", "bytes", "time_s", "complete", "completed_s", "kind", "fpr_%"), t.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN,
                ColumnType.DOUBLE, ColumnType.STRING, ColumnType.DOUBLE), List.of(t.typeArray()));
        assertEquals(2, t.rowCount());
        assertEquals(3, t.intColumn("chunks_held").get(0));
        assertEquals(1500L, t.longColumn("bytes").get(0));
        assertEquals("META", t.stringColumn("kind").get(0));
        assertTrue(t.doubleColumn("completed_s").isMissing(1), "an empty optional is a missing cell");
        assertTrue(t.doubleColumn("fpr_%").isMissing(1), "a null is a missing cell");
        assertTrue(t.doubleColumn("time_s").isMissing(1), "NaN is missing, as Tablesaw has it");
    }

    @Test
    void anEmptyListStillHasTheColumns() {
        Table t = RecordTable.of("none", Row.class, List.of());
        assertEquals(0, t.rowCount());
        assertEquals(8, t.columnCount());
    }

    @Test
    void snakeCaseKeepsDigitsWithTheirWord() {
        assertEquals("p99_latency_s", RecordTable.snakeCase("p99LatencyS"));
        assertEquals("device", RecordTable.snakeCase("device"));
    }
}
