package org.p2psim.net.nat;

/**
 * The path between two devices as it stands, with why.
 *
 * @param a           the pair's first device (in name order)
 * @param b           the other
 * @param path        how they reach each other
 * @param reason      why (e.g. "symmetric ↔ symmetric: no punch possible")
 * @param natA, natB  each side's NAT now
 * @param attempts    punch attempts so far
 * @param punchMicros time from the first attempt to success of the last punch, or -1
 * @param relay       the relaying peer, or null
 */
public record PairPath(String a, String b, PathKind path, String reason, String natA, String natB,
                       int attempts, long punchMicros, String relay) {
}
