package org.p2psim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code p2psim} in a JVM of its own (a heap limit, a kill -9), with this test run's class path. */
final class CliProcess {
    private CliProcess() {}

    /** Starts {@code p2psim ARGS} with the JVM options {@code jvm}; stdout and stderr go to {@code log}. */
    static Process start(List<String> jvm, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
