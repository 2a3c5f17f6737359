package org.p2psim.inspect.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** JSON helpers: numbers as the run directory writes them (NaN as null, whole numbers as integers), tables as rows. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** {@code v} under {@code key}: null when NaN or infinite, an integer when whole. */
    public static void number(ObjectNode node, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            node.putNull(key);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            node.put(key, (long) v);
        } else {
            node.put(key, v);
        }
    }

    public static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = object();
        values.forEach((k, v) -> number(node, k, v == null ? Double.NaN : v));
        return node;
    }

    /** Every row of {@code table} as an object of its columns; missing values as null. */
    public static ArrayNode rows(Table table) {
        ArrayNode rows = array();
        for (Row row : table) {
            ObjectNode o = rows.addObject();
            for (Column<?> c : table.columns()) {
                String name = c.name();
                if (c.isMissing(row.getRowNumber())) {
                    o.putNull(name);
                    continue;
                }
                ColumnType type = c.type();
                if (type == ColumnType.LONG) {
                    o.put(name, row.getLong(name));
                } else if (type == ColumnType.INTEGER) {
                    o.put(name, row.getInt(name));
                } else if (type == ColumnType.SHORT) {
                    o.put(name, row.getShort(name));
                } else if (type == ColumnType.DOUBLE) {
                    number(o, name, row.getDouble(name));
                } else if (type == ColumnType.FLOAT) {
                    number(o, name, row.getFloat(name));
                } else if (type == ColumnType.BOOLEAN) {
                    o.put(name, row.getBoolean(name));
                } else {
                    o.put(name, c.getString(row.getRowNumber()));
                }
            }
        }
        return rows;
    }
}
