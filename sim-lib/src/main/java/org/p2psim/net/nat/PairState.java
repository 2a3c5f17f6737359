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

    PairState(String a, String b) {
        this.a = a;
        this.b = b;
    }

    void settle(PathKind kind, String why) {
        path = kind;
        reason = why;
        if (kind == PathKind.NONE && !why.contains("binding")) {
            finalNone = true;
        }
    }
}
