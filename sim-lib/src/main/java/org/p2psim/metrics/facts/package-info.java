/**
 * The narrow listener interfaces through which the system under test reports what happens
 * (presence, events, packets, reads, filter tests), with plain ids, names and simulated
 * microseconds. The system knows only these; the collectors in {@code metrics.collect} listen.
 */
package org.p2psim.metrics.facts;
