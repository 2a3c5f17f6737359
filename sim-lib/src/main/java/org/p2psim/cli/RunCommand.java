package org.p2psim.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2psim.experiment.ExpectationResult;
import org.p2psim.experiment.Expectations;
import org.p2psim.experiment.RunDirectory;
import org.p2psim.experiment.RunResult;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Overrides;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p2psim run SCENARIO [--seed N] [--out DIR] [--set key=value ...] [--json] [--strict]}. The scenario's
 * expected outcomes are checked after the run and printed PASS or FAIL; a failed one is a finding,
 * not an error (exit 0), unless {@code --strict} asks for exit {@value Main#EXIT_EXPECTATIONS}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Run one scenario for its duration into a run directory:",
            "summary.json, metrics/*.csv, run.sqlite (sim_events, packet_log),",
            "devices/*.sqlite and scenario.yaml (the effective scenario)."},
        footer = {"", "Examples:", "  p2psim run two-peers --seed 7 --out runs/demo --json",
            "  p2psim run scenarios/twenty-devices.yaml --set net.loss=0.2 \\",
            "      --set duration=5m",
            "  p2psim run conference --small",
            "  p2psim run perfect-sync --strict    # exit 3: an expected outcome not met"})
final class RunCommand implements Callable<Integer> {
    /** Progress goes to stderr when it is a terminal, or once a run has taken this long. */
    static final double PROGRESS_AFTER_SECONDS = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a built-in name (p2psim run --list)",
            arity = "0..1")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", description = "the seed (default: the scenario's seed, else 1)")
    String seed;

    @Option(names = "--out", paramLabel = "DIR", description = "the run directory, new or empty (default: runs/NAME-seedN)")
    Path outDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"override a scenario field by its path; repeatable, e.g.", "net.loss=0.2  duration=10m  sync.bytes=800"})
    List<String> sets = new ArrayList<>();

    @Option(names = "--small", description = "run the scenario at its small size (its `small` overrides), as CI and notebooks do")
    boolean small;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Option(names = "--force", description = "replace an earlier run directory at --out")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Option(names = "--list", description = "list the built-in scenarios and exit")
    boolean list;

    @Option(names = "--strict", description = "exit with code 3 when an expected outcome of the scenario (expect:) is not met;"
            + " without it a failed expectation is reported and the exit code is 0")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            Scenario.builtins().forEach(out::println);
            return Main.EXIT_OK;
        }
        if (scenario == null) {
            throw new UsageException("missing SCENARIO: a scenario file or a built-in name (" + String.join(", ", Scenario.builtins()) + ")");
        }
        Long runSeed = seed == null ? null : parseSeed(seed);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String set : sets) {
            String[] kv = Overrides.split(set);
            overrides.remove(kv[0]);
            overrides.put(kv[0], kv[1]);
        }
        Scenario s = small ? Scenario.load(scenario).small().with(overrides) : Scenario.load(scenario, overrides);
        long effectiveSeed = runSeed != null ? runSeed : s.seedOrDefault();
        Path dir = outDir != null ? outDir : defaultDirectory(s.name(), effectiveSeed);
        RunDirectory.prepare(dir, force);
        RunResult result = ScenarioRun.of(s).seed(effectiveSeed).directory(dir).run(progress(spec.commandLine().getErr()));
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("directory", dir.toString());
            node.setAll(result.summary());
            Output.json(out, node);
        } else {
            printSummary(out, result);
        }
        return strict && !result.expectationsMet() ? Main.EXIT_EXPECTATIONS : Main.EXIT_OK;
    }

    static long parseSeed(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be an integer, was '" + text + "'");
        }
    }

    /** runs/NAME-seedN, or with -2, -3, … when that is taken. */
    static Path defaultDirectory(String name, long seed) {
        Path base = Path.of("runs", name + "-seed" + seed);
        Path dir = base;
        for (int i = 2; Files.exists(dir); i++) {
            dir = Path.of(base + "-" + i);
        }
        return dir;
    }

    private ScenarioRun.Progress progress(PrintWriter err) {
        if (quiet) {
            return ScenarioRun.Progress.NONE;
        }
        long start = System.nanoTime();
        boolean terminal = System.console() != null;
        return (fraction, now, end) -> {
            double wall = (System.nanoTime() - start) / 1e9;
            if (fraction < 1 && (terminal || wall > PROGRESS_AFTER_SECONDS)) {
                err.printf(Locale.ROOT, "p2psim run: %3d %% (%s of %s simulated, %s, about %s left)%n", Math.round(fraction * 100),
                        Units.formatDuration(SimTime.toDuration(now)), Units.formatDuration(SimTime.toDuration(end)), Output.seconds(wall),
                        Output.seconds(eta(wall, fraction)));
                err.flush();
            }
        };
    }

    /** Wall seconds still to go when {@code fraction} of the work took {@code wall} seconds, at the same pace. */
    static double eta(double wall, double fraction) {
        return fraction <= 0 ? Double.NaN : wall / fraction * (1 - fraction);
    }

    private static void printSummary(PrintWriter out, RunResult r) {
        out.printf("%s, seed %d: %s simulated in %s -> %s%n", r.scenario().name(), r.seed(),
                Units.formatDuration(r.scenario().duration()), Output.seconds(r.wallSeconds()), r.directory());
        Map<String, String> rows = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> rows.put(k, Output.number(v)));
        rows.put("traceSha256", r.traceSha256());
        Output.pairs(out, rows, "  ");
        printExpectations(out, r.expectations());
    }

    /** "expectations: 2 of 3 met" and one PASS/FAIL line per check. */
    static void printExpectations(PrintWriter out, List<ExpectationResult> results) {
        if (results.isEmpty()) {
            return;
        }
        out.printf("expectations: %d of %d met%n", Expectations.passed(results), results.size());
        results.forEach(e -> out.println("  " + e.line()));
    }
}
