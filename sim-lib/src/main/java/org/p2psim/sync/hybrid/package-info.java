/**
 * The {@code hybrid} strategy (the seed's planned strategy 4): Bloom filters for recent events, a
 * rateless IBLT reconciliation for history, and explicit requests for what it finds missing.
 */
package org.p2psim.sync.hybrid;
