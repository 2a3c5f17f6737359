/**
 * Hostile members as a workload: members of the community whose real keys do harm. One class per
 * role ({@link org.p2psim.adversary.Flooder}, {@link org.p2psim.adversary.Liar},
 * {@link org.p2psim.adversary.Replayer}, {@link org.p2psim.adversary.Poisoner},
 * {@link org.p2psim.adversary.Withholder}), each a {@link org.p2psim.adversary.Role} that acts every
 * {@code hostile.every} through a {@link org.p2psim.adversary.Member}; {@link org.p2psim.adversary.Adversaries}
 * deals the roles of a scenario's {@code hostile} section, applies its rate limits, counts what each
 * role did and measures the cost to honest members ({@link org.p2psim.adversary.HonestOutcome}).
 * Each hostile device draws from its own stream {@code hostile/NAME}, so a scenario without hostile
 * members draws nothing new.
 */
package org.p2psim.adversary;
