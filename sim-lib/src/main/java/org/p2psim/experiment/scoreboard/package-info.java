/**
 * The scoreboard: every strategy on every built-in with expected outcomes, over seeds, as one row
 * per (strategy, scenario), built from {@link org.p2psim.experiment.Sweep}s; CSV, JSON and HTML.
 */
package org.p2psim.experiment.scoreboard;
