package org.p2psim.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Placeholder for the {@code p2psim} command (see DESIGN.md, "The command line"). It answers
 * {@code --help} and {@code --version}, runs {@code bench} (no benchmarks yet), and refuses
 * everything else with exit code 2 and a one-line reason. The real commands replace it.
 */
public final class Main {

    /** Exit code for bad input: unknown command, unknown option, command not there yet. */
    public static final int EXIT_USAGE = 2;

    private static final List<String[]> COMMANDS = List.of(
            new String[] {"run SCENARIO [--seed N] [--out DIR] [--set key=value ...]", "run one scenario"},
            new String[] {"replay DIR", "rerun a run directory and check its traceSha256"},
            new String[] {"sweep SCENARIO --vary key=v1,v2 ... [--seeds N] [--threads T] --out DIR",
                    "parameter sweep, one results table"},
            new String[] {"inspect DIR (--state | --sql QUERY --device D | --compare A B | --network)",
                    "look into a run directory"},
            new String[] {"strategies", "list the sync strategies"},
            new String[] {"bench", "run the benchmarks"});

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code (testable without {@code System.exit}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("p2psim: missing command (try --help)");
            return EXIT_USAGE;
        }
        String first = args[0];
        switch (first) {
            case "-h":
            case "--help":
            case "help":
                usage(out);
                return 0;
            case "-V":
            case "--version":
                out.println("p2psim " + version());
                return 0;
            case "bench":
                if (args.length > 1 && (args[1].equals("--help") || args[1].equals("-h"))) {
                    out.println("Usage: p2psim bench   (runs the benchmarks)");
                    return 0;
                }
                out.println("no benchmarks yet");
                return 0;
            default:
                for (String[] c : COMMANDS) {
                    if (c[0].split(" ")[0].equals(first)) {
                        err.println("p2psim: command '" + first + "' is not implemented yet");
                        return EXIT_USAGE;
                    }
                }
                err.println("p2psim: unknown command '" + first + "' (try --help)");
                return EXIT_USAGE;
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void usage(PrintStream out) {
        out.println("Usage: p2psim COMMAND [OPTIONS]");
        out.println();
        out.println("Deterministic simulator for Bloom-filter sync of encrypted peer-to-peer event stores.");
        out.println();
        out.println("Commands:");
        for (String[] c : COMMANDS) {
            out.printf("  %s%n      %s%n", c[0], c[1]);
        }
        out.println();
        out.println("Options:");
        out.println("  -h, --help      show this help");
        out.println("  -V, --version   print the version");
        out.println("Every command takes --help; --json prints JSON.");
    }
}
