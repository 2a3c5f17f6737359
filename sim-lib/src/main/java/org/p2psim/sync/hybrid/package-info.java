/**
 * The {@code hybrid} strategy (the seed's planned strategy 4): Bloom filters for recent events, a
 * rateless IBLT reconciliation for history ({@code sync.riblt.Rateless}), and explicit requests for
 * what it finds missing. {@code HybridStrategy} decides whom to reconcile with and when (one peer a
 * round, the richest and the next in turn alternately, at once on coming back online);
 * {@code QuietBackoff} thins out the rounds of a pair that gains nothing.
 */
package org.p2psim.sync.hybrid;
