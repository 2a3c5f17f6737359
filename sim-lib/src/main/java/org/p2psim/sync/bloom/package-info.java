/**
 * The seed's Bloom-filter sync (seed 004, Phase 2), kept faithful as the baseline that every other
 * strategy is measured against: fixed hashing, peer knowledge accumulated by OR-merging, recent
 * events first and a round-robin cursor through older ones, no memory of what was already sent.
 */
package org.p2psim.sync.bloom;
