package org.p2psim.adversary;

/** What one hostile member does; one class per role, named as in the scenario's {@code hostile.roles}. */
public interface Role {
    /** The role's name in scenarios. */
    String name();

    /** Once, at the start of the run. */
    default void start(Member member) { }

    /** Every {@code hostile.every} while the member is online. */
    void act(Member member);
}
