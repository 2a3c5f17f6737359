package org.p2psim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.scenario.spec.Units;
import org.p2psim.workload.presence.Presence;
import org.p2psim.workload.Profile;

/**
 * Behaviour {@link Profile}s as scenario files hold them: the built-in library
 * {@code scenarios/profiles.yaml}, found like the built-in scenarios (the checkout's
 * {@code scenarios/}, else the jar) and read once, and the reading and writing of a profiles block
 * (that file, and a scenario's {@code workload.profiles}). A profile may start from another with
 * {@code like: NAME} and change some fields; nested maps (replies, connection, and presence of the
 * same kind) change field by field. Every field is documented in {@code scenarios/README.md}. A
 * broken file is an error that names the file, the field and the value, like any scenario error.
 *
 * <pre>{@code
 * Profile lurker = Profiles.builtin().get("lurker");
 * }</pre>
 */
public final class Profiles {
    /** The file's name in the scenarios directory, which is therefore not a scenario. */
    public static final String FILE = "profiles.yaml";
    /** Any per-hour rate of a profile at most: one a second. */
    static final double MAX_PER_HOUR = 3_600;
    static final List<String> FIELDS = List.of("description", "like", "postsPerHour", "readsPerHour", "pagesPerRead",
            "uploadsPerHour", "textLength", "downloads", "replies", "presence", "connection");
    static final List<String> PRESENCE_KINDS = List.of("always", "hours", "mobile");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static Map<String, Profile> builtin;

    private Profiles() {}

    // ================================================================ the built-in library

    /** The built-in profiles by name, in the file's order. */
    public static synchronized Map<String, Profile> builtin() {
        if (builtin == null) {
            String source = ScenarioFiles.RESOURCE_DIR + FILE;
            ScenarioFiles.Raw raw = ScenarioFiles.parse(text(source), source, "profiles");
            builtin = Collections.unmodifiableMap(readAll(Node.root(source, raw.tree()), Map.of()));
        }
        return builtin;
    }

    /** A built-in profile by name. */
    public static Profile get(String name) {
        Profile p = builtin().get(name);
        if (p == null) {
            throw new IllegalArgumentException("no built-in profile named '" + name + "'; built-ins: " + String.join(", ", builtin().keySet()));
        }
        return p;
    }

    private static String text(String source) {
        try {
            for (Path dir : ScenarioFiles.directories()) {
                Path file = dir.resolve(FILE);
                if (Files.isRegularFile(file)) {
                    return Files.readString(file);
                }
            }
            try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(source)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in profiles " + source, e);
        }
        throw new IllegalStateException("the built-in profiles " + source + " are missing from the scenarios directory and the jar");
    }

    // ================================================================ reading

    /**
     * The profiles of a map {@code name: {fields}}, in order; {@code like} may name one of
     * {@code known} or an earlier profile of the same map.
     */
    static Map<String, Profile> readAll(Node node, Map<String, Profile> known) {
        Map<String, Profile> result = new LinkedHashMap<>();
        if (node.isMissing()) {
            return result;
        }
        if (!node.isMap()) {
            throw node.mustBe("a map of profile name to profile fields");
        }
        for (var it = node.json().fieldNames(); it.hasNext(); ) {
            String name = it.next();
            Node entry = node.child(name);
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw entry.error("is not a valid profile name (letters, digits, '-', '_' or '.')");
            }
            Map<String, Profile> visible = new LinkedHashMap<>(known);
            visible.putAll(result);
            result.put(name, read(entry, name, visible));
        }
        return result;
    }

    /** One profile block; {@code known} are the profiles {@code like} may name. */
    static Profile read(Node node, String name, Map<String, Profile> known) {
        Node.Fields f = node.fields("a map of profile fields (" + String.join(", ", FIELDS) + ")", FIELDS.toArray(String[]::new));
        Node merged = node;
        if (f.has("like")) {
            String base = f.get("like").name("a profile name");
            Profile like = known.get(base);
            if (like == null) {
                throw f.get("like").mustBe("one of the profiles " + known.keySet());
            }
            merged = new Node(node.source(), node.path(), overlay(write(like), (ObjectNode) node.json()));
        }
        return bind(merged.fields("a map of profile fields", FIELDS.toArray(String[]::new)), name);
    }

    private static Profile bind(Node.Fields f, String name) {
        String description = f.has("description") ? f.get("description").text("text") : "";
        double posts = number(f, "postsPerHour", 0);
        double reads = number(f, "readsPerHour", 0);
        double pages = f.has("pagesPerRead") ? f.get("pagesPerRead").numberIn(1, 10_000, "pages") : 1;
        double uploads = number(f, "uploadsPerHour", 0);
        int textLength = f.integer("textLength", 1, org.p2psim.workload.Lorem.MAX_LENGTH, 80);
        double downloads = f.probability("downloads", 1);
        Profile.Replies replies = readReplies(f.get("replies"));
        Presence presence = readPresence(f.get("presence"));
        Profile.Connection connection = readConnection(f.get("connection"));
        return new Profile(name, description, posts, reads, pages, uploads, replies, textLength, downloads, presence, connection);
    }

    private static double number(Node.Fields f, String key, double otherwise) {
        return f.has(key) ? f.get(key).numberIn(0, MAX_PER_HOUR, "per hour") : otherwise;
    }

    private static Profile.Replies readReplies(Node node) {
        if (node.isMissing()) {
            return Profile.Replies.NEVER;
        }
        Node.Fields f = node.fields("a map with probability, after, spread and typingPerSecond", "probability", "after", "spread",
                "typingPerSecond");
        Profile.Replies d = Profile.Replies.NEVER;
        double probability = f.probability("probability", d.probability());
        Duration after = f.duration("after", d.after());
        double spread = f.has("spread") ? f.get("spread").numberIn(0, 100, "") : d.spread();
        double typing = d.typingPerSecond();
        if (f.has("typingPerSecond")) {
            typing = f.get("typingPerSecond").number("a number in (0, 1000] (characters a second)");
            if (!(typing > 0 && typing <= 1_000)) {
                throw f.get("typingPerSecond").mustBe("a number in (0, 1000] (characters a second)");
            }
        }
        return new Profile.Replies(probability, after, spread, typing);
    }

    private static Presence readPresence(Node node) {
        if (node.isMissing()) {
            return new Presence.Always();
        }
        if (node.json().isValueNode()) {
            String kind = node.oneOf(PRESENCE_KINDS);
            if (!kind.equals("always")) {
                throw node.error("must be a map with kind: " + kind + " and its fields; only always stands alone");
            }
            return new Presence.Always();
        }
        Node.Fields kindOnly = node.fields("a map with kind (" + String.join(", ", PRESENCE_KINDS) + ") and its fields",
                "kind", "from", "to", "jitter", "opensPerHour", "session", "refresh", "window");
        String kind = kindOnly.get("kind").required("one of " + PRESENCE_KINDS).oneOf(PRESENCE_KINDS);
        return switch (kind) {
            case "hours" -> readHours(node.fields("a map of hours fields", "kind", "from", "to", "jitter"));
            case "mobile" -> readMobile(node.fields("a map of mobile fields", "kind", "opensPerHour", "session", "refresh",
                    "window"));
            default -> {
                node.fields("a map with only kind", "kind");
                yield new Presence.Always();
            }
        };
    }

    private static Presence.Hours readHours(Node.Fields f) {
        LocalTime from = timeOfDay(f.get("from").required("a time of day such as \"09:00\""));
        LocalTime to = timeOfDay(f.get("to").required("a time of day such as \"17:30\""));
        if (!from.isBefore(to)) {
            throw f.get("to").error("must be after from (" + from + "), was " + to);
        }
        return new Presence.Hours(from, to, f.duration("jitter", Duration.ZERO));
    }

    private static Presence.Mobile readMobile(Node.Fields f) {
        double opens = f.has("opensPerHour") ? f.get("opensPerHour").numberIn(0, MAX_PER_HOUR, "per hour") : 0;
        Duration[] session = range(f.get("session"), new Duration[] {Duration.ofMinutes(1), Duration.ofMinutes(5)}, false);
        Duration[] refresh = range(f.get("refresh"), new Duration[] {Duration.ofMinutes(15), Duration.ofMinutes(30)}, true);
        Duration window = f.duration("window", Duration.ofSeconds(30));
        return new Presence.Mobile(opens, session[0], session[1], refresh[0], refresh[1], window);
    }

    /** A duration range [min, max] written as a list of two durations, or one duration for both. */
    private static Duration[] range(Node node, Duration[] otherwise, boolean positive) {
        if (node.isMissing()) {
            return otherwise;
        }
        if (node.json().isValueNode()) {
            Duration d = positive ? node.positiveDuration() : node.duration();
            return new Duration[] {d, d};
        }
        List<Node> ends = node.elements("a list [min, max] of two durations, or one duration");
        if (ends.size() != 2) {
            throw node.error("must be a list [min, max] of two durations, had " + ends.size() + " elements");
        }
        Duration min = positive ? ends.get(0).positiveDuration() : ends.get(0).duration();
        Duration max = ends.get(1).duration();
        if (max.compareTo(min) < 0) {
            throw ends.get(1).error("must be at least the minimum " + Units.formatDuration(min) + ", was " + Units.formatDuration(max));
        }
        return new Duration[] {min, max};
    }

    static LocalTime timeOfDay(Node node) {
        String text = node.text("a time of day such as \"09:00\"");
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw node.mustBe("a time of day HH:MM such as \"09:00\" (quote it in YAML)");
        }
    }

    private static Profile.Connection readConnection(Node node) {
        if (node.isMissing()) {
            return Profile.Connection.UNLIMITED;
        }
        Node.Fields f = node.fields("a map with uplink, downlink and switchesPerHour", "uplink", "downlink", "switchesPerHour");
        double up = f.has("uplink") ? f.get("uplink").rate() : Double.POSITIVE_INFINITY;
        double down = f.has("downlink") ? f.get("downlink").rate() : Double.POSITIVE_INFINITY;
        double switches = f.has("switchesPerHour") ? f.get("switchesPerHour").numberIn(0, MAX_PER_HOUR, "per hour") : 0;
        return new Profile.Connection(up, down, switches);
    }

    /** {@code base} with every field of {@code change} (but {@code like}) laid over it; nested maps field by field. */
    private static ObjectNode overlay(ObjectNode base, ObjectNode change) {
        ObjectNode result = base.deepCopy();
        change.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode under = result.get(key);
            if (key.equals("like")) {
                return;
            }
            if (value.isObject() && under != null && under.isObject() && sameKind(key, under, value)) {
                result.set(key, overlay((ObjectNode) under, (ObjectNode) value));
            } else {
                result.set(key, value);
            }
        });
        return result;
    }

    /** A changed presence of another kind replaces the base's; other nested maps change field by field. */
    private static boolean sameKind(String key, JsonNode base, JsonNode change) {
        return !key.equals("presence") || change.path("kind").isMissingNode() || change.path("kind").equals(base.path("kind"));
    }

    // ================================================================ writing

    /** The canonical tree of {@code p}: every field explicit. */
    static ObjectNode write(Profile p) {
        ObjectNode o = JSON.objectNode();
        if (!p.description().isEmpty()) {
            o.put("description", p.description());
        }
        o.put("postsPerHour", p.postsPerHour());
        o.put("readsPerHour", p.readsPerHour());
        o.put("pagesPerRead", p.pagesPerRead());
        o.put("uploadsPerHour", p.uploadsPerHour());
        o.put("textLength", p.textLength());
        o.put("downloads", p.downloads());
        ObjectNode replies = o.putObject("replies");
        replies.put("probability", p.replies().probability());
        replies.put("after", Units.formatDuration(p.replies().after()));
        replies.put("spread", p.replies().spread());
        replies.put("typingPerSecond", p.replies().typingPerSecond());
        o.set("presence", writePresence(p.presence()));
        ObjectNode connection = o.putObject("connection");
        connection.set("uplink", rate(p.connection().uplink()));
        connection.set("downlink", rate(p.connection().downlink()));
        connection.put("switchesPerHour", p.connection().switchesPerHour());
        return o;
    }

    private static JsonNode writePresence(Presence presence) {
        ObjectNode o = JSON.objectNode();
        if (presence instanceof Presence.Hours h) {
            o.put("kind", "hours");
            o.put("from", h.from().toString());
            o.put("to", h.to().toString());
            o.put("jitter", Units.formatDuration(h.jitter()));
        } else if (presence instanceof Presence.Mobile m) {
            o.put("kind", "mobile");
            o.put("opensPerHour", m.opensPerHour());
            o.putArray("session").add(Units.formatDuration(m.sessionMin())).add(Units.formatDuration(m.sessionMax()));
            o.putArray("refresh").add(Units.formatDuration(m.refreshMin())).add(Units.formatDuration(m.refreshMax()));
            o.put("window", Units.formatDuration(m.window()));
        } else {
            o.put("kind", "always");
        }
        return o;
    }

    private static JsonNode rate(double bytesPerSecond) {
        Object v = Units.formatRate(bytesPerSecond);
        return v instanceof String s ? JSON.textNode(s) : v instanceof Long l ? JSON.numberNode(l) : JSON.numberNode((Double) v);
    }

    static Map<String, ObjectNode> writeAll(Map<String, Profile> profiles) {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        profiles.forEach((name, p) -> result.put(name, write(p)));
        return result;
    }
}
