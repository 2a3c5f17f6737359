package org.p2psim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Issue 12, "a kill can corrupt run.sqlite" (it was written with journal_mode=OFF): {@code p2psim run}
 * killed with SIGKILL at random moments leaves a run directory whose every SQLite file opens and passes
 * {@code PRAGMA integrity_check}, whose summary.json is whole or absent, and which {@code inspect}
 * calls incomplete. The test kills three runs; {@code tools/crash_test.sh} runs {@link #main} with 20.
 */
class RunCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one kill left: the files checked, the corrupt ones (with SQLite's answer) and whether the run had finished. */
    record Outcome(int files, List<String> corrupt, boolean finished) {}

    @Test
    void killedRunsLeaveIntactFiles(@TempDir Path tmp) throws Exception {
        Random moments = new Random(12);
        for (int i = 0; i < 3; i++) {
            Outcome o = killOnce(tmp.resolve("run-" + i), moments.nextInt(8000));
            assertEquals(List.of(), o.corrupt());
        }
    }

    /** Starts {@code p2psim run two-peers --small}, kills it -9 {@code afterMillis} after its directory appears, checks what is left. */
    static Outcome killOnce(Path dir, long afterMillis) throws Exception {
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        Process p = CliProcess.start(List.of("-Xmx512m"), log, "run", "two-peers", "--small", "-q", "--out", dir.toString());
        // the moment counts from when the run directory exists: a kill before the JVM is up tests nothing
        while (p.isAlive() && !Files.exists(dir.resolve("scenario.yaml"))) {
            Thread.sleep(20);
        }
        boolean exited = p.waitFor(afterMillis, TimeUnit.MILLISECONDS);
        if (!exited) {
            p.destroyForcibly(); // SIGKILL on Unix
            p.waitFor();
        }
        List<String> corrupt = new ArrayList<>();
        List<Path> files = Files.isDirectory(dir) ? sqliteFiles(dir) : List.of();
        for (Path f : files) {
            String answer = integrity(f);
            if (!answer.equals("ok")) {
                corrupt.add(f + ": " + answer);
            }
        }
        boolean finished = Files.exists(dir.resolve("summary.json"));
        if (finished) {
            JSON.readTree(dir.resolve("summary.json").toFile()); // whole, or it throws
        } else if (Files.exists(dir.resolve("scenario.yaml"))) {
            MainTest.Result r = MainTest.p2psim("inspect", dir.toString(), "--state");
            assertEquals(2, r.code(), r.toString());
            assertTrue(r.err().contains("is incomplete: the run was interrupted"), r.err());
        }
        return new Outcome(files.size(), corrupt, finished);
    }

    private static List<Path> sqliteFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(f -> f.getFileName().toString().endsWith(".sqlite")).sorted().toList();
        }
    }

    /** SQLite's answer to PRAGMA integrity_check on a read-only connection, or why the file does not open. */
    static String integrity(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** {@code tools/crash_test.sh [KILLS [DIR]]}: KILLS runs (default 20) killed at random moments, a line each. */
    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path root = Files.createDirectories(args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("p2psim-crash-"));
        Random moments = new Random(args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime());
        // kill moments spread over a whole run as long as it takes on this machine (a fixed 12 s
        // missed the end of a run, when run.sqlite is written, on a loaded machine and hit only
        // finished runs on a fast one): one run unkilled first gives the span
        long start = System.nanoTime();
        Outcome reference = killOnce(root.resolve("reference"), Long.MAX_VALUE / 2_000_000);
        long span = Math.max(1_000, (System.nanoTime() - start) / 1_000_000);
        System.out.printf("reference run: %d ms, %d sqlite files, %s%n", span, reference.files(),
                reference.corrupt().isEmpty() ? "all pass integrity_check" : "CORRUPT " + reference.corrupt());
        int corrupt = reference.corrupt().isEmpty() ? 0 : 1;
        int finished = 0;
        for (int i = 0; i < kills; i++) {
            long after = moments.nextLong(span);
            Outcome o = killOnce(root.resolve("run-" + i), after);
            corrupt += o.corrupt().isEmpty() ? 0 : 1;
            finished += o.finished() ? 1 : 0;
            System.out.printf("kill %2d after %5d ms: %d sqlite files, %s%s%n", i + 1, after, o.files(),
                    o.corrupt().isEmpty() ? "all pass integrity_check" : "CORRUPT " + o.corrupt(),
                    o.finished() ? " (the run had finished)" : "");
        }
        System.out.printf("%d kills, %d with a corrupt file, %d runs had finished before the kill (in %s)%n",
                kills, corrupt, finished, root);
        System.exit(corrupt == 0 ? 0 : 1);
    }
}
