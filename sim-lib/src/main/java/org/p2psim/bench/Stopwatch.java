package org.p2psim.bench;

import java.util.Arrays;

/** Runs a task repeatedly after warm-up and reports the median wall time of the measured runs. */
final class Stopwatch {
    private Stopwatch() {}

    /** Median nanoseconds of one call of {@code task}, over {@code runs} runs after {@code warmups}. */
    static long medianNanos(int warmups, int runs, Runnable task) {
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        long[] samples = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            samples[i] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        return samples[runs / 2];
    }
}
