/**
 * The standard figures as XChart charts, one call each, drawn from the tables of
 * {@link org.p2psim.metrics.Metrics}. In a notebook a chart displays as a PNG by itself.
 */
package org.p2psim.plot;
