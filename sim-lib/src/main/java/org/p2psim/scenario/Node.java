package org.p2psim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sync.ParamSource;
import org.p2psim.sync.ParamValue;

/**
 * One value of a scenario's YAML tree with its path, for validated binding: every reader either
 * returns a checked value or throws a {@link ScenarioException} naming the source, the path, the
 * value and what is allowed. A missing key and an explicit YAML null are both "missing".
 */
public final class Node implements ParamValue {
    private final String source;
    private final String path;
    private final JsonNode json;

    Node(String source, String path, JsonNode json) {
        this.source = source;
        this.path = path;
        this.json = json;
    }

    static Node root(String source, JsonNode json) {
        return new Node(source, "", json);
    }

    public String path() {
        return path;
    }

    public String source() {
        return source;
    }

    public JsonNode json() {
        return json;
    }

    public boolean isMissing() {
        return json == null || json.isNull() || json.isMissingNode();
    }

    public boolean isMap() {
        return !isMissing() && json.isObject();
    }

    public boolean isList() {
        return !isMissing() && json.isArray();
    }

    /** An error about this value: {@code detail} starts with the verb. */
    public ScenarioException error(String detail) {
        return new ScenarioException(source, path, detail);
    }

    /** "must be …, was X" about this value. */
    public ScenarioException mustBe(String allowed) {
        return error("must be " + allowed + ", was " + describe());
    }

    /** How the value reads in a message: numbers plain, text quoted, maps and lists by kind. */
    public String describe() {
        if (isMissing()) {
            return "empty";
        }
        if (json.isTextual()) {
            return "'" + json.asText() + "'";
        }
        if (json.isObject()) {
            return "a map";
        }
        if (json.isArray()) {
            return "a list";
        }
        return json.asText();
    }

    /** Throws "is required (…)" when missing; returns this otherwise. */
    public Node required(String allowed) {
        if (isMissing()) {
            throw error("is required (" + allowed + ")");
        }
        return this;
    }

    /** The keys of a map, which must all be among {@code known}; throws on the first unknown one. */
    public Fields fields(String what, String... known) {
        if (!isMap()) {
            throw mustBe(what);
        }
        Set<String> knownSet = new LinkedHashSet<>(List.of(known));
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!knownSet.contains(key)) {
                String where = childPath(key);
                throw ScenarioException.worded(source, where, "unknown field " + where + "; known: " + String.join(", ", known));
            }
        }
        return new Fields(this);
    }

    /** The value under {@code key} of a map (missing when absent). */
    Node child(String key) {
        return new Node(source, childPath(key), json == null ? null : json.get(key));
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The elements of a list. */
    public List<Node> elements(String what) {
        if (!isList()) {
            throw mustBe(what);
        }
        List<Node> result = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            result.add(new Node(source, path + "[" + i + "]", json.get(i)));
        }
        return result;
    }

    // ---- scalars ----

    public String text(String allowed) {
        if (isMissing() || !json.isValueNode() || json.asText().isBlank()) {
            throw mustBe(allowed);
        }
        return json.asText();
    }

    /** A name: letters, digits, '-', '_' and '.', starting with a letter or digit. */
    public String name(String what) {
        String text = text(what + " (letters, digits, '-', '_' or '.')");
        if (!text.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw mustBe(what + " of letters, digits, '-', '_' or '.'");
        }
        return text;
    }

    public boolean bool() {
        if (!isMissing() && json.isBoolean()) {
            return json.booleanValue();
        }
        if (!isMissing() && json.isTextual() && (json.asText().equals("true") || json.asText().equals("false"))) {
            return json.asText().equals("true");
        }
        throw mustBe("true or false");
    }

    /** A number (also from text such as "1e-3"), finite. */
    public double number(String allowed) {
        Double value = numeric();
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw mustBe(allowed);
        }
        return value;
    }

    private Double numeric() {
        if (isMissing()) {
            return null;
        }
        if (json.isNumber()) {
            return json.doubleValue();
        }
        if (json.isTextual()) {
            try {
                return Double.parseDouble(json.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number in [min, max] (issue 12: every field has a stated range; a huge one is refused at load, not by a crash later). */
    public double numberIn(double min, double max, String unit) {
        String allowed = "a number in [" + plain(min) + ", " + plain(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
        double v = number(allowed);
        if (!(v >= min && v <= max)) {
            throw mustBe(allowed);
        }
        return v;
    }

    public double numberAtLeast(double min, String unit) {
        String allowed = "a number >= " + plain(min) + (unit.isEmpty() ? "" : " " + unit);
        double v = number(allowed);
        if (v < min) {
            throw mustBe(allowed);
        }
        return v;
    }

    public double probability() {
        double v = number("a probability in [0, 1]");
        if (!(v >= 0 && v <= 1)) {
            throw mustBe("a probability in [0, 1]");
        }
        return v;
    }

    public long wholeNumber(long min, long max) {
        String allowed = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a whole number"
                : max == Long.MAX_VALUE ? "a whole number >= " + min : "a whole number in [" + min + ", " + max + "]";
        Long v = integral();
        if (v == null || v < min || v > max) {
            throw mustBe(allowed);
        }
        return v;
    }

    public int integer(int min, int max) {
        return (int) wholeNumber(min, max);
    }

    private Long integral() {
        if (isMissing()) {
            return null;
        }
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return json.longValue();
        }
        if (json.isTextual()) {
            try {
                return Long.parseLong(json.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The longest duration any field takes: a year (a scenario's whole length is bounded further by its cost). */
    public static final Duration MAX_DURATION = Duration.ofDays(366);

    public Duration duration() {
        Duration d = parse(Units::parseDuration, Units.DURATION_FORMS);
        if (d.compareTo(MAX_DURATION) > 0) {
            throw mustBe("a duration of at most 366d");
        }
        return d;
    }

    public Duration positiveDuration() {
        Duration d = duration();
        if (d.isZero()) {
            throw mustBe("a duration > 0 such as 250ms, 10s or 5m");
        }
        return d;
    }

    public double rate() {
        if (!isMissing() && json.isNumber()) {
            double v = json.doubleValue();
            if (!(v >= 1)) {
                throw mustBe("at least 1 byte per second (or unlimited)");
            }
            return v;
        }
        double v = parse(Units::parseRate, Units.RATE_FORMS);
        if (!(v >= 1)) {
            throw mustBe("at least 1 byte per second (or unlimited)");
        }
        return v;
    }

    public long size(long min) {
        if (!isMissing() && json.isIntegralNumber()) {
            long v = json.longValue();
            if (v < min) {
                throw mustBe("a size >= " + min + " bytes");
            }
            return v;
        }
        long v = parse(Units::parseSize, Units.SIZE_FORMS);
        if (v < min) {
            throw mustBe("a size >= " + min + " bytes");
        }
        return v;
    }

    private <T> T parse(Function<String, T> parser, String forms) {
        if (isMissing() || !json.isValueNode() || json.isBoolean()) {
            throw mustBe(forms);
        }
        try {
            return parser.apply(json.asText());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** One of {@code allowed}, as written. */
    public String oneOf(List<String> allowed) {
        String what = "one of " + allowed;
        if (isMissing() || !json.isValueNode()) {
            throw mustBe(what);
        }
        String text = json.asText();
        if (!allowed.contains(text)) {
            throw mustBe(what);
        }
        return text;
    }

    /** A list of distinct names (a single name counts as a list of one). */
    public List<String> names(String what) {
        if (!isMissing() && json.isValueNode()) {
            return List.of(name(what));
        }
        List<String> result = new ArrayList<>();
        for (Node element : elements("a list of " + what + "s")) {
            String name = element.name(what);
            if (result.contains(name)) {
                throw error("names '" + name + "' twice");
            }
            result.add(name);
        }
        return result;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The fields of one map, all checked against the known keys. */
    public static final class Fields implements ParamSource {
        private final Node map;

        Fields(Node map) {
            this.map = map;
        }

        public Node get(String key) {
            return map.child(key);
        }

        public boolean has(String key) {
            return !get(key).isMissing();
        }

        public Node node() {
            return map;
        }

        @Override
        public ScenarioException error(String detail) {
            return map.error(detail);
        }

        public Duration duration(String key, Duration otherwise) {
            Node n = get(key);
            return n.isMissing() ? otherwise : n.duration();
        }

        public Duration positiveDuration(String key, Duration otherwise) {
            Node n = get(key);
            return n.isMissing() ? otherwise : n.positiveDuration();
        }

        public int integer(String key, int min, int max, int otherwise) {
            Node n = get(key);
            return n.isMissing() ? otherwise : n.integer(min, max);
        }

        public double probability(String key, double otherwise) {
            Node n = get(key);
            return n.isMissing() ? otherwise : n.probability();
        }

        public boolean bool(String key, boolean otherwise) {
            Node n = get(key);
            return n.isMissing() ? otherwise : n.bool();
        }

        public String text(String key, String allowed, String otherwise) {
            Node n = get(key);
            return n.isMissing() ? otherwise : n.text(allowed);
        }
    }
}
