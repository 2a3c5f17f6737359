package org.p2psim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.p2psim.sync.registry.Strategies;

/**
 * Sets one field of a scenario's YAML tree by its path before the tree is bound, so that an
 * override is checked exactly like the same value written in the file.
 *
 * <p>Paths are dotted keys with list indices as {@code [i]} or {@code .i}: {@code net.loss},
 * {@code sync.bytes}, {@code schedule[1].at}, {@code schedule.1.at}. The value is read as YAML, so
 * {@code 0.2} is a number, {@code 10m} text, {@code [a, b]} a list and {@code {mean: 80ms}} a map;
 * an empty value removes the field (it takes its default). Missing maps on the way are created;
 * index {@code n} of a list of {@code n} entries appends one.
 *
 * <p>{@code sync.strategy} set to another strategy than the scenario's empties the {@code sync}
 * section first: the old strategy's parameters mean nothing to the new one, which starts from its
 * own defaults. A map of overrides applies it before any other, so {@code sync.strategy=gossip-push}
 * with {@code sync.fanout=4} works in either order.
 *
 * <p>{@code net.nat.default} set to a preset puts every device behind it: it removes the section's
 * {@code mix} and per-profile {@code profiles} (its {@code cellular}, the NAT after a switch, stays);
 * it too applies before the other overrides of a map.
 */
public final class Overrides {
    /** The path whose change resets the sync section. */
    public static final String SYNC_STRATEGY = "sync.strategy";
    /** The path that puts every device behind one NAT preset. */
    public static final String NAT_DEFAULT = "net.nat.default";
    /** The paths applied before the other overrides of a map, because they reset part of their section. */
    public static final List<String> RESETTING = List.of(SYNC_STRATEGY, NAT_DEFAULT);

    private Overrides() {}

    /** Parses "key=value" as given to {@code --set}. */
    public static String[] split(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ScenarioException("", "", "--set must be key=value (e.g. net.loss=0.2), was '" + assignment + "'");
        }
        return new String[] {assignment.substring(0, eq).strip(), assignment.substring(eq + 1)};
    }

    /** Sets {@code path} to {@code value} (YAML) in {@code root}; {@code source} names the scenario in errors. */
    public static void apply(ObjectNode root, String path, String value, String source) {
        String label = "--set " + path + "=" + value;
        List<Object> steps = parsePath(path, source, label);
        JsonNode parsed = parseValue(value, source, label);
        if (path.equals(SYNC_STRATEGY) && root.get("sync") instanceof ObjectNode sync) {
            JsonNode old = sync.get("strategy");
            String before = old == null || old.isNull() ? Strategies.DEFAULT : old.asText();
            String after = parsed.isNull() ? Strategies.DEFAULT : parsed.asText();
            if (!before.equals(after)) {
                sync.removeAll();
            }
        }
        if (path.equals(NAT_DEFAULT) && !parsed.isNull() && root.path("net").get("nat") instanceof ObjectNode nat) {
            nat.remove(List.of("mix", "profiles"));
        }
        JsonNode current = root;
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = keyFor(current, steps.get(i));
            Object next = steps.get(i + 1);
            JsonNode child = childOf(current, step, where, source, label);
            if (child == null || child.isNull()) {
                child = next instanceof Integer ? root.arrayNode() : root.objectNode();
                put(current, step, child, where, source, label);
            }
            append(where, step);
            if (!child.isContainerNode() || (next instanceof String && !child.isObject())) {
                throw new ScenarioException(source, "", label + ": " + where + " is " + describe(child) + ", not a map");
            }
            current = child;
        }
        put(current, keyFor(current, steps.get(steps.size() - 1)), parsed, where, source, label);
    }

    /** A numeric step names a map key when it meets a map (e.g. a device called "7"). */
    private static Object keyFor(JsonNode current, Object step) {
        return step instanceof Integer index && current.isObject() ? String.valueOf(index) : step;
    }

    private static JsonNode childOf(JsonNode current, Object step, StringBuilder where, String source, String label) {
        if (step instanceof Integer index) {
            ArrayNode array = (ArrayNode) current;
            if (index > array.size()) {
                throw outOfRange(array, index, where, source, label);
            }
            return index == array.size() ? null : array.get(index);
        }
        return current.get((String) step);
    }

    private static void put(JsonNode current, Object step, JsonNode value, StringBuilder where, String source, String label) {
        if (step instanceof Integer index) {
            ArrayNode array = (ArrayNode) current;
            if (index > array.size()) {
                throw outOfRange(array, index, where, source, label);
            }
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else if (value.isNull()) {
            ((ObjectNode) current).remove((String) step);
        } else {
            ((ObjectNode) current).set((String) step, value);
        }
    }

    private static ScenarioException outOfRange(ArrayNode array, int index, CharSequence where, String source, String label) {
        return new ScenarioException(source, "", label + ": " + where + " has " + array.size() + " entries; index " + index
                + " is out of range (use " + array.size() + " to append)");
    }

    private static void append(StringBuilder where, Object step) {
        if (step instanceof Integer index) {
            where.append('[').append(index).append(']');
        } else {
            if (where.length() > 0) {
                where.append('.');
            }
            where.append(step);
        }
    }

    private static List<Object> parsePath(String path, String source, String label) {
        List<Object> steps = new ArrayList<>();
        if (!path.matches("[A-Za-z0-9_-]+(\\[\\d+\\]|\\.[A-Za-z0-9_-]+)*")) {
            throw new ScenarioException(source, "", label + ": the key must be a field path such as net.loss or schedule[1].at, was '"
                    + path + "'");
        }
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            steps.add(key.matches("\\d+") && !steps.isEmpty() ? (Object) Integer.valueOf(key) : key);
            if (bracket >= 0) {
                for (String index : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) {
                    steps.add(Integer.valueOf(index));
                }
            }
        }
        if (steps.get(0) instanceof Integer) {
            throw new ScenarioException(source, "", label + ": a path starts with a field name, was '" + path + "'");
        }
        return steps;
    }

    private static JsonNode parseValue(String value, String source, String label) {
        if (value.isBlank()) {
            return NullNode.getInstance();
        }
        if (value.length() > ScenarioFiles.MAX_FILE_BYTES) {
            throw new ScenarioException(source, "", label + ": the value has " + value.length() + " characters; at most "
                    + ScenarioFiles.MAX_FILE_BYTES + " are allowed");
        }
        try {
            JsonNode node = ScenarioFiles.YAML.readTree(value);
            ScenarioFiles.refuseAliases(value, source + " (" + label + ")");
            return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, "", label + ": the value is not valid YAML (" + ScenarioFiles.firstLine(e) + ")");
        }
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a map";
        }
        return node.asText();
    }
}
