/** The {@code naive} strategy, the ceiling: every id or every event to every peer every round. */
package org.p2psim.sync.naive;
