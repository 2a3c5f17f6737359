/**
 * The collectors: each listens to some of the {@code metrics.facts} and keeps one kind of
 * measurement. {@link org.p2psim.metrics.collect.GroundTruth} (events, devices, holdings,
 * completeness, convergence) feeds {@link org.p2psim.metrics.collect.Latencies} and
 * {@link org.p2psim.metrics.collect.WriteRates}; {@link org.p2psim.metrics.collect.PacketLedger}
 * keeps the packet log and trace hash; {@link org.p2psim.metrics.collect.FilterStats} the Bloom
 * filter statistics. Tables are built from records with {@code RecordTable}.
 */
package org.p2psim.metrics.collect;
