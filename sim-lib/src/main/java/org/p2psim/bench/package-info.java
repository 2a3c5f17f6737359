/**
 * Benchmarks ({@code make bench}): whole simulations measured in simulated seconds and packets per
 * wall second, next to the per-packet floor of the real work every event packet costs (sign,
 * verify, open, hash, insert), measured in the same process. Wall-clock time is read here and only
 * here, outside any simulation. {@link org.p2psim.bench.SweepSpeedup}: the same small sweep on 1 and 2
 * threads, its speed-up and whether the tables are identical.
 */
package org.p2psim.bench;
