package org.p2psim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape ARCHITECTURE.md describes, checked: the layers and which may use which, no import
 * cycle between packages, and the size limits a newcomer can read (files and packages).
 *
 * <p>A new top-level package must be given its layer here and in ARCHITECTURE.md.
 */
class ArchitectureTest {
    private static final String ROOT = "org.p2psim";
    /** Where the front door (classes directly in org.p2psim) sits. */
    private static final String FRONT_DOOR = "(front door)";
    static final int MAX_FILE_LINES = 450;
    static final int MAX_PACKAGE_FILES = 15;

    /**
     * Each top-level package's layer: a class may use its own layer and those below, never one
     * above. The numbers are those of ARCHITECTURE.md's table.
     */
    static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("sim", 0), Map.entry("crypto", 0), Map.entry("table", 0), Map.entry("metrics", 0),
            Map.entry("event", 1), Map.entry("store", 1), Map.entry("net", 1),
            Map.entry("sync", 2),
            Map.entry("device", 3),
            Map.entry("client", 4),
            Map.entry("workload", 5), Map.entry("scenario", 5),
            Map.entry("world", 6),
            Map.entry(FRONT_DOOR, 7), Map.entry("notebook", 7),
            Map.entry("plot", 8), Map.entry("adversary", 8), Map.entry("lab", 8),
            Map.entry("experiment", 9),
            Map.entry("inspect", 10),
            Map.entry("cli", 11), Map.entry("bench", 11));

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The top-level package under org.p2psim that {@code className} lies in, or FRONT_DOOR. */
    static String topPackage(String className) {
        String rest = className.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? FRONT_DOOR : rest.substring(0, dot);
    }

    @Test
    void everyPackageHasALayer() {
        TreeSet<String> unknown = new TreeSet<>();
        CLASSES.forEach(c -> {
            if (!LAYERS.containsKey(topPackage(c.getName()))) {
                unknown.add(topPackage(c.getName()));
            }
        });
        assertTrue(unknown.isEmpty(), "packages without a layer (add them to LAYERS and to ARCHITECTURE.md): " + unknown);
    }

    @Test
    void noClassUsesALayerAboveItsOwn() {
        TreeSet<String> violations = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String from = topPackage(c.getName());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (!target.getName().startsWith(ROOT + ".")) {
                    continue;
                }
                String to = topPackage(target.getName());
                if (LAYERS.getOrDefault(to, -1) > LAYERS.getOrDefault(from, Integer.MAX_VALUE)) {
                    violations.add(from + " → " + to + ": " + c.getName() + " uses " + target.getName());
                }
            }
        }
        assertTrue(violations.isEmpty(), "dependencies pointing up a layer:\n" + String.join("\n", violations));
    }

    @Test
    void noCycleBetweenPackages() {
        SliceAssignment byTopPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getName().startsWith(ROOT + ".") ? SliceIdentifier.of(topPackage(c.getName())) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "top-level packages of " + ROOT;
            }
        };
        SlicesRuleDefinition.slices().assignedFrom(byTopPackage).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noCycleBetweenAnyTwoPackagesSubpackagesIncluded() {
        SliceAssignment byPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getName().startsWith(ROOT + ".") ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + ROOT;
            }
        };
        SlicesRuleDefinition.slices().assignedFrom(byPackage).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noMainSourceFileIsLongerThanANewcomerReadsAtOnce() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainSources())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                long lines;
                try (Stream<String> l = Files.lines(f)) {
                    lines = l.count();
                }
                if (lines > MAX_FILE_LINES) {
                    tooLong.add(mainSources().relativize(f) + " (" + lines + " lines)");
                }
            }
        }
        assertEquals(List.of(), tooLong, "main source files over " + MAX_FILE_LINES + " lines");
    }

    @Test
    void noPackageHoldsMoreClassesThanAReaderCanKeepApart() throws IOException {
        Map<String, Integer> tooMany = new TreeMap<>();
        try (Stream<Path> dirs = Files.walk(mainSources())) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                long count;
                try (Stream<Path> files = Files.list(dir)) {
                    count = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).count();
                }
                if (count > MAX_PACKAGE_FILES) {
                    tooMany.put(mainSources().relativize(dir).toString().replace('/', '.'), (int) count);
                }
            }
        }
        assertEquals(Map.of(), tooMany, "packages with more than " + MAX_PACKAGE_FILES + " source files");
    }

    private static Path mainSources() {
        return Path.of("src", "main", "java");
    }
}
