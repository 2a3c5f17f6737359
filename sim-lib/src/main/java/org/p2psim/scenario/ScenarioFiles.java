package org.p2psim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds and reads scenario files: a path, or a built-in name looked up in the {@code scenarios/}
 * directory of the p2psim checkout (found from the working directory or from where sim-lib was
 * loaded; {@code P2PSIM_SCENARIOS} or {@code -Dp2psim.scenarios} name another directory) and then
 * on the classpath ({@code scenarios/NAME.yaml} inside the sim-lib jar).
 */
public final class ScenarioFiles {
    static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final String RESOURCE_DIR = "scenarios/";

    private ScenarioFiles() {}

    /** A scenario's YAML tree and where it came from, before binding. */
    public record Raw(ObjectNode tree, String source, String defaultName) {
        /** Applies {@code key=value} overrides in order (see {@link Overrides}). */
        public Raw with(Map<String, String> overrides) {
            ObjectNode copy = tree.deepCopy();
            // sync.strategy and net.nat.default first: each resets part of its section, then the other overrides apply
            overrides.forEach((path, value) -> {
                if (Overrides.RESETTING.contains(path)) {
                    Overrides.apply(copy, path, value, source);
                }
            });
            overrides.forEach((path, value) -> {
                if (!Overrides.RESETTING.contains(path)) {
                    Overrides.apply(copy, path, value, source);
                }
            });
            return new Raw(copy, source, defaultName);
        }

        public Scenario bind() {
            return ScenarioFormat.read(Node.root(source, tree), defaultName);
        }
    }

    /** Reads {@code nameOrPath}: a file when it names one (or has a '/' or a .yaml ending), else a built-in. */
    public static Raw read(String nameOrPath) {
        if (looksLikePath(nameOrPath)) {
            Path file = Path.of(nameOrPath);
            if (!Files.isRegularFile(file)) {
                throw new ScenarioException("", "", "scenario file '" + nameOrPath + "' not found");
            }
            return parse(readFile(file), nameOrPath, stem(file.getFileName().toString()));
        }
        if (!nameOrPath.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ScenarioException("", "", "scenario '" + nameOrPath + "' not found; built-ins: " + String.join(", ", builtins()));
        }
        String label = RESOURCE_DIR + nameOrPath + ".yaml";
        for (Path dir : directories()) {
            Path file = dir.resolve(nameOrPath + ".yaml");
            if (Files.isRegularFile(file)) {
                return parse(readFile(file), label, nameOrPath);
            }
        }
        try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(label)) {
            if (in != null) {
                return parse(utf8(in.readAllBytes(), label), label, nameOrPath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in scenario " + label, e);
        }
        throw new ScenarioException("", "", "scenario '" + nameOrPath + "' not found; built-ins: " + String.join(", ", builtins()));
    }

    /** Parses YAML text; {@code source} names it in errors. */
    public static Raw parse(String yaml, String source, String defaultName) {
        JsonNode tree;
        if (yaml.length() > MAX_FILE_BYTES) {
            throw new ScenarioException(source, "", "is " + yaml.length() + " characters; a scenario may have at most " + MAX_FILE_BYTES);
        }
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, "", "not valid YAML: " + firstLine(e));
        }
        refuseAliases(yaml, source);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ScenarioException(source, "", "is empty; a scenario needs at least duration and devices");
        }
        if (!tree.isObject()) {
            throw new ScenarioException(source, "", "must be a map of scenario fields (" + String.join(", ", ScenarioFormat.TOP)
                    + "), was " + Node.root(source, tree).describe());
        }
        return new Raw((ObjectNode) tree, source, defaultName);
    }

    /** The names of the built-in scenarios, from the checkout's directory and the classpath. */
    public static List<String> builtins() {
        TreeSet<String> names = new TreeSet<>();
        for (Path dir : directories()) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(ScenarioFiles::isScenarioFile).map(ScenarioFiles::stem).forEach(names::add);
            } catch (IOException e) {
                // an unreadable directory contributes nothing
            }
        }
        names.addAll(classpathNames());
        return List.copyOf(names);
    }

    /** Names of the scenarios packaged under {@code scenarios/} on the classpath (a directory or a jar). */
    private static List<String> classpathNames() {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = ScenarioFiles.class.getClassLoader().getResources(RESOURCE_DIR);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString()).filter(ScenarioFiles::isScenarioFile).map(ScenarioFiles::stem)
                                .forEach(names::add);
                    }
                } else if (url.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        file.stream().map(JarEntry::getName)
                                .filter(n -> n.startsWith(RESOURCE_DIR) && n.indexOf('/', RESOURCE_DIR.length()) < 0
                                        && isScenarioFile(n.substring(RESOURCE_DIR.length())))
                                .map(n -> stem(n.substring(RESOURCE_DIR.length()))).forEach(names::add);
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // an unreadable classpath entry contributes nothing
        }
        return names;
    }

    /** The scenarios directories searched for built-ins, most specific first. */
    static List<Path> directories() {
        List<Path> result = new ArrayList<>();
        String configured = System.getProperty("p2psim.scenarios", System.getenv("P2PSIM_SCENARIOS"));
        if (configured != null && !configured.isBlank()) {
            addIfDirectory(result, Path.of(configured));
        }
        addCheckout(result, Path.of("").toAbsolutePath());
        try {
            Path code = Path.of(ScenarioFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            addCheckout(result, code);
        } catch (URISyntaxException | RuntimeException e) {
            // no code location (e.g. a custom class loader): the working directory and the classpath remain
        }
        return result;
    }

    /** The {@code scenarios/} of the nearest ancestor of {@code start} that is a p2psim checkout. */
    private static void addCheckout(List<Path> result, Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scenarios")) && Files.isDirectory(dir.resolve("sim-lib"))) {
                addIfDirectory(result, dir.resolve("scenarios"));
                return;
            }
        }
    }

    private static void addIfDirectory(List<Path> result, Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(normal) && !result.contains(normal)) {
            result.add(normal);
        }
    }

    private static boolean looksLikePath(String s) {
        return s.contains("/") || s.contains("\\") || s.endsWith(".yaml") || s.endsWith(".yml") || Files.isRegularFile(Path.of(s));
    }

    /** A scenario file's largest size: the built-ins are a few KiB; an 8 MB file took 20 s to refuse (issue 12). */
    static final long MAX_FILE_BYTES = 1 << 20;

    private static String readFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ScenarioException(file.toString(), "", "is " + size + " bytes; a scenario file may have at most "
                        + MAX_FILE_BYTES + " (1 MiB)");
            }
            return utf8(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new ScenarioException("", "", "cannot read scenario file '" + file + "': " + e.getMessage());
        }
    }

    /** {@code bytes} as UTF-8; invalid bytes are refused naming their position (not "Input length = 1"). */
    static String utf8(byte[] bytes, String source) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new ScenarioException(source, "", "is not valid UTF-8: byte " + at + " (0x"
                    + String.format("%02x", bytes[at] & 0xff) + ", line " + (1 + countNewlines(bytes, at)) + ") cannot be decoded");
        }
        return out.flip().toString();
    }

    private static int countNewlines(byte[] bytes, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            n += bytes[i] == '\n' ? 1 : 0;
        }
        return n;
    }

    /**
     * Refuses YAML anchors and aliases with their line and column: Jackson's YAML reader took
     * {@code *d} for the text "d" and an undefined alias for a string (issue 12). A scenario spells
     * each value out; SnakeYAML's own event stream finds them.
     */
    static void refuseAliases(String yaml, String source) {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit((int) MAX_FILE_BYTES * 4);
        try {
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(yaml))) {
                String anchor = e instanceof org.yaml.snakeyaml.events.AliasEvent a ? "alias *" + a.getAnchor()
                        : e instanceof org.yaml.snakeyaml.events.NodeEvent n && n.getAnchor() != null ? "anchor &" + n.getAnchor() : null;
                if (anchor != null) {
                    var mark = e.getStartMark();
                    throw new ScenarioException(source, "", "uses YAML " + anchor + " at line " + (mark.getLine() + 1) + ", column "
                            + (mark.getColumn() + 1) + "; anchors and aliases are not supported in scenarios: write the value out");
                }
            }
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ScenarioException(source, "", "not valid YAML: " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
    }

    /** A .yaml file of the scenarios directory that is a scenario (the profile library is not). */
    private static boolean isScenarioFile(String fileName) {
        return fileName.endsWith(".yaml") && !fileName.equals(Profiles.FILE);
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** A parser's message in one line, with the line and column of the problem. */
    static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = message.lines().findFirst().orElse(message).strip();
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }

    /** {@code tree} as YAML text. */
    static String toYaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a scenario as YAML", e);
        }
    }
}
