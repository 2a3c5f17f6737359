package org.p2psim.metrics.collect;

import org.p2psim.metrics.facts.PacketRow;

/** Counts and bytes of one packet type, by fate. Mutable, owned by {@link PacketLedger}. */
final class PacketTotals {
    long sentCount;
    long sentBytes;
    long deliveredCount;
    long deliveredBytes;
    long droppedCount;
    long droppedBytes;
    long rejectedCount;
    long rejectedBytes;

    void add(PacketRow row) {
        sentCount++;
        sentBytes += row.bytes();
        switch (row.fate()) {
            case "delivered" -> {
                deliveredCount++;
                deliveredBytes += row.bytes();
            }
            case "dropped" -> {
                droppedCount++;
                droppedBytes += row.bytes();
            }
            default -> {
                rejectedCount++;
                rejectedBytes += row.bytes();
            }
        }
    }
}
