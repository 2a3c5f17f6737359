/**
 * Results as Tablesaw tables, built from records: one row per record, one column per record
 * component, named in snake_case ({@code timeS} → {@code time_s}). A leaf package: it uses
 * Tablesaw and nothing of p2psim, so every layer may build its tables with it.
 */
package org.p2psim.table;
