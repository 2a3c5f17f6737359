package org.p2psim.sync.riblt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Peels the difference between a peer's coded symbols and ours. Symbols arrive in batches of any
 * index range, in any order, some never (UDP loss); each is stored as peer minus local. A symbol
 * whose count is ±1 and whose checksum matches its sum is pure: its item is recovered (+1: only the
 * peer has it; −1: only we do) and removed from every symbol it maps to, now and in later batches.
 * The difference is fully known once symbol 0, which every item maps to, is empty.
 */
public final class Decoder {
    /** An item the two sets do not share: its 16 bytes, and whether the peer (not we) holds it. */
    public record Item(long high, long low, boolean peerHas) {}

    private final TreeMap<Integer, long[]> symbols = new TreeMap<>();
    private final List<Item> items = new ArrayList<>();
    private final List<Long> itemChecks = new ArrayList<>();
    private final Set<List<Long>> recovered = new HashSet<>();
    private int received;

    /** Adds the peer's symbols starting at index {@code from}, minus our own symbols of the same indices. */
    void add(int from, Symbols peer, Symbols local) {
        TreeMap<Integer, long[]> fresh = new TreeMap<>();
        for (int i = 0; i < peer.size(); i++) {
            if (!symbols.containsKey(from + i)) {
                fresh.put(from + i, new long[] {peer.high[i] ^ local.high[i], peer.low[i] ^ local.low[i],
                    peer.check[i] ^ local.check[i], peer.count[i] - local.count[i]});
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        received += fresh.size();
        for (int k = 0; k < items.size(); k++) {
            remove(fresh, items.get(k), itemChecks.get(k), null);
        }
        symbols.putAll(fresh);
        peel(new ArrayDeque<>(fresh.keySet()));
    }

    private void peel(ArrayDeque<Integer> queue) {
        while (!queue.isEmpty()) {
            long[] s = symbols.get(queue.poll());
            if (s == null || s[3] != 1 && s[3] != -1 || Mapping.checksum(s[0], s[1]) != s[2]) {
                continue;
            }
            Item item = new Item(s[0], s[1], s[3] == 1);
            if (!recovered.add(List.of(s[0], s[1]))) {
                // only symbols of different snapshots (or forged ones) give an item twice: peeling would never end
                throw new IllegalArgumentException("coded symbols are inconsistent: an item was recovered twice");
            }
            long check = s[2];
            items.add(item);
            itemChecks.add(check);
            remove(symbols, item, check, queue);
        }
    }

    /** Removes a recovered item from the symbols of {@code held}; those that may have turned pure go to {@code queue}. */
    private static void remove(TreeMap<Integer, long[]> held, Item item, long check, ArrayDeque<Integer> queue) {
        int sign = item.peerHas() ? 1 : -1;
        int to = held.lastKey() + 1;
        Mapping m = Mapping.of(item.high(), item.low());
        for (long idx = m.next(); idx < to; idx = m.next()) {
            long[] s = held.get((int) idx);
            if (s != null) {
                s[0] ^= item.high();
                s[1] ^= item.low();
                s[2] ^= check;
                s[3] -= sign;
                if (queue != null) {
                    queue.add((int) idx);
                }
            }
        }
    }

    /** Whether the whole difference is known: symbol 0 was received and is empty. */
    public boolean done() {
        long[] zero = symbols.get(0);
        return zero != null && zero[0] == 0 && zero[1] == 0 && zero[2] == 0 && zero[3] == 0;
    }

    /** The items recovered so far, in the order they were. */
    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Symbols received (distinct indices). */
    public int received() {
        return received;
    }

    /** Whether symbol {@code index} was received. */
    public boolean has(int index) {
        return symbols.containsKey(index);
    }

    /** One past the highest index received, 0 before any. */
    public int next() {
        return symbols.isEmpty() ? 0 : symbols.lastKey() + 1;
    }
}
