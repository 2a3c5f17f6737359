/**
 * The {@code p2psim} command line (picocli): {@code run}, {@code replay}, {@code strategies},
 * {@code bench}; {@code sweep} and {@code inspect} are announced. Bad input is one line on stderr
 * and exit code 2; see {@link org.p2psim.cli.Main}.
 */
package org.p2psim.cli;
