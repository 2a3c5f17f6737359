/**
 * Link models: what the path between two devices does to a packet, as values and their running
 * state, with no knowledge of packets, devices or the network that uses them.
 *
 * <ul>
 *   <li>{@link org.p2psim.net.link.LatencyModel}: per-packet one-way latency, normal truncated at 0
 *       (the seed's model) or shifted log-normal (heavy tail); reordering follows from it;</li>
 *   <li>{@link org.p2psim.net.link.LossModel}: independent (Bernoulli) loss or Gilbert–Elliott bursty
 *       loss with one chain per directed link;</li>
 *   <li>{@link org.p2psim.net.link.LinkConditions}: latency, loss and duplication of a directed link,
 *       kept per link in a {@link org.p2psim.net.link.LinkTable} (defaults plus each link's own
 *       overrides) and edited fluently through a {@link org.p2psim.net.link.LinkEditor};</li>
 *   <li>{@link org.p2psim.net.link.Bandwidth}: one direction of a device's connection as a token
 *       bucket with a drop-tail byte queue, run by a {@link org.p2psim.net.link.TokenBucket}.</li>
 * </ul>
 *
 * <p>{@code org.p2psim.net} uses these models and draws their random numbers from its own stream;
 * this package depends on nothing of it (only on {@code org.p2psim.sim} for time units), so that the
 * dependency runs one way.
 */
package org.p2psim.net.link;
