package org.p2psim.inspect.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.p2psim.net.Network;
import org.p2psim.net.Outcome;
import org.p2psim.net.Partition;
import org.p2psim.net.PartitionHandle;
import org.p2psim.scenario.Action;
import org.p2psim.scenario.NetSpec;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.ScheduledAction;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.SimTime;

/**
 * The network of a finished run as it stood at its end, rebuilt without packets: the scenario's
 * conditions, then its network actions (partitions, heals, changed conditions) at their times, as
 * {@code ScenarioRun} applies them, and the devices' final online state from the run's
 * {@code metrics/devices.csv}.
 */
final class RunNetwork {
    private RunNetwork() {}

    static Network at(Scenario scenario, long end, List<String> devices, Map<String, Boolean> online) {
        Scheduler scheduler = new Scheduler();
        Network network = new Network(scheduler, new SplittableRandom(0));
        List<String> names = new ArrayList<>(scenario.allDeviceNames());
        devices.stream().filter(d -> !names.contains(d)).forEach(names::add);
        names.forEach(name -> network.attach(name, (from, fromAddress, wire, sentAt) -> Outcome.DELIVERED));
        NetSpec net = scenario.net();
        network.defaults(net.conditions());
        network.mtu(net.mtu());
        if (net.limitsBandwidth()) {
            network.everyDevice(d -> d.uplink(net.uplinkBandwidth()).downlink(net.downlinkBandwidth()));
        }
        List<ScheduledAction> byTime = new ArrayList<>(scenario.schedule());
        byTime.sort(Comparator.comparing(ScheduledAction::at));
        for (ScheduledAction s : byTime) {
            if (!s.action().isDeviceAction()) {
                scheduler.at(SimTime.of(s.at()), () -> apply(network, scheduler, net, s.action()));
            }
        }
        scheduler.runUntilTime(end);
        online.forEach((name, isOnline) -> {
            if (names.contains(name)) {
                network.setOnline(name, isOnline);
            }
        });
        return network;
    }

    private static void apply(Network network, Scheduler scheduler, NetSpec net, Action action) {
        if (action instanceof Action.Partition p) {
            cut(network, scheduler, Partition.between(p.a(), p.b()), p.lasting());
        } else if (action instanceof Action.Isolate i) {
            cut(network, scheduler, Partition.isolate(i.group()), i.lasting());
        } else if (action instanceof Action.Heal) {
            network.partitions().forEach(PartitionHandle::heal);
        } else if (action instanceof Action.NetChange c) {
            c.applyTo(network, net);
        }
    }

    private static void cut(Network network, Scheduler scheduler, Partition partition, java.time.Duration lasting) {
        PartitionHandle handle = network.partition(partition);
        if (lasting != null) {
            scheduler.after(SimTime.of(lasting), handle::heal);
        }
    }
}
