package org.p2psim.workload;

/**
 * A source of real-world events. {@link #install} runs once, before the simulation starts; a
 * generator draws only from its own named streams ({@link WorkloadContext#random}) and makes things
 * happen only through the context, so that every event is recorded in the timeline.
 */
public interface Generator {

    /** A short name; also the middle part of its random streams ("workload/NAME/…"). */
    String name();

    void install(WorkloadContext context);
}
