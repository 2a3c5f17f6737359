/**
 * The inspector's text forms: {@link org.p2psim.inspect.render.Html} (small blocks with inline
 * styles: boxes, bars, tables, times and sizes for people; escaping is
 * {@link org.p2psim.notebook.HtmlEscape}'s) and {@link org.p2psim.inspect.render.Json} (the JSON
 * of state exports, assertion results and comparisons). Depends on nothing of {@code inspect}.
 */
package org.p2psim.inspect.render;
