/**
 * Jupyter display glue: how p2psim results look in a notebook.
 *
 * <p>This is the only package that knows the notebook kernel (DFLib JJava). Everything else in
 * p2psim returns plain Tablesaw {@code Table}s and XChart charts; this package teaches the kernel
 * to show them:
 * <ul>
 *   <li>a {@code tech.tablesaw.api.Table} shows as a compact HTML table (first
 *       {@value org.p2psim.notebook.HtmlTables#DEFAULT_MAX_ROWS} rows, with a note when cut),</li>
 *   <li>any XChart chart ({@code org.knowm.xchart.internal.chartpart.Chart}) shows as a PNG image,</li>
 *   <li>any {@link org.p2psim.notebook.HtmlView} (e.g. the device inspector) shows as its own HTML.</li>
 * </ul>
 *
 * <p>{@link org.p2psim.notebook.JJavaExtension} is registered in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}; JJava loads it by itself when the
 * sim-lib jar is on {@code JJAVA_CLASSPATH} (or added with {@code %jars}), so a notebook needs no
 * set-up cell. It also adds the default imports {@link org.p2psim.notebook.JJavaExtension#DEFAULT_IMPORTS}.
 * Where extensions are switched off ({@code JJAVA_LOAD_EXTENSIONS=false}), one call does the same:
 * {@code org.p2psim.notebook.Notebook.setup();}
 *
 * <p>{@link org.p2psim.notebook.HtmlTables} and {@link org.p2psim.notebook.ChartImages} do the
 * rendering and do not depend on the kernel; {@link org.p2psim.notebook.HtmlEscape} is the one HTML
 * escaper (the inspector and dashboards use it too); a move to another kernel (the fallback named in
 * DESIGN.md is rapaio-jupyter-kernel) only replaces {@code JJavaExtension} and {@code Notebook}.
 * The JJava API jar is a {@code provided} dependency: nothing outside this package may import it.
 */
package org.p2psim.notebook;
