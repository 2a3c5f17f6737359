package org.p2psim.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table of records: {@code RecordTable.of("devices", DeviceRow.class, rows)} has one column per
 * component of {@code DeviceRow}, in declaration order, and one row per record.
 *
 * <p>Column types follow the component types: {@code int}/{@link Integer}/{@link OptionalInt} →
 * integer, {@code long}/{@link Long}/{@link OptionalLong} → long, {@code double}/{@link Double}/
 * {@link OptionalDouble} → double, {@code boolean}/{@link Boolean} → boolean, anything else →
 * its {@code toString()} as text. A null or empty value is a missing cell (a double {@code NaN}
 * is missing too, as Tablesaw has it). Column names are the component names in snake_case, so
 * {@code chunksHeld} becomes {@code chunks_held}; a component whose name needs more (a unit, a
 * symbol) carries {@link Name}.
 */
public final class RecordTable {
    private RecordTable() {}

    /** The column name of a component, where snake_case of its Java name is not the right one. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.RECORD_COMPONENT)
    public @interface Name {
        String value();
    }

    public static <R extends Record> Table of(String name, Class<R> type, Collection<? extends R> rows) {
        RecordComponent[] components = type.getRecordComponents();
        List<Column<?>> columns = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            columns.add(column(component, rows));
        }
        return Table.create(name, columns);
    }

    /** {@code camelCase} → {@code camel_case}; digits stay with the word before them. */
    public static String snakeCase(String javaName) {
        StringBuilder b = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String columnName(RecordComponent component) {
        Name name = component.getAnnotation(Name.class);
        return name != null ? name.value() : snakeCase(component.getName());
    }

    private static Column<?> column(RecordComponent component, Collection<? extends Record> rows) {
        Column<?> column = emptyColumn(component.getType(), columnName(component));
        boolean text = column instanceof StringColumn;
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        for (Record row : rows) {
            Object v = present(value(accessor, row));
            if (v == null) {
                column.appendMissing();
            } else {
                column.appendObj(text ? v.toString() : v);
            }
        }
        return column;
    }

    private static Column<?> emptyColumn(Class<?> t, String name) {
        if (t == int.class || t == Integer.class || t == OptionalInt.class) {
            return IntColumn.create(name);
        } else if (t == long.class || t == Long.class || t == OptionalLong.class) {
            return LongColumn.create(name);
        } else if (t == double.class || t == Double.class || t == OptionalDouble.class) {
            return DoubleColumn.create(name);
        } else if (t == boolean.class || t == Boolean.class) {
            return BooleanColumn.create(name);
        }
        return StringColumn.create(name);
    }

    /** The value an optional holds, null for an empty one; any other value as it is. */
    private static Object present(Object v) {
        if (v instanceof OptionalInt o) {
            return o.isPresent() ? o.getAsInt() : null;
        } else if (v instanceof OptionalLong o) {
            return o.isPresent() ? o.getAsLong() : null;
        } else if (v instanceof OptionalDouble o) {
            return o.isPresent() ? o.getAsDouble() : null;
        }
        return v;
    }

    private static Object value(Method accessor, Record row) {
        try {
            return accessor.invoke(row);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read " + accessor.getName() + " of " + row.getClass().getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + accessor.getName() + " of " + row, e.getCause());
        }
    }
}
