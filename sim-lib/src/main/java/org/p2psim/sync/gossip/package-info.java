/**
 * The {@code gossip-push} strategy: epidemic push of new events to a few random peers, with range
 * reconciliation against one random peer as anti-entropy.
 */
package org.p2psim.sync.gossip;
