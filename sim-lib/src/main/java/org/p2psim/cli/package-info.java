/**
 * The {@code p2psim} command line (picocli): {@code run}, {@code replay}, {@code sweep},
 * {@code strategies}, {@code bench}; {@code inspect} is announced. Bad input is one line on stderr
 * and exit code 2; see {@link org.p2psim.cli.Main}.
 */
package org.p2psim.cli;
