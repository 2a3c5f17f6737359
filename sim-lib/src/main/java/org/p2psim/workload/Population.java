package org.p2psim.workload;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.p2psim.workload.presence.ActivityPlan;
import org.p2psim.workload.presence.PresencePlanner;

/**
 * The devices of a run that have a {@link Profile}, each with its planned {@link ActivityPlan}.
 * Planned once, on first use, from each device's own stream "workload/presence/DEVICE", and shared
 * by the generators that need to know when a user is active.
 */
final class Population {
    private final LocalTime startOfDay;
    private Map<String, ActivityPlan> plans;

    Population(LocalTime startOfDay) {
        this.startOfDay = startOfDay;
    }

    /** Every device with a profile, in the run's device order, with its plan. */
    Map<String, ActivityPlan> plans(WorkloadContext context) {
        if (plans == null) {
            PresencePlanner planner = new PresencePlanner(startOfDay);
            plans = new LinkedHashMap<>();
            for (String device : context.devices()) {
                Profile profile = context.profileOf(device);
                if (profile != null) {
                    plans.put(device, planner.plan(profile.presence(), context.presentFrom(device), context.end(),
                            context.random("presence/" + device)));
                }
            }
        }
        return plans;
    }
}
