/**
 * A simulated device: its Ed25519 identity, its clock, its SQLite store, its sync strategy, and the
 * checks every received packet and event goes through before anything is stored.
 */
package org.p2psim.device;
