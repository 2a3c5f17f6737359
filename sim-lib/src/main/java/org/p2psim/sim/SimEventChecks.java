package org.p2psim.sim;

/** The checks of {@link SimEvent}'s records and the way their error messages name an event. */
final class SimEventChecks {
    private SimEventChecks() {
    }

    static void requireDevice(String kind, String device) {
        if (device == null) {
            throw new IllegalArgumentException(described(kind) + "'s device must be a device name, was null");
        }
    }

    /** A field the row separates by tabs: any text without a tab. */
    static void requireField(String kind, String field, String value) {
        if (value == null || value.indexOf('\t') >= 0) {
            throw new IllegalArgumentException(described(kind) + "'s " + field + " must be text without tabs, was "
                    + quoted(value));
        }
    }

    /** A name: non-empty text without a tab. */
    static void requireName(String kind, String field, String value) {
        if (value == null || value.isEmpty() || value.indexOf('\t') >= 0) {
            throw new IllegalArgumentException(described(kind) + "'s " + field + " must be non-empty and without"
                    + " tabs, was " + quoted(value));
        }
    }

    static void requireText(String kind, String text) {
        if (text == null) {
            throw new IllegalArgumentException(described(kind) + "'s text must be text (tabs allowed), was null");
        }
    }

    /** "a message sim event", "an invite sim event": how error messages name an event of {@code kind}. */
    static String described(String kind) {
        return (kind.startsWith("i") ? "an " : "a ") + kind + " sim event";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
