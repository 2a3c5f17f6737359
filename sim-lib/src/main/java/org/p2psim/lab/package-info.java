/**
 * The live lab: watching and stepping through a simulation inside a notebook (seed 004 §1, §8, §9).
 *
 * <ul>
 *   <li>{@link org.p2psim.lab.LiveDashboard} runs a simulation at a chosen speed (simulated seconds
 *       per wall second, {@link org.p2psim.lab.Pacer}) while one cell output is redrawn in place with a
 *       {@link org.p2psim.lab.LiveFrame}; interrupting the cell pauses it between two events.</li>
 *   <li>{@link org.p2psim.lab.SequenceDiagram} draws the packets between chosen devices as a
 *       Lamport-style sequence diagram (SVG); {@link org.p2psim.lab.PacketStepper} advances a
 *       simulation to the next packet and shows the step ({@link org.p2psim.lab.PacketStep}).</li>
 * </ul>
 *
 * <p>The wall clock is read here, in the driver, and never inside the simulation: a run watched,
 * paced, interrupted or stepped has the trace of the same run straight through.
 */
package org.p2psim.lab;
