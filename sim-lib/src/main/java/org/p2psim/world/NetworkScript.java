package org.p2psim.world;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.p2psim.net.Network;
import org.p2psim.net.Partition;
import org.p2psim.net.PartitionHandle;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.spec.Action;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.scenario.spec.ScheduledAction;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.SimTime;

/**
 * A scenario's network: its link conditions, MTU and bandwidth, and its network actions
 * (partitions, isolations, heals, changed conditions) at their times. Network actions are not
 * real-world events: the timeline does not record them, so a replay and a rebuilt network
 * ({@code inspect}) apply them again from here, as the run did.
 */
public final class NetworkScript {
    private final Network network;
    private final Scheduler scheduler;
    private final NetSpec net;

    public NetworkScript(Network network, Scheduler scheduler, NetSpec net) {
        this.network = network;
        this.scheduler = scheduler;
        this.net = net;
    }

    /** The scenario's conditions on every link, its MTU and, when it limits them, every device's bandwidth. */
    public void applyConditions() {
        network.defaults(net.conditions());
        network.mtu(net.mtu());
        if (net.limitsBandwidth()) {
            network.everyDevice(d -> d.uplink(net.uplinkBandwidth()).downlink(net.downlinkBandwidth()));
        }
    }

    /** Schedules every network action of the scenario at its time, in time order. */
    public void scheduleActions(Scenario scenario) {
        for (ScheduledAction s : byTime(scenario)) {
            if (!s.action().isDeviceAction()) {
                scheduler.at(SimTime.of(s.at()), () -> apply(s.action()));
            }
        }
    }

    /** The scenario's schedule sorted by time (stable: actions at one time keep their order). */
    public static List<ScheduledAction> byTime(Scenario scenario) {
        List<ScheduledAction> byTime = new ArrayList<>(scenario.schedule());
        byTime.sort(Comparator.comparing(ScheduledAction::at));
        return byTime;
    }

    /** A network action, now. A partition names its devices when it starts, so it may name devices that joined. */
    private void apply(Action action) {
        if (action instanceof Action.Partition p) {
            cut(Partition.between(p.a(), p.b()), p.lasting());
        } else if (action instanceof Action.Isolate i) {
            cut(Partition.isolate(i.group()), i.lasting());
        } else if (action instanceof Action.Heal) {
            network.partitions().forEach(PartitionHandle::heal);
        } else if (action instanceof Action.NetChange change) {
            change.applyTo(network, net);
        }
    }

    private void cut(Partition partition, Duration lasting) {
        PartitionHandle handle = network.partition(partition);
        if (lasting != null) {
            scheduler.after(SimTime.of(lasting), handle::heal);
        }
    }
}
