package org.p2psim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code p2psim inspect}: not implemented yet (exit 2). */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Not implemented yet. Planned: p2psim inspect DIR (--state | --sql QUERY --device D | --compare A B"
                + " | --network) looks into a run directory: device state, SQL on a device's store, two devices compared,"
                + " the network.")
final class InspectCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments;

    @Override
    public Integer call() {
        throw new UsageException("not implemented yet");
    }
}
