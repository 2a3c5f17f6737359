package org.p2psim.metrics.collect;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import org.p2psim.metrics.facts.PacketRow;

/**
 * The packet log in columns of primitives: 40 bytes a packet instead of a {@link PacketRow} object
 * (about 80 bytes with its list slot). A run of a thousand devices logs tens of millions of packets,
 * so this is most of what a run keeps per packet. Rows read back are equal to the rows added; the
 * strings of a row (endpoints, type, fate, reason) come from small tables of the distinct values.
 * Append-only; one thread adds (the run's).
 */
final class PacketLog extends AbstractList<PacketRow> implements RandomAccess {
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;

    /** What a row's type, fate, reason and duplicate flag are, as one index into {@link #kinds}. */
    private record Kind(String type, String fate, String reason, boolean duplicate) {}

    private final List<Chunk> chunks = new ArrayList<>();
    private final Distinct<String> devices = new Distinct<>();
    private final Distinct<Kind> kinds = new Distinct<>();
    private int size;

    /** Fixed-size columns of {@value #CHUNK} rows: growing never copies what is stored. */
    private static final class Chunk {
        final long[] sentAt = new long[CHUNK];
        final long[] doneAt = new long[CHUNK];
        final long[] fingerprint = new long[CHUNK];
        final int[] from = new int[CHUNK];
        final int[] to = new int[CHUNK];
        final int[] bytes = new int[CHUNK];
        final int[] kind = new int[CHUNK];
    }

    /** The distinct values of a column by index (device names, kinds: a few thousand at most). */
    private static final class Distinct<T> {
        final List<T> byIndex = new ArrayList<>();
        final Map<T, Integer> index = new HashMap<>();

        int of(T value) {
            Integer i = index.get(value);
            if (i == null) {
                i = byIndex.size();
                byIndex.add(value);
                index.put(value, i);
            }
            return i;
        }
    }

    @Override
    public boolean add(PacketRow row) {
        if ((size & (CHUNK - 1)) == 0) {
            chunks.add(new Chunk());
        }
        Chunk c = chunks.get(size >>> CHUNK_BITS);
        int i = size & (CHUNK - 1);
        c.sentAt[i] = row.sentAt();
        c.doneAt[i] = row.doneAt();
        c.fingerprint[i] = row.fingerprint();
        c.from[i] = devices.of(row.from());
        c.to[i] = devices.of(row.to());
        c.bytes[i] = row.bytes();
        c.kind[i] = kinds.of(new Kind(row.type(), row.fate(), row.reason(), row.duplicate()));
        size++;
        return true;
    }

    @Override
    public PacketRow get(int index) {
        Objects.checkIndex(index, size);
        Chunk c = chunks.get(index >>> CHUNK_BITS);
        int i = index & (CHUNK - 1);
        Kind k = kinds.byIndex.get(c.kind[i]);
        return new PacketRow(c.sentAt[i], c.doneAt[i], devices.byIndex.get(c.from[i]), devices.byIndex.get(c.to[i]), k.type(),
                c.bytes[i], k.fate(), k.reason(), c.fingerprint[i], k.duplicate());
    }

    @Override
    public int size() {
        return size;
    }
}
