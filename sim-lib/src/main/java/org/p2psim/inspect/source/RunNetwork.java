package org.p2psim.inspect.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.p2psim.net.Network;
import org.p2psim.net.Outcome;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.Scheduler;
import org.p2psim.world.NetworkScript;

/**
 * The network of a finished run as it stood at its end, rebuilt without packets: the scenario's
 * conditions, then its network actions (partitions, heals, changed conditions) at their times, by the
 * same {@link NetworkScript} a run applies them with, and the devices' final online state from the run's
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
        NetworkScript script = new NetworkScript(network, scheduler, scenario.net());
        script.applyConditions();
        script.scheduleActions(scenario);
        scheduler.runUntilTime(end);
        online.forEach((name, isOnline) -> {
            if (names.contains(name)) {
                network.setOnline(name, isOnline);
            }
        });
        return network;
    }
}
