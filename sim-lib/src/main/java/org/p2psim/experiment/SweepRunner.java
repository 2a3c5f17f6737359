package org.p2psim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.p2psim.Simulation;
import org.p2psim.experiment.Sweep.Point;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimTime;

/**
 * Runs the points of a {@link Sweep}: each alone, built and run as {@code p2psim run} does, on a
 * fixed pool of daemon threads; the outcomes come back in point order whatever order the runs
 * finish in, so the result is the same for any thread count.
 */
final class SweepRunner {
    private SweepRunner() {}

    /**
     * Runs every point with its combination's scenario on {@code threads} threads (no more than there
     * are points), telling {@code progress} after each; returns the outcomes in point order.
     */
    static List<Outcome> execute(List<Point> points, Map<Map<String, String>, Scenario> scenarios, int threads,
                                 Sweep.Progress progress, Path scratch) {
        int total = points.size();
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(total, null));
        int poolSize = Math.max(1, Math.min(threads, total));
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, new Named());
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (Point p : points) {
                Scenario s = scenarios.get(p.values());
                done.submit(() -> runOne(p, s, scratch));
            }
            for (int finished = 1; finished <= total; finished++) {
                Outcome o;
                try {
                    o = done.take().get();
                } catch (ExecutionException e) {
                    throw failure(e.getCause());
                }
                outcomes.set(o.point().index(), o);
                progress.runDone(finished, total, o.point());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private static RuntimeException failure(Throwable cause) {
        if (cause instanceof RunFailure f) {
            return new IllegalStateException(f.getMessage(), f.getCause());
        }
        return new IllegalStateException("a sweep run failed: " + cause, cause);
    }

    /** One run, alone: built and run as {@link ScenarioRun#run} does, without writing a run directory. */
    private static Outcome runOne(Point point, Scenario scenario, Path scratch) {
        Path dir = null;
        try {
            if (scratch != null) {
                Files.createDirectories(scratch);
                dir = Files.createTempDirectory(scratch, "run-");
            }
            try (Simulation sim = ScenarioRun.of(scenario).seed(point.seed()).directory(dir).build()) {
                ScenarioRun.runUntil(sim, SimTime.of(scenario.duration()), ScenarioRun.Progress.NONE);
                return new Outcome(point, sim.metrics().summaryMap(), Expectations.evaluate(scenario, sim), sim.traceSha256());
            }
        } catch (IOException e) {
            throw new RunFailure(point, new UncheckedIOException(e));
        } catch (RuntimeException | Error e) {
            throw new RunFailure(point, e);
        } finally {
            if (dir != null) {
                try {
                    RunDirectory.deleteTree(dir);
                } catch (IOException e) {
                    // a leftover scratch directory is harmless
                }
            }
        }
    }

    record Outcome(Point point, LinkedHashMap<String, Double> metrics, List<ExpectationResult> expectations, String traceSha256) {}

    /** A run that threw, naming its point. */
    private static final class RunFailure extends RuntimeException {
        RunFailure(Point point, Throwable cause) {
            super("sweep run " + (point.index() + 1) + " (" + point.label() + ") failed: " + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage(), cause);
        }
    }

    /** Daemon threads named p2psim-sweep-N, so that a notebook kernel never waits on them. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "p2psim-sweep-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
