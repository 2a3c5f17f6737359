/**
 * The standard figures as XChart charts, one call each, drawn from the tables of
 * {@link org.p2psim.metrics.Metrics}: {@code convergence} and {@code missingEvents} (from
 * {@code completeness}), {@code bytesByType} (from {@code packets}), {@code latencyCdf} (from
 * {@code latencyCdf}, {@code deliveryLatencyCdf} or {@code syncLatencyCdf}), {@code syncTimeHeatmap}
 * (from {@code syncMatrix}) and {@code writeRates} (from {@code writeRates}). In a notebook a chart
 * displays as a PNG by itself; elsewhere {@code BitmapEncoder} writes it to a file.
 */
package org.p2psim.plot;
