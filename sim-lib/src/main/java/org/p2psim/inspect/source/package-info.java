/**
 * Where an inspection reads from: {@link org.p2psim.inspect.source.Source}, answered by a live
 * simulation ({@link org.p2psim.inspect.source.LiveSource}) or a finished run directory
 * ({@link org.p2psim.inspect.source.RunSource}, whose network at the end {@code RunNetwork} rebuilds
 * from the scenario), and {@link org.p2psim.inspect.source.PacketGroups}, the packets grouped by
 * (from, to, type, fate) that both report. Used by {@code org.p2psim.inspect}; imports nothing of it.
 */
package org.p2psim.inspect.source;
