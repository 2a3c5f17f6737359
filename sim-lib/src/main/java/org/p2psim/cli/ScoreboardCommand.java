package org.p2psim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.p2psim.experiment.scoreboard.ScoreRow;
import org.p2psim.experiment.scoreboard.Scoreboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p2psim scoreboard [--full] [--seeds N] [--threads T] [--strategies a,b] [--scenarios x,y] --out DIR}. */
@Command(name = "scoreboard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, abbreviateSynopsis = true,
        description = {"Score every strategy on every built-in with expected outcomes.",
            "Each with seeds 1..N, on every core; the same result for any --threads. Writes",
            "  DIR/scoreboard.csv   a row per strategy and scenario: expectations met,",
            "                       completeness and its share of the oracle's, bytes ÷ floor,",
            "                       sync p50/p99, duplicates, round trips, each with a 95 %% interval",
            "  DIR/runs.csv         every run",
            "  DIR/scoreboard.json and DIR/scoreboard.html"},
        footer = {"", "Examples:", "  p2psim scoreboard --out runs/score", "  p2psim scoreboard --full --seeds 5 --out runs/score-full",
            "  p2psim scoreboard --strategies oracle,hybrid --scenarios coffee-shop \\",
            "      --seeds 2 --out /tmp/s"})
final class ScoreboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "run the scenarios as written (default: their small size, as CI does)")
    boolean full;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5", description = "seeds 1..N per strategy and scenario (default 5)")
    int seeds;

    @Option(names = "--threads", paramLabel = "T", description = "runs in parallel (default: the number of cores)")
    Integer threads;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME", description = "these strategies (default: every registered one)")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME", description = "these scenarios (default: the built-ins with expectations)")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the scoreboard directory")
    Path outDir;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new UsageException("--seeds must be >= 1, was " + seeds);
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be >= 1, was " + threads);
        }
        Scoreboard board = Scoreboard.builtins().seeds(seeds).size(full ? "full" : "small");
        if (threads != null) {
            board.threads(threads);
        }
        try {
            if (!strategies.isEmpty()) {
                board.strategies(strategies);
            }
            if (!scenarios.isEmpty()) {
                board.scenarios(scenarios);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            board.progress((done, total, point) -> {
                if (done == total) {
                    err.printf("p2psim scoreboard: a scenario done (%d runs)%n", total);
                    err.flush();
                }
            });
        }
        Scoreboard.Result result = board.run();
        result.writeTo(outDir);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("scoreboard: %d strategies × %d scenarios × %d seeds at %s size in %s -> %s%n", board.strategyNames().size(),
                board.scenarioNames().size(), seeds, board.sizeName(), Output.seconds(result.wallSeconds()), outDir);
        List<String> header = List.of("scenario", "strategy", "met", "oracle met", "attainable met", "oracle att.", "completeness", "of oracle", "bytes/floor",
                "sync p50 s", "sync p99 s", "duplicates", "round trips");
        List<List<String>> rows = new ArrayList<>();
        for (ScoreRow r : result.rows()) {
            rows.add(List.of(r.scenario(), r.strategy(), r.expectationsMet() + "/" + r.expectationsTotal(),
                    Double.isNaN(r.oracleMet()) ? "" : String.valueOf((int) r.oracleMet()), r.attainableMet() + "/" + r.expectationsTotal(),
                    Double.isNaN(r.oracleAttainableMet()) ? "" : String.valueOf((int) r.oracleAttainableMet()), Output.number(round(r.completeness())),
                    Output.number(round(r.shareOfOracle())), Output.number(round(r.bytesOverFloor())), Output.number(round(r.syncP50S())),
                    Output.number(round(r.syncP99S())), Output.number(round(r.duplicates())), Output.number(round(r.roundTrips()))));
        }
        Output.table(out, header, rows, "  ");
        return Main.EXIT_OK;
    }

    private static double round(double v) {
        return Double.isFinite(v) && v != 0 ? Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v)) : v;
    }
}
