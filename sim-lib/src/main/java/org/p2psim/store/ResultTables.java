package org.p2psim.store;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns an SQLite result set into a Tablesaw table.
 *
 * <p>Tablesaw's own JDBC reader is not used: sqlite-jdbc reports a column's type from the value in
 * the first row, so an INTEGER column whose first value fits in an int becomes an IntColumn and
 * overflows on microsecond timestamps further down. Here a column's type follows all its values:
 * integers → {@link LongColumn}, any real → {@link DoubleColumn}, text or mixed → {@link StringColumn},
 * blobs → lowercase hex strings. A column with only NULLs takes its declared type.
 */
final class ResultTables {
    private enum Kind { NONE, LONG, DOUBLE, STRING }

    private ResultTables() {}

    static Table toTable(String name, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<List<Object>> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(new ArrayList<>());
        }
        while (rs.next()) {
            for (int i = 0; i < n; i++) {
                values.get(i).add(rs.getObject(i + 1));
            }
        }
        Table table = Table.create(name);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String label = uniqueLabel(md.getColumnLabel(i + 1), used);
            table.addColumns(column(label, declaredKind(md.getColumnTypeName(i + 1)), values.get(i)));
        }
        return table;
    }

    // Tablesaw refuses two columns of one name (SELECT * over a join): the second becomes name_2.
    private static String uniqueLabel(String label, Set<String> used) {
        String candidate = label;
        for (int k = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); k++) {
            candidate = label + "_" + k;
        }
        return candidate;
    }

    private static Column<?> column(String label, Kind declared, List<Object> values) {
        Kind kind = Kind.NONE;
        for (Object v : values) {
            kind = widen(kind, v);
        }
        if (kind == Kind.NONE) {
            kind = declared;
        }
        return switch (kind) {
            case LONG -> longs(label, values);
            case DOUBLE -> doubles(label, values);
            case NONE, STRING -> strings(label, values);
        };
    }

    private static Kind widen(Kind kind, Object v) {
        if (v == null || kind == Kind.STRING) {
            return kind;
        }
        if (v instanceof Integer || v instanceof Long) {
            return kind == Kind.DOUBLE ? Kind.DOUBLE : Kind.LONG;
        }
        if (v instanceof Number) {
            return Kind.DOUBLE;
        }
        return Kind.STRING;
    }

    private static Kind declaredKind(String typeName) {
        String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return Kind.LONG;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Kind.DOUBLE;
        }
        return Kind.STRING;
    }

    private static LongColumn longs(String label, List<Object> values) {
        LongColumn col = LongColumn.create(label);
        for (Object v : values) {
            if (v == null) {
                col.appendMissing();
            } else {
                col.append(((Number) v).longValue());
            }
        }
        return col;
    }

    private static DoubleColumn doubles(String label, List<Object> values) {
        DoubleColumn col = DoubleColumn.create(label);
        for (Object v : values) {
            if (v == null) {
                col.appendMissing();
            } else {
                col.append(((Number) v).doubleValue());
            }
        }
        return col;
    }

    private static StringColumn strings(String label, List<Object> values) {
        StringColumn col = StringColumn.create(label);
        for (Object v : values) {
            if (v == null) {
                col.appendMissing();
            } else if (v instanceof byte[] bytes) {
                col.append(HexFormat.of().formatHex(bytes));
            } else {
                col.append(v.toString());
            }
        }
        return col;
    }
}
