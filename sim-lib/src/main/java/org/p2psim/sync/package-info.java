/**
 * Sync strategies: how a device decides what to tell its peers and which events to send them.
 *
 * <p>A {@link org.p2psim.sync.SyncStrategy} sees only its {@link org.p2psim.sync.SyncContext}: its
 * device's store, clock, transport, random stream and peers. It reacts to its own timers and to
 * packets; it hands every received event to the context, which verifies and stores it. The seed's
 * Bloom-filter sync lives in {@code sync.bloom}.
 */
package org.p2psim.sync;
