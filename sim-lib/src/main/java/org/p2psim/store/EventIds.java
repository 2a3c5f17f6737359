package org.p2psim.store;

/** Checks the textual form of event ids: 32 lowercase hex characters (16 bytes). */
final class EventIds {
    static final int LENGTH = 32;

    private EventIds() {}

    static boolean isValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(
                    what + " must be 32 lowercase hex characters (16 bytes), got " + quote(id));
        }
        return id;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
