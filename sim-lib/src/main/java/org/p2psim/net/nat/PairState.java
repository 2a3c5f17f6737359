package org.p2psim.net.nat;

/** The mutable state of one pair's path. */
final class PairState {
    final String a;
    final String b;
    PathKind path = PathKind.UNKNOWN;
    String reason = "no packet yet";
    /** NONE that only a network switch can change (no rendezvous, no hairpin). */
    boolean finalNone;
    int attempts;
    /** Attempts in the current punch. */
    int round;
    long punchStart;
    long punchMicros = -1;
    /** Whether a punch of this pair ever succeeded (for the per-pair success rate). */
    boolean everPunched;
    String relay;
    long circuitStart;
    long circuitBytes;
    /** Counts punches begun, so that a retry or punch of an abandoned one does nothing. */
    int epoch;
    /** Bytes each side holds for the other while the pair punches. */
    private long heldByA;
    private long heldByB;

    PairState(String a, String b) {
        this.a = a;
        this.b = b;
    }

    long held(String sender) {
        return sender.equals(a) ? heldByA : heldByB;
    }

    void hold(String sender, int bytes) {
        if (sender.equals(a)) {
            heldByA += bytes;
        } else {
            heldByB += bytes;
        }
    }

    long heldBytes() {
        return heldByA + heldByB;
    }

    void clearHeld() {
        heldByA = 0;
        heldByB = 0;
    }

    void settle(PathKind kind, String why) {
        path = kind;
        reason = why;
        if (kind == PathKind.NONE && !why.contains("binding")) {
            finalNone = true;
        }
    }
}
