package org.p2psim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.p2psim.workload.Profile;

/**
 * The built-in behaviour profiles: {@code scenarios/profiles.yaml}, found like the built-in
 * scenarios (the checkout's {@code scenarios/}, else the jar). Read once; a broken file is an error
 * that names the file, the field and the value, like any scenario error.
 *
 * <pre>{@code
 * Profile lurker = Profiles.builtin().get("lurker");
 * }</pre>
 */
public final class Profiles {
    /** The file's name in the scenarios directory, which is therefore not a scenario. */
    public static final String FILE = "profiles.yaml";
    private static Map<String, Profile> builtin;

    private Profiles() {}

    /** The built-in profiles by name, in the file's order. */
    public static synchronized Map<String, Profile> builtin() {
        if (builtin == null) {
            String source = ScenarioFiles.RESOURCE_DIR + FILE;
            ScenarioFiles.Raw raw = ScenarioFiles.parse(text(source), source, "profiles");
            builtin = Collections.unmodifiableMap(ProfileFormat.readAll(Node.root(source, raw.tree()), Map.of()));
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
}
