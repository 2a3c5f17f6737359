/**
 * NATs and how devices get through them, in RFC 4787's terms: a {@link org.p2psim.net.nat.NatType}
 * (mapping and filtering behaviour, binding timeout, hairpinning; presets none, full-cone,
 * address-restricted, port-restricted, symmetric, cgnat), the state of one NAT
 * ({@link org.p2psim.net.nat.NatBox}: real bindings with external ports, refreshed by outbound
 * packets, expiring when idle), and {@link org.p2psim.net.nat.NatTraversal}: rendezvous through a
 * public peer, coordinated hole punching with retries, circuit-relay-v2-like relays, keepalives and
 * the effect of a network switch. It does not import {@code net}: the network asks it about each
 * packet and turns its verdicts into outcomes.
 */
package org.p2psim.net.nat;
