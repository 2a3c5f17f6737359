/**
 * Measurements of a run, kept as plain records and handed out as Tablesaw tables.
 *
 * <p>The definitions are those of DESIGN.md: ground truth is the set of events created so far;
 * completeness of a device is its events ∩ truth / truth; duplicates are event packets that reach
 * a device already holding the event; a measured Bloom false positive is a test of an event the
 * filter's owner did not hold that nevertheless came out positive. This package depends on nothing
 * else of p2psim: callers report facts with plain ids, names and microseconds.
 */
package org.p2psim.metrics;
