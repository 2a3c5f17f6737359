/**
 * Range-based set reconciliation in the style of negentropy: the {@code range-recon} strategy and
 * its {@link org.p2psim.sync.range.Reconciler}, which {@code gossip-push} uses for anti-entropy.
 * Items are ordered by (timestamp, id); ranges are compared by fingerprint and split until small id
 * lists remain; every message fits one UDP packet.
 */
package org.p2psim.sync.range;
