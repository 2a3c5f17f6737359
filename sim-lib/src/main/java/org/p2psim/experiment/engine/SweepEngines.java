package org.p2psim.experiment.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The engines on the classpath ({@link SweepEngine.Provider}s listed in {@code META-INF/services}). */
public final class SweepEngines {
    /** The sweep's own threads: not an engine of this interface, the default. */
    public static final String LOCAL = "local";

    /** System property naming the engine that sweeps and the scoreboard use when none is set in code: {@code spark}. */
    public static final String ENGINE_PROPERTY = "p2psim.engine";
    /** System property with that engine's master ({@code local[*]}, {@code spark://host:7077}); optional. */
    public static final String MASTER_PROPERTY = "p2psim.engine.master";

    private SweepEngines() {}

    /**
     * The engine configured for this JVM ({@value #ENGINE_PROPERTY}, {@value #MASTER_PROPERTY}; e.g. a
     * notebook kernel started with {@code -Dp2psim.engine=spark}), or null: the sweep's own threads.
     */
    public static SweepEngine configured() {
        String name = System.getProperty(ENGINE_PROPERTY, LOCAL).strip();
        return name.isEmpty() || name.equals(LOCAL) ? null : create(name, System.getProperty(MASTER_PROPERTY));
    }

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
