package org.p2psim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code p2psim sweep}: not implemented yet (exit 2). */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Not implemented yet. Planned: p2psim sweep SCENARIO --vary key=v1,v2 ... [--seeds N] [--threads T]"
                + " --out DIR runs scenarios x seeds in parallel into one results table.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> arguments;

    @Override
    public Integer call() {
        throw new UsageException("not implemented yet");
    }
}
