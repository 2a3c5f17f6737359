package org.p2psim.lab;

import org.p2psim.metrics.facts.PacketRow;

/** How a packet's fate is written and coloured, the same in sequence diagrams, steps and live frames. */
final class SequenceStyle {
    static final String DELIVERED = "#2ca02c";
    static final String LOST = "#d62728";
    static final String REJECTED = "#9467bd";

    private SequenceStyle() {
    }

    /** "delivered", "lost" (dropped by loss), "dropped: queue", "rejected: signature"; a network-made copy says so. */
    static String fate(PacketRow p) {
        String base;
        if (p.reason().isEmpty()) {
            base = p.fate();
        } else if ("loss".equals(p.reason())) {
            base = "lost";
        } else {
            base = p.fate() + ": " + p.reason();
        }
        return p.duplicate() ? base + " (copy)" : base;
    }

    static String fateColor(PacketRow p) {
        return switch (p.fate()) {
            case "delivered" -> DELIVERED;
            case "rejected" -> REJECTED;
            default -> LOST;
        };
    }
}
