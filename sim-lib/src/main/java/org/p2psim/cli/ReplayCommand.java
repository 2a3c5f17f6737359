package org.p2psim.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2psim.experiment.ReplayResult;
import org.p2psim.experiment.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p2psim replay DIR [--json]}. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Rerun a run directory and check that its trace is the same.",
            "The rerun reads scenario.yaml, the seed and the recorded real-world events",
            "(run.sqlite sim_events), runs in a temporary directory and compares traceSha256;",
            "exit 1 when it differs."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a run directory written by p2psim run")
    Path dir;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReplayResult r = RunDirectory.replay(dir);
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("directory", dir.toString());
            node.put("scenario", r.scenario());
            node.put("seed", r.seed());
            node.put("sim_events", r.events());
            node.put("traceSha256", r.traceSha256());
            node.put("original", r.original());
            node.put("match", r.matches());
            Output.json(out, node);
        } else {
            out.printf("replayed %s (%s, seed %d, %d real-world events) in %s%n", dir, r.scenario(), r.seed(), r.events(),
                    Output.seconds(r.wallSeconds()));
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("traceSha256", r.traceSha256());
            rows.put("original", r.original());
            rows.put("match", r.matches() ? "yes" : "NO");
            Output.pairs(out, rows, "  ");
        }
        if (!r.matches()) {
            spec.commandLine().getErr().println("p2psim replay: the replay's traceSha256 differs from the original");
            return Main.EXIT_FAILURE;
        }
        return Main.EXIT_OK;
    }
}
