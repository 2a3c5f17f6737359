package org.p2psim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables as Spark data frames: decimals, integers, booleans and text, column for column. */
final class Frames {
    private Frames() {}

    static Dataset<Row> of(SparkSession spark, Table table) {
        List<StructField> fields = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            fields.add(DataTypes.createStructField(c.name(), type(c.type()), true));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] values = new Object[table.columnCount()];
            for (int i = 0; i < values.length; i++) {
                Column<?> c = table.column(i);
                values[i] = c.isMissing(r) ? null : value(c, r);
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    private static Object value(Column<?> c, int row) {
        Object v = c.get(row);
        return v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
    }

    private static DataType type(ColumnType t) {
        if (t == ColumnType.DOUBLE) {
            return DataTypes.DoubleType;
        }
        if (t == ColumnType.INTEGER) {
            return DataTypes.IntegerType;
        }
        if (t == ColumnType.LONG) {
            return DataTypes.LongType;
        }
        if (t == ColumnType.BOOLEAN) {
            return DataTypes.BooleanType;
        }
        return DataTypes.StringType;
    }
}
