package org.p2psim.net;

/**
 * The fingerprints of the packets a device accepted whose timestamps are still inside its skew
 * window, in primitive arrays: an open-addressing set (linear probing, deletion by backward shift)
 * and a ring of (timestamp, fingerprint) in arrival order for expiry. A boxed {@code HashSet<Long>}
 * with a deque of records cost about 100 bytes a packet; this costs about 32. Same answers.
 */
final class ReplayWindow {
    private static final int MIN_SLOTS = 16;

    // the set; 0 marks a free slot, so a fingerprint of 0 is kept aside
    private long[] slots = new long[MIN_SLOTS];
    private int count;
    private boolean hasZero;

    // the ring, oldest first
    private long[] times = new long[MIN_SLOTS];
    private long[] prints = new long[MIN_SLOTS];
    private int head;
    private int queued;

    /** Adds {@code fingerprint} (timestamp {@code timestamp}); false when it is already in the window. */
    boolean add(long timestamp, long fingerprint) {
        if (!insert(fingerprint)) {
            return false;
        }
        if (queued == times.length) {
            growRing();
        }
        int at = (head + queued) & (times.length - 1);
        times[at] = timestamp;
        prints[at] = fingerprint;
        queued++;
        return true;
    }

    /** Forgets, oldest first, the packets whose timestamp is before {@code before}. */
    void forgetBefore(long before) {
        while (queued > 0 && times[head] < before) {
            remove(prints[head]);
            head = (head + 1) & (times.length - 1);
            queued--;
        }
    }

    int size() {
        return count + (hasZero ? 1 : 0);
    }

    private boolean insert(long key) {
        if (key == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        int i = slot(key, mask);
        while (slots[i] != 0) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        if (++count * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return true;
    }

    private void remove(long key) {
        if (key == 0) {
            hasZero = false;
            return;
        }
        int mask = slots.length - 1;
        int i = slot(key, mask);
        while (slots[i] != key) {
            if (slots[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        // backward shift: move later members of the probe run into the hole so that no lookup stops early
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = slot(slots[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = 0;
        count--;
        if (slots.length > MIN_SLOTS && count * 8 < slots.length) {
            rehash(slots.length / 2);
        }
    }

    private void rehash(int size) {
        long[] old = slots;
        slots = new long[size];
        int mask = size - 1;
        for (long key : old) {
            if (key != 0) {
                int i = slot(key, mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = key;
            }
        }
    }

    private void growRing() {
        long[] t = new long[times.length * 2];
        long[] p = new long[times.length * 2];
        for (int k = 0; k < queued; k++) {
            int from = (head + k) & (times.length - 1);
            t[k] = times[from];
            p[k] = prints[from];
        }
        times = t;
        prints = p;
        head = 0;
    }

    /** Fingerprints are hashes already, but crafted ones need not be: mix before masking. */
    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
