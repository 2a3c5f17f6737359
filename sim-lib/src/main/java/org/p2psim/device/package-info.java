/**
 * A simulated device: its Ed25519 identity, its clock, its SQLite store, its sync strategy, and the
 * checks every received packet and event goes through before anything is stored.
 *
 * <p>{@link org.p2psim.device.Device#receive} verifies a packet; an EVENT packet it handles itself
 * (open the AEAD, verify the author, admit by the {@link org.p2psim.device.FetchPolicy}, store with
 * the rows {@link org.p2psim.device.Views} derives), then tells the strategy through
 * {@code SyncStrategy.onEventStored(id, authoredTs, fromPeer)}; other packets go to the strategy.
 * The app-facing API over a device is {@code org.p2psim.client.Client}, one layer up.
 *
 * <p>The checks that are pure functions of bytes may be done ahead on the run's other cores
 * ({@link org.p2psim.device.World#pool()}): a packet's signature ({@code net.SignatureLookahead}) and an
 * EVENT packet's opening ({@link org.p2psim.device.EventLookahead}: id, AEAD, author signature) start
 * when the packet is sent; the receiving device takes their results in event order, with the answer
 * an inline check gives, so a run is the same on any number of threads.
 */
package org.p2psim.device;
