package org.p2psim.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.p2psim.inspect.render.Json;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * The outcome of one assertion (seed 004 §9, "Automated Verification"): its name, whether it
 * passed, what was expected and what was measured (both in words a reader can check), and detail
 * that says where the numbers come from or what went wrong.
 *
 * <pre>{@code
 * FAIL fpr_below: expected false-positive rate < 0.001, measured 0.0043 (112 of 26 050 tests of events the peer lacked)
 * }</pre>
 */
public record AssertionResult(String name, boolean passed, String expected, String measured, String detail) {

    public AssertionResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(measured, "measured");
        detail = detail == null ? "" : detail;
    }

    /** As JSON: name, passed, expected, measured, detail. */
    public ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("passed", passed);
        o.put("expected", expected);
        o.put("measured", measured);
        o.put("detail", detail);
        return o;
    }

    /** Results as a table: name, passed, expected, measured, detail. */
    public static Table table(List<AssertionResult> results) {
        return RecordTable.of("assertions", AssertionResult.class, results);
    }

    /** Results as JSON: {@code {passed, count, failed, results: [...]}}. */
    public static ObjectNode json(List<AssertionResult> results) {
        ObjectNode root = Json.object();
        long failed = results.stream().filter(r -> !r.passed).count();
        root.put("passed", failed == 0);
        root.put("count", results.size());
        root.put("failed", failed);
        ArrayNode list = root.putArray("results");
        results.forEach(r -> list.add(r.json()));
        return root;
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + name + ": expected " + expected + ", measured " + measured
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
