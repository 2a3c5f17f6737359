package org.p2psim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2psim.scenario.SyncSpec;
import org.p2psim.sync.registry.Strategies;
import org.p2psim.sync.StrategyType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p2psim strategies [--json]}: the registered sync strategies and their parameters. */
@Command(name = "strategies", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"List the sync strategies a scenario can name in sync.strategy,",
            "with their parameters and defaults (--json adds a line on each parameter)."})
final class StrategiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print the list as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (StrategyType<?> type : Strategies.all()) {
                ObjectNode node = list.addObject();
                node.put("name", type.name());
                node.put("description", type.description());
                ObjectNode params = node.putObject("parameters");
                defaults(type).forEach((k, v) -> params.putPOJO(k, v));
                ObjectNode docs = node.putObject("docs");
                type.parameterDocs().forEach(docs::put);
            }
            Output.json(out, list);
            return Main.EXIT_OK;
        }
        for (StrategyType<?> type : Strategies.all()) {
            out.println(type.name() + "  " + type.description());
            StringBuilder params = new StringBuilder();
            defaults(type).forEach((k, v) -> params.append(params.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            out.println("  parameters (sync.*, with defaults): " + params);
        }
        return Main.EXIT_OK;
    }

    private static Map<String, Object> defaults(StrategyType<?> type) {
        return SyncSpec.of(type.name()).parameterValues();
    }
}
