/**
 * Inspection: the automated tester's API (seed 004 §9 "LLM Tester", §12 "State Export") and the
 * device inspector (§5), as library calls on a live simulation or a finished run directory.
 *
 * <ul>
 *   <li>{@link org.p2psim.inspect.Inspection}: the entry point. {@code Inspection.of(sim)} or
 *       {@code Inspection.of(runDirectory)}; SQL on a device's store through a read-only connection
 *       ({@code sql}), two devices compared by kind ({@link org.p2psim.inspect.Comparison}), the whole
 *       state as JSON ({@code stateJson}), the connection matrix and a metrics snapshot
 *       ({@link org.p2psim.inspect.NetworkStatus}), a store copied out ({@code exportStore}).</li>
 *   <li>{@link org.p2psim.inspect.Assertions}: sync complete within a time, event order, Bloom
 *       false-positive rate, duplicate rows, bytes on the wire; each returns an
 *       {@link org.p2psim.inspect.AssertionResult} (name, passed, expected, measured, detail), and the
 *       results come as a table or JSON.</li>
 *   <li>{@link org.p2psim.inspect.Inspector}: one device as HTML (chat with reply threads, images
 *       with their download progress, downloads, database, sync), displayed by itself in a notebook
 *       ({@link org.p2psim.notebook.HtmlView}). Files come from a {@link org.p2psim.inspect.FileSource},
 *       by default the store's own {@code files} and {@code file_chunks} tables.</li>
 * </ul>
 *
 * The notebook-facing classes live here; {@code inspect.source} holds where an inspection reads from
 * (a live simulation or a run directory) and {@code inspect.render} the HTML and JSON building
 * blocks; neither imports this package.
 *
 * A run directory is read from its files alone; device ids and clocks follow from its seed, its
 * network at the end is rebuilt from its scenario, and peer tables are not recorded. The command
 * line's {@code p2psim inspect} prints the same as JSON. This package depends on everything below
 * it (and on {@code notebook} for {@code HtmlView} and nothing else); nothing below imports it.
 */
package org.p2psim.inspect;
