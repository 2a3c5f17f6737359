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
import org.p2psim.experiment.engine.PointResult;
import org.p2psim.experiment.engine.PointRunner;
import org.p2psim.experiment.engine.PointTask;
import org.p2psim.experiment.engine.SweepEngine;
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
                List<ExpectationResult> checks = Expectations.evaluate(scenario, sim);
                return new Outcome(point, sim.metrics().summaryMap(), checks.size(), Expectations.passed(checks), Expectations.attainablePassed(checks),
                        sim.traceSha256());
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

    record Outcome(Point point, LinkedHashMap<String, Double> metrics, int checks, int passed, int attainablePassed, String traceSha256) {}

    /** The tasks an engine runs: each point with its combination's effective scenario as YAML. */
    static List<PointTask> tasks(List<Point> points, Map<Map<String, String>, Scenario> scenarios) {
        Map<Map<String, String>, String> yaml = new LinkedHashMap<>();
        List<PointTask> tasks = new ArrayList<>();
        for (Point p : points) {
            String text = yaml.computeIfAbsent(p.values(), v -> scenarios.get(v).toYaml());
            tasks.add(new PointTask(p.index(), p.label(), text, p.seed()));
        }
        return tasks;
    }

    /** Runs the points on {@code engine}; the outcomes in point order (checked: one result per point). */
    static List<Outcome> execute(List<Point> points, Map<Map<String, String>, Scenario> scenarios, SweepEngine engine,
                                 Sweep.Progress progress) {
        List<PointResult> results = engine.run(tasks(points, scenarios), new YamlPoint());
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(points.size(), null));
        for (PointResult r : results) {
            Point p = points.get(r.index());
            if (outcomes.set(r.index(), new Outcome(p, r.metrics(), r.checks(), r.passed(), r.attainablePassed(), r.traceSha256())) != null) {
                throw new IllegalStateException(engine.describe() + " returned point " + (r.index() + 1) + " twice");
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                throw new IllegalStateException(engine.describe() + " returned no result for point " + (i + 1));
            }
            progress.runDone(i + 1, outcomes.size(), points.get(i));
        }
        return outcomes;
    }

    /** A point shipped to an engine: the scenario is read back from its YAML, then run as {@link #runOne} runs it. */
    static final class YamlPoint implements PointRunner {
        private static final long serialVersionUID = 1L;

        @Override
        public PointResult run(PointTask task) {
            Scenario scenario = Scenario.parse(task.scenarioYaml(), "sweep point " + (task.index() + 1));
            Outcome o = runOne(new Point(task.index(), Map.of(), task.seed()), scenario, null);
            return new PointResult(task.index(), o.metrics(), o.checks(), o.passed(), o.attainablePassed(), o.traceSha256());
        }
    }

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
