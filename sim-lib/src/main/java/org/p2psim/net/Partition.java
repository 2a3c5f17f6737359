package org.p2psim.net;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A cut in the network between two groups of devices. A packet from a device in {@code sideA} to a
 * device in {@code sideB} is blocked; unless the cut is {@code oneWay}, so is one from B to A. An
 * empty {@code sideB} stands for every device not in A ({@link #isolate}). Packets within a side
 * pass. A packet is judged when it enters the network (after its sender's uplink) and ends as
 * {@link Outcome#PARTITION}; one already in flight when a cut starts still arrives.
 *
 * <p>This is only the description; {@link Network#partition(Partition)} puts it in force and
 * returns a {@link PartitionHandle} that heals it.
 */
public record Partition(SortedSet<String> sideA, SortedSet<String> sideB, boolean oneWay) {

    public Partition {
        sideA = sorted(sideA);
        sideB = sorted(sideB);
        if (sideA.isEmpty()) {
            throw new IllegalArgumentException("a partition's first group must name at least one device, was empty");
        }
        for (String name : sideA) {
            if (sideB.contains(name)) {
                throw new IllegalArgumentException("device '" + name + "' cannot be on both sides of a partition " + sideA + " | " + sideB);
            }
        }
    }

    /** Blocks traffic both ways between {@code a} and {@code b}. */
    public static Partition between(Collection<String> a, Collection<String> b) {
        requireNonEmpty(b);
        return new Partition(new TreeSet<>(a), new TreeSet<>(b), false);
    }

    /** Blocks traffic from {@code from} to {@code to} only; the other direction still passes. */
    public static Partition oneWay(Collection<String> from, Collection<String> to) {
        requireNonEmpty(to);
        return new Partition(new TreeSet<>(from), new TreeSet<>(to), true);
    }

    /** Cuts {@code group} off from every other device, both ways. */
    public static Partition isolate(Collection<String> group) {
        return new Partition(new TreeSet<>(group), new TreeSet<>(), false);
    }

    /** Whether this cut blocks a packet from {@code from} to {@code to}. */
    public boolean blocks(String from, String to) {
        return crosses(from, to) || (!oneWay && crosses(to, from));
    }

    private boolean crosses(String from, String to) {
        return sideA.contains(from) && (sideB.isEmpty() ? !sideA.contains(to) : sideB.contains(to));
    }

    /** Every device the cut names. */
    Set<String> named() {
        SortedSet<String> all = new TreeSet<>(sideA);
        all.addAll(sideB);
        return all;
    }

    private static SortedSet<String> sorted(Collection<String> names) {
        if (names == null) {
            throw new IllegalArgumentException("a partition's groups must be given, was null");
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    private static void requireNonEmpty(Collection<String> group) {
        if (group.isEmpty()) {
            throw new IllegalArgumentException("a partition's second group must name at least one device, was empty"
                    + " (use Partition.isolate to cut a group off from everyone else)");
        }
    }

    @Override
    public String toString() {
        String other = sideB.isEmpty() ? "everyone else" : sideB.toString();
        return sideA + (oneWay ? " -/-> " : " <-/-> ") + other;
    }
}
