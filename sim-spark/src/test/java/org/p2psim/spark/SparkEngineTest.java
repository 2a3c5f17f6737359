package org.p2psim.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.experiment.Sweep;
import tech.tablesaw.api.Table;

/** A sweep on Spark in local mode gives the local engine's table, row for row, and the same rows as Parquet. */
class SparkEngineTest {

    private static Sweep sweep() {
        return Sweep.of("two-peers", Map.of("duration", "2m", "crypto.signatures", "fast"))
                .vary("net.loss", 0.0, 0.2).seeds(2);
    }

    @Test
    void sparkRowsEqualTheLocalEnginesAndParquetHasThem(@TempDir Path dir) {
        Table local = sweep().threads(2).run();
        SparkEngine engine = SparkEngine.master("local[2]");
        Table spark = sweep().on(engine).runInto(dir);
        assertEquals(4, spark.rowCount());
        assertEquals(local.write().toString("csv"), spark.write().toString("csv"));

        List<Row> parquet = engine.session().read().parquet(dir.resolve(SparkEngine.PARQUET).toString())
                .orderBy(col("`net.loss`"), col("seed")).collectAsList();
        assertEquals(local.rowCount(), parquet.size());
        for (int i = 0; i < parquet.size(); i++) {
            assertEquals(local.stringColumn("traceSha256").get(i), parquet.get(i).getAs("traceSha256"));
            assertEquals(local.doubleColumn("packets_sent").get(i), parquet.get(i).<Double>getAs("packets_sent"));
        }
    }
}
