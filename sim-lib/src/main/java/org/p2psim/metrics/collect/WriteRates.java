package org.p2psim.metrics.collect;

import java.util.ArrayList;
import java.util.List;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * Store inserts per device (registration order), judged against a mobile write ceiling in inserts
 * per second. {@link GroundTruth} reports the inserts: first stores, except an author's store of
 * its own history.
 */
public final class WriteRates {
    /** Default mobile write ceiling: inserts per second a phone's store is assumed to sustain. */
    public static final int DEFAULT_CEILING = 100;

    private final List<String> names = new ArrayList<>();
    private final List<WriteRate> byIndex = new ArrayList<>();
    private int ceiling = DEFAULT_CEILING;

    void register(String device) {
        names.add(device);
        byIndex.add(new WriteRate());
    }

    void insert(int deviceIndex, long at) {
        byIndex.get(deviceIndex).insert(at);
    }

    public void ceiling(int insertsPerSecond) {
        if (insertsPerSecond <= 0) {
            throw new IllegalArgumentException("the write ceiling must be > 0 inserts per second, was " + insertsPerSecond);
        }
        this.ceiling = insertsPerSecond;
    }

    public int ceiling() {
        return ceiling;
    }

    public int peakSliding() {
        return byIndex.stream().mapToInt(WriteRate::peakSliding).max().orElse(0);
    }

    public int peakAligned() {
        return byIndex.stream().mapToInt(WriteRate::peakAligned).max().orElse(0);
    }

    public long windowsOver() {
        return byIndex.stream().mapToLong(w -> w.windowsOver(ceiling)).sum();
    }

    public long devicesOverCeiling() {
        return byIndex.stream().filter(w -> w.peakSliding() > ceiling).count();
    }

    record Row(String device, long inserts, int peakPerS, int peakAlignedPerS, long windowsOver, int ceilingPerS) {}

    /** Per device: inserts, peak in any 1 s (sliding), peak in an aligned second, aligned seconds over the ceiling, the ceiling. */
    public Table table() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < byIndex.size(); i++) {
            WriteRate w = byIndex.get(i);
            rows.add(new Row(names.get(i), w.inserts(), w.peakSliding(), w.peakAligned(), w.windowsOver(ceiling), ceiling));
        }
        return RecordTable.of("write rates", Row.class, rows);
    }
}
