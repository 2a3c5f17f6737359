package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.p2psim.inspect.render.Json;
import tech.tablesaw.api.Table;

/** Tables as JSON, the way every inspection prints them (NaN and missing values as null). */
public final class Tables {
    private Tables() {}

    /** Every row of {@code table} as a JSON object of its columns. */
    public static ArrayNode rowsJson(Table table) {
        return Json.rows(table);
    }
}
