package org.p2psim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Output directories of runs and sweeps: made ready for new results without ever overwriting anything else. */
final class OutputDirectory {
    private OutputDirectory() {}

    /**
     * Makes {@code dir} ready for a new {@code kind} ("run", "sweep"): it must not exist or be empty.
     * With {@code replace}, an earlier one (holding any of {@code markers}) is deleted first; anything
     * else is still refused.
     */
    static void prepare(Path dir, boolean replace, String kind, List<String> markers) {
        try {
            if (Files.isDirectory(dir)) {
                if (!isEmpty(dir)) {
                    if (!replace) {
                        throw new RunDirectoryException(kind + " directory '" + dir + "' exists and is not empty;"
                                + " choose another --out, or add --force to replace an earlier " + kind);
                    }
                    if (markers.stream().noneMatch(f -> Files.exists(dir.resolve(f)))) {
                        throw new RunDirectoryException("--force replaces only an earlier " + kind + " directory, and '" + dir
                                + "' holds none of " + String.join(", ", markers));
                    }
                    deleteTree(dir);
                }
            } else if (Files.exists(dir)) {
                throw new RunDirectoryException("'" + dir + "' exists and is not a directory");
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunDirectoryException("cannot create " + kind + " directory '" + dir + "' (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
    }

    /** Deletes {@code dir} and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
