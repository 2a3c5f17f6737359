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
        List<DataType> types = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            types.add(type(c.type()));
            fields.add(DataTypes.createStructField(c.name(), types.get(types.size() - 1), true));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] values = new Object[table.columnCount()];
            for (int i = 0; i < values.length; i++) {
                Column<?> c = table.column(i);
                values[i] = c.isMissing(r) ? null : value(c.get(r), types.get(i));
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    /** The cell as the Java type Spark expects for {@code type}: a column Spark gets as text is text, whatever its cells are. */
    private static Object value(Object v, DataType type) {
        if (type == DataTypes.DoubleType) {
            return ((Number) v).doubleValue();
        }
        if (type == DataTypes.IntegerType) {
            return ((Number) v).intValue();
        }
        if (type == DataTypes.LongType) {
            return ((Number) v).longValue();
        }
        return type == DataTypes.BooleanType ? v : String.valueOf(v);
    }

    /** By the type's name: a DoubleColumn's type() is not the instance ColumnType.DOUBLE (Tablesaw 0.44). */
    private static DataType type(ColumnType t) {
        return switch (t.name()) {
            case "DOUBLE", "FLOAT" -> DataTypes.DoubleType;
            case "INTEGER", "SHORT" -> DataTypes.IntegerType;
            case "LONG" -> DataTypes.LongType;
            case "BOOLEAN" -> DataTypes.BooleanType;
            default -> DataTypes.StringType;
        };
    }
}
