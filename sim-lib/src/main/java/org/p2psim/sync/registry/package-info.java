/**
 * The registry of sync strategies: each built-in strategy of the subpackages of {@code sync} is
 * registered once in {@link org.p2psim.sync.registry.Strategies} by name, parameter record and
 * factory. Apart from {@code sync} itself so that {@code sync} does not import its subpackages.
 */
package org.p2psim.sync.registry;
