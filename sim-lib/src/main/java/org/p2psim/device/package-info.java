/**
 * A simulated device: its Ed25519 identity, its clock, its SQLite store, its sync strategy, and the
 * checks every received packet and event goes through before anything is stored.
 *
 * <p>{@link org.p2psim.device.Device#receive} verifies a packet; an EVENT packet it handles itself
 * (open the AEAD, verify the author, admit by the {@link org.p2psim.device.FetchPolicy}, store with
 * the rows {@link org.p2psim.device.Views} derives), then tells the strategy through
 * {@code SyncStrategy.onEventStored(id, authoredTs, fromPeer)}; other packets go to the strategy.
 * The app-facing API over a device is {@code org.p2psim.client.Client}, one layer up.
 */
package org.p2psim.device;
