package org.p2psim.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cores of one run: {@code threads − 1} daemon workers beside the simulation thread, shared by
 * the run's {@link WorkAhead look-aheads}. They only ever compute pure functions of bytes; the
 * simulation thread consumes the results in event order, so the number of threads changes where
 * work happens, never what a run does.
 *
 * <p>One thread ({@link #INLINE}) has no workers: everything is computed on the simulation thread,
 * when it is needed, as if there were no pool.
 */
public final class WorkPool implements AutoCloseable {
    /** The system property that sets the threads of a run (default: every core); a contract of the command line. */
    public static final String THREADS_PROPERTY = "p2psim.threads";
    /** No workers: every result is computed inline, when it is consumed. */
    public static final WorkPool INLINE = new WorkPool(1, null);

    /** Seconds an idle worker waits for work before it ends (a new one starts with the next job). */
    static final long IDLE_SECONDS = 10;

    private final int threads;
    private final ExecutorService workers;

    private WorkPool(int threads, ExecutorService workers) {
        this.threads = threads;
        this.workers = workers;
    }

    /** A pool of {@code threads} in all: the simulation thread and {@code threads − 1} workers ({@link #INLINE} for 1). */
    public static WorkPool of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(THREADS_PROPERTY + " must be >= 1, was " + threads);
        }
        if (threads == 1) {
            return INLINE;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads - 1, threads - 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "p2psim-ahead-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        workers.allowCoreThreadTimeOut(true); // a simulation a notebook never closes leaves no idle threads behind
        return new WorkPool(threads, workers);
    }

    /** A pool of {@link #configuredThreads()}. */
    public static WorkPool configured() {
        return of(configuredThreads());
    }

    /** The threads of a run: the system property {@value #THREADS_PROPERTY}, else every core. */
    public static int configuredThreads() {
        return Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }

    /** Threads in all, the simulation thread included. */
    public int threads() {
        return threads;
    }

    /** Whether there are no workers (one thread): work is done inline. */
    public boolean isInline() {
        return workers == null;
    }

    /** Hands {@code task} to a worker; on {@link #INLINE} it is not run here (its consumer runs it when needed). */
    void execute(Runnable task) {
        if (workers != null) {
            try {
                workers.execute(task);
            } catch (RejectedExecutionException closed) {
                // a closed pool starts nothing more: the consumer computes the result itself
            }
        }
    }

    /** Stops the workers; work not yet started is computed inline by whoever consumes it. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "WorkPool[" + threads + " threads]";
    }
}
