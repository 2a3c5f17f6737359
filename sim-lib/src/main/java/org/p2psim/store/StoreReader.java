package org.p2psim.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sqlite.ProgressHandler;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The SQL read path of a store: a read-only connection opened on first use, prepared reads kept per
 * SQL text, and result sets turned into Tablesaw tables. Every read writes the pending batch first,
 * so it sees every insert made so far.
 */
final class StoreReader {
    /** Prepared read statements kept per SQL text; far more than the client's handful means a caller builds SQL by hand. */
    private static final int MAX_CACHED_STATEMENTS = 64;
    /** SQLite virtual-machine steps between two looks at a statement's deadline. */
    private static final int PROGRESS_STEPS = 10_000;

    private final Path file;
    private final String deviceName;
    private final BatchWriter writer;
    private Connection reader;
    private final Map<String, PreparedStatement> readStatements = new LinkedHashMap<>(16, 0.75f, true);

    StoreReader(Path file, String deviceName, BatchWriter writer) {
        this.file = file;
        this.deviceName = deviceName;
        this.writer = writer;
    }

    /** One SQL statement on a file without an open store (see {@link DeviceStore#queryFile}). */
    static ReadOnlySql.Rows queryFile(Path file, String sql, ReadOnlySql.Limits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sql, "sql");
        String device = Schema.validate(file);
        checkShape(file, sql);
        try (Connection c = StoreFile.openForeign(file)) {
            return run(file, device, c, sql, limits);
        } catch (SQLException e) {
            throw queryFailed(file, sql, e, limits);
        }
    }

    /** One SQL statement as a table (see {@link DeviceStore#query}). */
    ReadOnlySql.Rows query(String sql, ReadOnlySql.Limits limits) {
        Objects.requireNonNull(sql, "sql");
        checkShape(file, sql);
        writer.writePending();
        try {
            return run(file, deviceName, reader(), sql, limits);
        } catch (SQLException e) {
            throw queryFailed(file, sql, e, limits);
        }
    }

    private static void checkShape(Path file, String sql) {
        try {
            ReadOnlySql.checkShape(sql);
        } catch (ReadOnlySql.Refused e) {
            throw refusal(file, sql, e);
        }
    }

    private static StoreException refusal(Path file, String sql, ReadOnlySql.Refused e) {
        return new StoreException(file + ": query refused: " + e.getMessage() + "; query: " + sql, e);
    }

    // The progress handler interrupts the statement at its deadline, while it computes and while rows stream.
    private static ReadOnlySql.Rows run(Path file, String name, Connection c, String sql, ReadOnlySql.Limits limits)
            throws SQLException {
        try {
            ReadOnlySql.check(c, sql);
        } catch (ReadOnlySql.Refused e) {
            throw refusal(file, sql, e);
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        ProgressHandler.setHandler(c, PROGRESS_STEPS, new ProgressHandler() {
            @Override
            protected int progress() {
                return System.nanoTime() > deadline ? 1 : 0;
            }
        });
        try (Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                throw new StoreException(file + ": the query returned no result set; query: " + sql);
            }
            try (ResultSet rs = st.getResultSet()) {
                return toRows(name, rs, limits.maxRows());
            }
        } finally {
            ProgressHandler.clearHandler(c);
        }
    }

    private static StoreException queryFailed(Path file, String sql, SQLException e) {
        return new StoreException(file + ": query failed: " + e.getMessage() + "; query: " + sql, e);
    }

    private static StoreException queryFailed(Path file, String sql, SQLException e, ReadOnlySql.Limits limits) {
        if (String.valueOf(e.getMessage()).contains("SQLITE_INTERRUPT")) {
            return refusal(file, sql, new ReadOnlySql.Refused("it ran longer than the time limit of "
                    + limits.timeout().toMillis() / 1000.0 + " s"));
        }
        return queryFailed(file, sql, e);
    }

    /** One prepared read, every row mapped (see {@link DeviceStore#select}). */
    <T> List<T> select(String sql, DeviceStore.Binder binder, DeviceStore.RowReader<T> rows) {
        Objects.requireNonNull(sql, "sql");
        writer.writePending();
        try {
            PreparedStatement statement = readStatement(sql);
            statement.clearParameters();
            binder.bind(statement);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(rows.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw queryFailed(file, sql, e);
        }
    }

    private PreparedStatement readStatement(String sql) throws SQLException {
        PreparedStatement statement = readStatements.get(sql);
        if (statement == null) {
            statement = reader().prepareStatement(sql);
            readStatements.put(sql, statement);
            if (readStatements.size() > MAX_CACHED_STATEMENTS) {
                var eldest = readStatements.entrySet().iterator().next();
                readStatements.remove(eldest.getKey());
                eldest.getValue().close();
            }
        }
        return statement;
    }

    /** Copies the database, pending rows included, to the new file {@code target}. */
    void exportTo(Path target) {
        writer.writePending();
        try {
            StoreFile.vacuumInto(reader(), target);
        } catch (SQLException e) {
            throw new StoreException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Connection reader() throws SQLException {
        if (reader == null) {
            reader = StoreFile.openReader(file);
        }
        return reader;
    }

    /** The cached statements; the cache is emptied. */
    List<AutoCloseable> takeStatements() {
        List<AutoCloseable> all = new ArrayList<>(readStatements.values());
        readStatements.clear();
        return all;
    }

    /** The read connection, or null when no read has opened it. */
    Connection connection() {
        return reader;
    }

    // ---------------------------------------------------------------- result sets as tables

    private enum Kind { NONE, LONG, DOUBLE, STRING }

    /**
     * A result set as a table. Tablesaw's own JDBC reader is not used: sqlite-jdbc reports a
     * column's type from the value in the first row, so an INTEGER column whose first value fits in
     * an int becomes an IntColumn and overflows on microsecond timestamps further down. Here a
     * column's type follows all its values: integers → {@link LongColumn}, any real →
     * {@link DoubleColumn}, text or mixed → {@link StringColumn}, blobs → lowercase hex strings. A
     * column with only NULLs takes its declared type.
     */
    static Table toTable(String name, ResultSet rs) throws SQLException {
        return toRows(name, rs, Long.MAX_VALUE).table();
    }

    /** As {@link #toTable}, reading the first {@code maxRows} rows and stopping there. */
    static ReadOnlySql.Rows toRows(String name, ResultSet rs, long maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<List<Object>> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(new ArrayList<>());
        }
        long count = 0;
        boolean truncated = false;
        while (rs.next()) {
            if (count++ == maxRows) {
                truncated = true;
                break;
            }
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
        return new ReadOnlySql.Rows(table, truncated);
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
