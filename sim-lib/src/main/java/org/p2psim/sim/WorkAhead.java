package org.p2psim.sim;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Work that is a pure function of bytes, started ahead on a {@link WorkPool} and consumed later, in
 * event order, on the simulation thread (issue 15: every core in one run, still deterministic).
 *
 * <p>The simulation thread {@link #submit submits} a job when the bytes are known (a packet is sent)
 * under a key compared by identity (the packet's wire array), with the bytes, the terms the result
 * also depends on (a public key, a length, a sealer: compared with {@code equals}) and the function,
 * which never returns null.
 * The job works on its own copy of the bytes. When the result is needed (the packet is delivered),
 * the simulation thread {@link #take takes} it by the same key: it is used only if the job was made
 * for exactly these bytes and equal terms; then the consumer waits for the worker, or runs the job
 * itself when no worker has started it. Anything else is computed inline. Each way gives the value
 * the function gives for these bytes, so a run does not depend on the number of threads or on their
 * timing: only where the work happens does.
 *
 * <p>Only pure functions may go ahead: no simulated state, no randomness, nothing that another
 * thread changes (a directory that only grows is fine when the consumer re-checks an answer that
 * depended on something missing). Only the simulation thread calls this class. Jobs that nobody
 * takes (lost packets) are forgotten {@code horizon} µs of simulated time after they were submitted.
 * On a {@link WorkPool#INLINE} pool nothing is submitted and every result is computed when taken.
 *
 * @param <T> the result of one job
 */
public final class WorkAhead<T> {
    /** How long a job nobody took is kept: two simulated minutes. */
    public static final long DEFAULT_HORIZON_US = 120_000_000L;

    private final WorkPool pool;
    private final long horizon;
    private final Map<Object, Job<T>> pending = new IdentityHashMap<>();
    private final ArrayDeque<Job<T>> bySubmitTime = new ArrayDeque<>();

    public WorkAhead(WorkPool pool) {
        this(pool, DEFAULT_HORIZON_US);
    }

    /** @param horizon µs of simulated time after which a job nobody took is forgotten */
    public WorkAhead(WorkPool pool, long horizon) {
        if (horizon <= 0) {
            throw new IllegalArgumentException("the horizon of work ahead must be > 0 µs, was " + horizon);
        }
        this.pool = Objects.requireNonNull(pool, "pool");
        this.horizon = horizon;
    }

    /** Whether jobs go to workers (else everything is computed when taken). */
    public boolean isOn() {
        return !pool.isInline();
    }

    /**
     * Starts {@code work} on a copy of {@code bytes} on the pool, for a consumer that will ask for
     * it by {@code key} at simulated time {@code now} or later. A later job under the same key
     * replaces this one. Does nothing on an inline pool.
     */
    public void submit(Object key, byte[] bytes, Object terms, Function<byte[], ? extends T> work, long now) {
        if (pool.isInline()) {
            return;
        }
        forgetBefore(now - horizon);
        Job<T> job = new Job<>(key, bytes.clone(), terms, work, now);
        pending.put(key, job);
        bySubmitTime.addLast(job);
        pool.execute(job.task);
    }

    /**
     * The job submitted under {@code key} when it was made for exactly {@code bytes} and terms equal
     * to {@code terms} and not {@link #cancel cancelled}, claimed by the caller; else null. Either way
     * the job is no longer pending: a result is taken once.
     */
    public Claim<T> claim(Object key, byte[] bytes, Object terms) {
        Job<T> job = pending.isEmpty() ? null : pending.remove(key);
        if (job == null) {
            return null;
        }
        job.taken = true;
        if (job.task.isCancelled() || !Objects.equals(job.terms, terms) || !Arrays.equals(job.bytes, bytes)) {
            job.task.cancel(false);
            return null;
        }
        return job;
    }

    /**
     * The job submitted under {@code key} will not be needed after all: a worker that has not started
     * it never will, and its consumer computes what it needs itself (so cancelling never changes a
     * result, only where work happens).
     */
    public void cancel(Object key) {
        Job<T> job = pending.isEmpty() ? null : pending.get(key);
        if (job != null) {
            job.task.cancel(false);
        }
    }

    /**
     * The result of the job submitted under {@code key} when it was made for exactly {@code bytes}
     * and terms equal to {@code terms} (waited for, or computed here when no worker has started
     * it); else null. Either way the job is forgotten: a result is taken once.
     */
    public T takeAhead(Object key, byte[] bytes, Object terms) {
        Claim<T> claim = claim(key, bytes, terms);
        return claim == null ? null : claim.get();
    }

    /** {@link #takeAhead}, else {@code work} computed here on {@code bytes}: the same value either way. */
    public T take(Object key, byte[] bytes, Object terms, Function<byte[], ? extends T> work) {
        T ahead = takeAhead(key, bytes, terms);
        return ahead != null ? ahead : work.apply(bytes);
    }

    /** Jobs submitted and neither taken nor forgotten yet. */
    public int pending() {
        return pending.size();
    }

    /** Drops the jobs taken at the head of the queue (most are taken in the order they came) and those older than {@code time}. */
    private void forgetBefore(long time) {
        while (!bySubmitTime.isEmpty() && (bySubmitTime.peekFirst().taken || bySubmitTime.peekFirst().submittedAt < time)) {
            Job<T> old = bySubmitTime.pollFirst();
            pending.remove(old.key, old);
            old.task.cancel(false);
        }
    }

    /** A job claimed by its consumer, on the simulation thread. */
    public interface Claim<T> {
        /** Whether its result is ready (taking it costs nothing). */
        boolean isDone();

        /** Its result: waited for, or computed here when no worker has started it. */
        T get();

        /** Not needed after all: a worker that has not started it never will. */
        void drop();
    }

    /** One job: its own copy of the bytes, so that it answers for exactly these bytes. */
    private static final class Job<T> implements Claim<T> {
        final Object key;
        final byte[] bytes;
        final Object terms;
        final Function<byte[], ? extends T> work;
        final long submittedAt;
        final FutureTask<T> task;
        boolean taken;

        Job(Object key, byte[] bytes, Object terms, Function<byte[], ? extends T> work, long submittedAt) {
            this.key = key;
            this.bytes = bytes;
            this.terms = terms;
            this.work = work;
            this.submittedAt = submittedAt;
            this.task = new FutureTask<>(() -> work.apply(bytes));
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public T get() {
            task.run(); // computes it here unless a worker has started it (then a no-op)
            try {
                return task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // the exception the inline computation throws
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("work ahead failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return work.apply(bytes);
            }
        }

        @Override
        public void drop() {
            task.cancel(false);
        }
    }
}
