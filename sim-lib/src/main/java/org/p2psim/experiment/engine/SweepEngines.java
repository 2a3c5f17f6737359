package org.p2psim.experiment.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The engines on the classpath ({@link SweepEngine.Provider}s listed in {@code META-INF/services}). */
public final class SweepEngines {
    /** The sweep's own threads: not an engine of this interface, the default. */
    public static final String LOCAL = "local";

    private SweepEngines() {}

    /** The engine named {@code name} at {@code master}; an unknown name says which exist and where Spark's comes from. */
    public static SweepEngine create(String name, String master) {
        List<String> names = new ArrayList<>();
        for (SweepEngine.Provider p : ServiceLoader.load(SweepEngine.Provider.class)) {
            if (p.name().equals(name)) {
                return p.create(master);
            }
            names.add(p.name());
        }
        throw new IllegalArgumentException("--engine must be " + LOCAL + (names.isEmpty() ? "" : " or one of " + names)
                + ", was '" + name + "'" + (name.equals("spark") ? " (the spark engine is in the sim-spark module: build it with"
                + " mvn package and run bin/p2psim, which puts it on the classpath for --engine spark)" : ""));
    }
}
