/**
 * Bloom-filter sync. {@code bloom-seed} is the seed's (seed 004, Phase 2), kept faithful as the
 * baseline that every other strategy is measured against: fixed hashing, peer knowledge accumulated
 * by OR-merging, recent / medium / full filter levels, recent events first and a round-robin cursor
 * through older ones, no memory of what was already sent. {@code bloom-salted} keeps its packet
 * budget but salts each round afresh, covers a window sized for a target false-positive rate, and
 * weighs each event's evidence over independent rounds instead of OR-merging bits.
 */
package org.p2psim.sync.bloom;
