package org.p2psim.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.p2psim.experiment.RunDirectoryException;
import org.p2psim.experiment.SweepException;
import org.p2psim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code p2psim} command (DESIGN.md, "The command line"). Exit codes: 0 success, 1 failure
 * (a replay that does not match, an unexpected error), 2 bad input (unknown command or option, a
 * bad value, an invalid scenario, a taken run directory, a command not implemented yet), 3 an expected
 * outcome of the scenario not met ({@code run --strict} only; without it a failed expectation is reported and exits 0). Every
 * error is one line on stderr; {@code P2PSIM_DEBUG=1} adds the stack trace of unexpected ones.
 */
@Command(name = "p2psim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Deterministic simulator for Bloom-filter sync of encrypted peer-to-peer event stores.",
        subcommands = {RunCommand.class, ReplayCommand.class, SweepCommand.class, ScoreboardCommand.class, InspectCommand.class,
            StrategiesCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Every command takes --help; --json prints JSON. Exit codes: 0 ok, 1 failure, 2 bad input,"
            + " 3 an expected outcome not met (run --strict)."})
public final class Main implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    /** A run that went wrong: a replay that does not match, an unexpected error. */
    public static final int EXIT_FAILURE = 1;
    /** Bad input: unknown command or option, a bad value, an invalid scenario, a command not there yet. */
    public static final int EXIT_USAGE = 2;
    /** {@code run --strict}: the run finished but an expected outcome of the scenario ({@code expect:}) was not met. */
    public static final int EXIT_EXPECTATIONS = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command line and returns the exit code (testable without {@code System.exit}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(outWriter);
        cmd.setErr(errWriter);
        cmd.setParameterExceptionHandler(Main::badParameters);
        cmd.setExecutionExceptionHandler((e, commandLine, parsed) -> failed(e, commandLine));
        try {
            return cmd.execute(args);
        } catch (Error e) { // OutOfMemoryError, StackOverflowError…: one line and exit 1 like any other failure (issue 12)
            errWriter.println("p2psim: internal error: " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()))
                    + (debug() ? "" : " (P2PSIM_DEBUG=1 shows the stack trace)"));
            if (debug()) {
                e.printStackTrace(errWriter);
            }
            return EXIT_FAILURE;
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("p2psim: missing command (try p2psim --help)");
        return EXIT_USAGE;
    }

    /** picocli could not parse the arguments: one line naming what is wrong. */
    private static int badParameters(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String message;
        if (e instanceof UnmatchedArgumentException u && cmd.getCommandSpec().parent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()) + ")";
        } else if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown option '" + u.getUnmatched().get(0) + "' (see " + name + " --help)";
        } else if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            message = "unexpected argument '" + u.getUnmatched().get(0) + "' (see " + name + " --help)";
        } else {
            message = lowerFirst(oneLine(e.getMessage())) + " (see " + name + " --help)";
        }
        cmd.getErr().println(name + ": " + message);
        return EXIT_USAGE;
    }

    /** A command threw: bad input in one line with exit 2, anything else in one line with exit 1. */
    private static int failed(Exception e, CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        if (e instanceof UsageException || e instanceof ScenarioException || e instanceof RunDirectoryException
                || e instanceof SweepException) {
            err.println(name + ": " + oneLine(e.getMessage()));
            return EXIT_USAGE;
        }
        boolean debug = debug();
        err.println(name + ": " + (e instanceof IllegalArgumentException ? "" : "internal error: ")
                + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()))
                + (debug ? "" : " (P2PSIM_DEBUG=1 shows the stack trace)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return EXIT_FAILURE;
    }

    private static boolean debug() {
        return "1".equals(System.getenv("P2PSIM_DEBUG"));
    }

    /** The first line of {@code message}. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** "p2psim VERSION" from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"p2psim " + version()};
        }
    }
}
