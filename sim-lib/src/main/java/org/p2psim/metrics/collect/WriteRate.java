package org.p2psim.metrics.collect;

import java.util.Arrays;

/**
 * Inserts of one device over simulated time, for its write rate. Two views of "per second":
 * <ul>
 *   <li>sliding: the most inserts in any 1 s interval {@code (t − 1 s, t]}, kept with a ring
 *       buffer of the insert times of the last second;</li>
 *   <li>aligned: inserts counted in the windows {@code [k s, (k+1) s)}; a histogram of those
 *       counts answers "how many windows exceeded c" for any ceiling c.</li>
 * </ul>
 * Insert times must not decrease. Each insert is O(1) amortised and allocates only when a buffer grows.
 */
final class WriteRate {
    private static final long SECOND = 1_000_000L;

    private long[] recent = new long[16];
    private int head;
    private int inWindow;
    private int peakSliding;
    private long inserts;

    private long window = Long.MIN_VALUE;
    private int windowCount;
    private int peakAligned;
    /** windowsWithCount[c] = closed aligned windows that held exactly c inserts. */
    private long[] windowsWithCount = new long[16];

    void insert(long at) {
        inserts++;
        long cutoff = at - SECOND;
        int mask = recent.length - 1;
        while (inWindow > 0 && recent[head] <= cutoff) {
            head = (head + 1) & mask;
            inWindow--;
        }
        if (inWindow == recent.length) {
            grow();
            mask = recent.length - 1;
        }
        recent[(head + inWindow) & mask] = at;
        inWindow++;
        peakSliding = Math.max(peakSliding, inWindow);

        long w = Math.floorDiv(at, SECOND);
        if (w != window) {
            closeWindow();
            window = w;
        }
        windowCount++;
        peakAligned = Math.max(peakAligned, windowCount);
    }

    private void grow() {
        long[] bigger = new long[recent.length * 2];
        for (int i = 0; i < inWindow; i++) {
            bigger[i] = recent[(head + i) & (recent.length - 1)];
        }
        recent = bigger;
        head = 0;
    }

    private void closeWindow() {
        if (windowCount > 0) {
            if (windowCount >= windowsWithCount.length) {
                windowsWithCount = Arrays.copyOf(windowsWithCount, Math.max(windowCount + 1, windowsWithCount.length * 2));
            }
            windowsWithCount[windowCount]++;
        }
        windowCount = 0;
    }

    long inserts() {
        return inserts;
    }

    int peakSliding() {
        return peakSliding;
    }

    int peakAligned() {
        return peakAligned;
    }

    /** Aligned 1 s windows (the current one included) with more than {@code ceiling} inserts. */
    long windowsOver(int ceiling) {
        long over = windowCount > ceiling ? 1 : 0;
        for (int c = Math.max(0, ceiling + 1); c < windowsWithCount.length; c++) {
            over += windowsWithCount[c];
        }
        return over;
    }
}
