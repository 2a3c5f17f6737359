package org.p2psim.net.link;

/** The one-way path {@code from → to}. */
record DirectedLink(String from, String to) {}
