package org.p2psim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Work done ahead on a pool gives, for every input and in every order of consumption, what computing it inline gives. */
class WorkAheadTest {

    /** A pure function of bytes that costs something: many rounds of mixing. */
    static final Function<byte[], Long> DIGEST = bytes -> {
        long h = 1125899906842597L;
        for (int round = 0; round < 200; round++) {
            for (byte b : bytes) {
                h = 31 * h + b + round;
            }
        }
        return h;
    };

    static List<byte[]> inputs(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] bytes = new byte[1 + random.nextInt(400)];
            random.nextBytes(bytes);
            inputs.add(bytes);
        }
        return inputs;
    }

    /** Submits every input at time i, then takes them in the order {@code order} gives: the results in that order. */
    static List<Long> run(int threads, List<byte[]> inputs, List<Integer> order) {
        try (WorkPool pool = WorkPool.of(threads)) {
            WorkAhead<Long> ahead = new WorkAhead<>(pool);
            for (int i = 0; i < inputs.size(); i++) {
                ahead.submit(inputs.get(i), inputs.get(i), "terms", DIGEST, i);
            }
            assertEquals(threads == 1 ? 0 : inputs.size(), ahead.pending());
            List<Long> results = new ArrayList<>();
            for (int i : order) {
                results.add(ahead.take(inputs.get(i), inputs.get(i), "terms", DIGEST));
            }
            assertEquals(0, ahead.pending(), "every job was taken");
            return results;
        }
    }

    static List<Integer> shuffled(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        return order;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void resultsEqualTheInlineComputationInAnyOrderOfConsumption(int threads) {
        List<byte[]> inputs = inputs(7, 300);
        for (List<Integer> order : List.of(shuffled(300, 0), shuffled(300, 1))) {
            List<Long> inline = order.stream().map(i -> DIGEST.apply(inputs.get(i))).toList();
            assertEquals(inline, run(threads, inputs, order));
        }
    }

    /** Submits a job that holds the pool's one worker until {@code release}: jobs behind it are not started. */
    private static void occupyTheWorker(WorkAhead<Long> ahead, CountDownLatch release) {
        byte[] blocker = {0};
        ahead.submit(blocker, blocker, null, bytes -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0L;
        }, 0);
    }

    @Test
    void oneAndManyThreadsGiveTheSameResults() {
        List<byte[]> inputs = inputs(11, 200);
        List<Integer> order = shuffled(200, 5);
        List<Long> one = run(1, inputs, order);
        assertEquals(one, run(2, inputs, order));
        assertEquals(one, run(4, inputs, order));
    }

    @Test
    void bytesChangedSinceTheSubmissionOrOtherTermsAreComputedAgainOnWhatIsTaken() {
        try (WorkPool pool = WorkPool.of(2)) {
            WorkAhead<Long> ahead = new WorkAhead<>(pool);
            byte[] a = {1, 2, 3};
            byte[] b = {4, 5, 6};
            ahead.submit(a, a, "k1", DIGEST, 0);
            ahead.submit(b, b, "k1", DIGEST, 0);
            long before = DIGEST.apply(a.clone());
            a[0] = 9; // changed after its submission: the job ahead no longer answers for it
            assertEquals(DIGEST.apply(a), ahead.take(a, a, "k1", DIGEST));
            assertTrue(DIGEST.apply(a) != before);
            assertNull(ahead.takeAhead(b, b, "k2"), "other terms: nothing ahead");
            assertNull(ahead.takeAhead(b, b, "k1"), "a job is taken once (or dropped)");
            assertNull(ahead.takeAhead(new byte[] {4, 5, 6}, b, "k1"), "keys are compared by identity");
        }
    }

    @Test
    void theConsumerWaitsForARunningJobOrRunsItItself() throws InterruptedException {
        try (WorkPool pool = WorkPool.of(2)) {
            WorkAhead<Long> ahead = new WorkAhead<>(pool);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            Function<byte[], Long> slow = bytes -> {
                runs.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return DIGEST.apply(bytes);
            };
            byte[] first = {1};
            byte[] second = {2};
            ahead.submit(first, first, null, slow, 0); // the one worker takes it and blocks
            assertTrue(started.await(10, TimeUnit.SECONDS));
            ahead.submit(second, second, null, DIGEST, 0); // queued behind it: nobody has started it
            assertEquals(DIGEST.apply(second), ahead.take(second, second, null, DIGEST), "run here, not waited for");
            release.countDown();
            assertEquals(DIGEST.apply(first), ahead.take(first, first, null, DIGEST), "waited for");
            assertEquals(1, runs.get(), "a job runs once");
        }
    }

    @Test
    void aClaimedJobDroppedBeforeAWorkerStartedItNeverRuns() throws InterruptedException {
        try (WorkPool pool = WorkPool.of(2)) {
            WorkAhead<Long> ahead = new WorkAhead<>(pool);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            occupyTheWorker(ahead, release);
            byte[] dropped = {1};
            ahead.submit(dropped, dropped, null, bytes -> (long) runs.incrementAndGet(), 0);
            byte[] marker = {2};
            ahead.submit(marker, marker, null, DIGEST, 0);
            WorkAhead.Claim<Long> claim = ahead.claim(dropped, dropped, null);
            assertFalse(claim.isDone());
            claim.drop();
            WorkAhead.Claim<Long> last = ahead.claim(marker, marker, null);
            release.countDown();
            for (int i = 0; i < 1000 && !last.isDone(); i++) {
                Thread.sleep(10); // the one worker takes the queue in order: the dropped job's turn has passed
            }
            assertTrue(last.isDone());
            assertEquals(DIGEST.apply(marker), last.get());
            assertEquals(0, runs.get(), "a dropped job is never run");
            assertNull(ahead.claim(dropped, dropped, null), "claimed once");
        }
    }

    @Test
    void aCancelledJobIsNotTakenAndItsConsumerComputesTheValueItself() {
        try (WorkPool pool = WorkPool.of(2)) {
            WorkAhead<Long> ahead = new WorkAhead<>(pool);
            CountDownLatch release = new CountDownLatch(1);
            occupyTheWorker(ahead, release);
            byte[] bytes = {1, 2, 3};
            ahead.submit(bytes, bytes, null, DIGEST, 0); // behind the blocker: no worker has started it
            ahead.cancel(bytes);
            ahead.cancel(new byte[] {1, 2, 3}); // no job under that key: nothing happens
            assertNull(ahead.claim(bytes, bytes, null));
            assertEquals(1, ahead.pending());
            assertEquals(DIGEST.apply(bytes), ahead.take(bytes, bytes, null, DIGEST));
            release.countDown();
            byte[] done = {4};
            ahead.submit(done, done, null, DIGEST, 0);
            assertEquals(DIGEST.apply(done), ahead.take(done, done, null, DIGEST));
            ahead.submit(done, done, null, DIGEST, 0);
            ahead.cancel(done); // perhaps finished already: then its (equal) result may still be taken
            assertEquals(DIGEST.apply(done), ahead.take(done, done, null, DIGEST));
        }
    }

    @Test
    void jobsNobodyTakesAreForgottenAfterTheHorizonAndAClosedPoolStillAnswers() {
        WorkPool pool = WorkPool.of(2);
        WorkAhead<Long> ahead = new WorkAhead<>(pool, 1_000);
        byte[] lost = {1};
        byte[] kept = {2};
        ahead.submit(lost, lost, null, DIGEST, 0);
        ahead.submit(kept, kept, null, DIGEST, 1_500);
        assertEquals(1, ahead.pending(), "the first job is older than the horizon at the second submission");
        assertNull(ahead.takeAhead(lost, lost, null));
        pool.close();
        byte[] late = {3};
        ahead.submit(late, late, null, DIGEST, 1_600); // a closed pool starts nothing: taken, it is computed here
        assertEquals(DIGEST.apply(late), ahead.take(late, late, null, DIGEST));
        assertEquals(DIGEST.apply(kept), ahead.take(kept, kept, null, DIGEST));
    }

    @Test
    void aFailingJobThrowsWhatTheInlineComputationThrows() {
        Function<byte[], Long> failing = bytes -> {
            throw new IllegalArgumentException("bad input of " + bytes.length);
        };
        try (WorkPool pool = WorkPool.of(2)) {
            WorkAhead<Long> ahead = new WorkAhead<>(pool);
            byte[] bytes = {1, 2};
            ahead.submit(bytes, bytes, null, failing, 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ahead.take(bytes, bytes, null, failing));
            assertEquals("bad input of 2", e.getMessage());
        }
    }

    @Test
    void onePoolThreadIsInlineAndTheSizeComesFromTheProperty() {
        assertSame(WorkPool.INLINE, WorkPool.of(1));
        assertTrue(WorkPool.INLINE.isInline());
        assertFalse(new WorkAhead<Long>(WorkPool.INLINE).isOn());
        assertThrows(IllegalArgumentException.class, () -> WorkPool.of(0));
        String before = System.getProperty(WorkPool.THREADS_PROPERTY);
        try {
            System.setProperty(WorkPool.THREADS_PROPERTY, "3");
            assertEquals(3, WorkPool.configuredThreads());
            try (WorkPool pool = WorkPool.configured()) {
                assertEquals(3, pool.threads());
                assertFalse(pool.isInline());
            }
            System.clearProperty(WorkPool.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), WorkPool.configuredThreads());
        } finally {
            if (before == null) {
                System.clearProperty(WorkPool.THREADS_PROPERTY);
            } else {
                System.setProperty(WorkPool.THREADS_PROPERTY, before);
            }
        }
        assertEquals("p2psim.threads", WorkPool.THREADS_PROPERTY, "a contract of the command line");
    }
}
