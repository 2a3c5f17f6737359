/**
 * Sync strategies: how a device decides what to tell its peers and which events to send them.
 *
 * <p>A {@link org.p2psim.sync.SyncStrategy} sees only its {@link org.p2psim.sync.SyncContext}: its
 * device's store, clock, transport, random stream and peers. It reacts to its own timers and to
 * packets other than events: the device itself opens, verifies, admits and stores an EVENT packet
 * and then tells the strategy through {@link org.p2psim.sync.SyncStrategy#onEventStored} with the
 * sender. It frames every packet it sends to fit the MTU. Its repeating round (a random phase, then every
 * interval) is a {@link org.p2psim.sync.Periodic}. One package per family: {@code bloom} (the seed's and a salted
 * variant), {@code wantlist}, {@code gossip}, {@code range} (negentropy-style reconciliation) and
 * {@code naive}. Each strategy has a parameter record whose constructor checks its ranges with
 * {@link org.p2psim.sync.Params}. A {@link org.p2psim.sync.StrategyType} (usually a
 * {@link org.p2psim.sync.RecordStrategyType}) binds a record from a {@link org.p2psim.sync.ParamSource};
 * the registry of names ({@code sync.registry.Strategies}) is the one path by which scenario files,
 * {@code Simulation.Builder}, notebooks and the CLI reach the strategies.
 */
package org.p2psim.sync;
