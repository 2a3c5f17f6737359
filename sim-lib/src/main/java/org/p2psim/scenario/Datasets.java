package org.p2psim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code datasets/} directory that workloads draw on (images to share): {@code P2PSIM_DATASETS}
 * (or the system property {@code p2psim.datasets}) when set, else the one next to the checkout's
 * {@code scenarios/}. Its provenance is in {@code datasets/README.md}.
 */
public final class Datasets {
    private Datasets() {}

    /** The datasets directory, or null when there is none. */
    public static Path directory() {
        String configured = System.getProperty("p2psim.datasets", System.getenv("P2PSIM_DATASETS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path scenarios : ScenarioFiles.directories()) {
            Path candidate = scenarios.resolveSibling("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The images of {@code datasets/images} (.jpg, .jpeg, .png), in name order; empty when there are none. */
    public static List<Path> images() {
        Path dir = directory();
        if (dir == null || !Files.isDirectory(dir.resolve("images"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve("images"))) {
            return files.filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpe?g|png)")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve("images"), e);
        }
    }
}
