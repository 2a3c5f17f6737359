package org.p2psim.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.p2psim.Simulation;
import org.p2psim.net.Network;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.spec.Action;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.scenario.spec.ScheduledAction;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimTime;
import org.p2psim.notebook.ProgressBar;
import org.p2psim.scenario.spec.Units;
import org.p2psim.world.NetworkScript;
import org.p2psim.event.Message;
import org.p2psim.scenario.Datasets;
import org.p2psim.adversary.Adversaries;
import org.p2psim.workload.Generator;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadContext;

/**
 * Builds and runs the {@link Simulation} of a {@link Scenario} with one seed.
 *
 * <pre>{@code
 * Simulation sim = ScenarioRun.of(scenario).seed(7).build();     // ready to run, nothing run yet
 * sim.runFor(scenario.duration());
 *
 * RunResult r = ScenarioRun.of(scenario).seed(7).directory(Path.of("runs/demo")).run();   // a run directory
 * }</pre>
 *
 * <p>{@link #build()} creates the devices, sets up the network, gives the devices their history
 * and schedules, in this order, the scenario's network actions, its device actions (leave,
 * reconnect, switch, join) and the workload's messages. Device actions and messages are real-world events:
 * they happen through the simulation, which records them in its timeline. A replay
 * ({@link #replaying}) schedules the recorded timeline in their place, in the same way and the same
 * order, so the same seed gives the same run, packet for packet.
 */
public final class ScenarioRun {
    private final Scenario scenario;
    private Long seed;
    private Adversaries adversaries;
    private Path directory;
    private List<SimEvent> replay;

    private ScenarioRun(Scenario scenario) {
        this.scenario = scenario;
    }

    public static ScenarioRun of(Scenario scenario) {
        return new ScenarioRun(scenario);
    }

    /** The run's seed (default: the scenario's, else {@value Scenario#DEFAULT_SEED}). */
    public ScenarioRun seed(long value) {
        this.seed = value;
        return this;
    }

    /** Where the devices' files (and, for {@link #run}, the whole run directory) go; default a new temporary directory. */
    public ScenarioRun directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /**
     * Re-enacts {@code timeline} (the real-world events of an earlier run) instead of the
     * scenario's workload and device actions; history and network actions still come from the
     * scenario.
     */
    public ScenarioRun replaying(List<SimEvent> timeline) {
        this.replay = List.copyOf(timeline);
        return this;
    }

    public long seed() {
        return seed != null ? seed : scenario.seedOrDefault();
    }

    /** The scenario as run: with the run's seed. */
    public Scenario effectiveScenario() {
        return scenario.withSeed(seed());
    }

    /** The simulation, set up and scheduled, at time 0 with nothing run yet. */
    public Simulation build() {
        Simulation.Builder builder = Simulation.builder()
                .seed(seed())
                .devices(scenario.devices())
                .topology(scenario.topology())
                .signatures(scenario.signatures())
                .strategy(scenario.sync().factory());
        if (directory != null) {
            builder.directory(directory);
        }
        Simulation sim = builder.build();
        try {
            new Wiring(sim).install();
            adversaries = scenario.hostile().isNone() ? null : Adversaries.install(sim, scenario.hostile());
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    /**
     * Builds, runs for the scenario's duration and writes the run directory (see {@link RunDirectory}).
     * The directory must not exist or be empty; without {@link #directory} a temporary one is used.
     */
    public RunResult run() {
        ProgressBar bar = ProgressBar.start("run " + scenario.name() + (seed == null ? "" : ", seed " + seed));
        return run((fraction, now, end) -> bar.update(fraction, Units.formatDuration(SimTime.toDuration(now)) + " of "
                + Units.formatDuration(SimTime.toDuration(end)) + " simulated"));
    }

    public RunResult run(Progress progress) {
        return RunDirectory.run(this, directory, progress);
    }

    Scenario scenario() {
        return scenario;
    }

    /** The hostile members of the simulation last built (their tally, the honest outcome), or null when the scenario has none. */
    public Adversaries adversaries() {
        return adversaries;
    }

    ScenarioRun withDirectory(Path dir) {
        ScenarioRun copy = new ScenarioRun(scenario);
        copy.seed = seed;
        copy.replay = replay;
        copy.directory = dir;
        return copy;
    }

    /**
     * Runs {@code sim} until {@code end} (µs since the start), in ten steps with a report to
     * {@code progress} after each. The steps do not change the run: every action still happens at
     * its own instant, in order.
     */
    public static void runUntil(Simulation sim, long end, Progress progress) {
        for (int step = 1; step <= 10; step++) {
            long target = Math.max(sim.scheduler().now(), step == 10 ? end : end / 10 * step);
            sim.runFor(SimTime.toDuration(target - sim.scheduler().now()));
            progress.reached(step / 10.0, sim.scheduler().now(), end);
        }
    }

    /** Reports how far a run has got. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (fraction, now, end) -> {};

        /** {@code fraction} of the simulated duration is done: simulated time {@code now} of {@code end} (µs). */
        void reached(double fraction, long now, long end);
    }

    // ---- wiring one simulation ----

    /** Applies the scenario to one built simulation. */
    private final class Wiring implements WorkloadContext {
        private final Simulation sim;
        private final Network network;
        private final NetSpec net;
        private final RandomStreams streams;
        private final Map<String, Duration> joiners;
        private final Map<String, Profile> profiles;

        Wiring(Simulation sim) {
            this.sim = sim;
            this.network = sim.network();
            this.net = scenario.net();
            this.streams = new RandomStreams(sim.seed());
            this.joiners = scenario.joiners();
            this.profiles = scenario.profilesOfDevices();
        }

        void install() {
            NetworkScript script = new NetworkScript(network, sim.scheduler(), net);
            script.applyConditions();
            if (net.nat() != null) {
                Map<String, String> profileOf = new java.util.LinkedHashMap<>();
                profiles.forEach((device, profile) -> profileOf.put(device, profile.name()));
                net.nat().install(network, devices(), profileOf, streams.stream("nat"));
            }
            List<Generator> generators = scenario.workload().generators();
            // 1. history, before the run starts (a replay gives the same history again)
            generators.stream().filter(g -> g.name().equals("history")).forEach(g -> g.install(this));
            // 2. network actions, which the timeline does not record
            script.scheduleActions(scenario);
            if (replay != null) {
                // 3'. the recorded real-world events, in the order they happened
                replay.forEach(this::enact);
                configureProfiledDevices();
                return;
            }
            // 3. device actions, 4. the profiles' device settings, then 5. the workload's events
            for (ScheduledAction s : NetworkScript.byTime(scenario)) {
                if (s.action().isDeviceAction()) {
                    enact(simEvent(SimTime.of(s.at()), s.action()));
                }
            }
            configureProfiledDevices();
            generators.stream().filter(g -> !g.name().equals("history")).forEach(g -> g.install(this));
        }

        /**
         * Gives each device with a profile its connection and its share of files to fetch, when it
         * is there: settings of the device, not real-world events, so a replay applies them too.
         */
        private void configureProfiledDevices() {
            for (String device : devices()) {
                Profile profile = profiles.get(device);
                if (profile != null) {
                    sim.scheduler().at(presentFrom(device), () -> configure(device, profile));
                }
            }
        }

        private void configure(String device, Profile profile) {
            Profile.Connection c = profile.connection();
            if (c.limitsBandwidth()) {
                network.device(device).uplink(c.uplink()).downlink(c.downlink());
            }
            if (profile.downloads() < 1) {
                sim.client(device).fetchShare(profile.downloads(), streams.stream("workload/downloads/" + device).nextLong());
            }
        }

        /** The real-world event of a device action ({@link Action#isDeviceAction}). */
        private SimEvent simEvent(long at, Action action) {
            if (action instanceof Action.Leave leave) {
                return new SimEvent.Leave(at, leave.device(), leave.graceful());
            } else if (action instanceof Action.Reconnect reconnect) {
                return new SimEvent.Reconnect(at, reconnect.device());
            } else if (action instanceof Action.Switch change) {
                return new SimEvent.Switch(at, change.device());
            } else if (action instanceof Action.Join join) {
                return new SimEvent.Join(at, join.device(), join.via(), join.account(), null);
            }
            throw new IllegalArgumentException(action + " is a network action, not a real-world event");
        }

        /**
         * Makes a real-world event happen at its time, through the simulation, which records it in
         * the timeline; the same call for planned and for recorded events.
         */
        private void enact(SimEvent event) {
            sim.replay(event);
        }

        // ---- WorkloadContext ----

        @Override
        public List<String> devices() {
            return scenario.allDeviceNames();
        }

        @Override
        public long presentFrom(String device) {
            Duration joined = joiners.get(device);
            return joined == null ? 0 : SimTime.of(joined);
        }

        @Override
        public long end() {
            return SimTime.of(scenario.duration());
        }

        @Override
        public RandomGenerator random(String name) {
            return streams.stream("workload/" + name);
        }

        @Override
        public void history(String device, int count, String channel) {
            sim.history(device, count, channel);
        }

        @Override
        public void post(long at, String device, String channel, String text) {
            enact(new SimEvent.Message(at, device, channel, text));
        }

        @Override
        public Profile profileOf(String device) {
            return profiles.get(device);
        }

        @Override
        public List<Path> images() {
            return Datasets.images();
        }

        @Override
        public void reply(long at, String device, String parentId, String text, Consumer<String> posted) {
            sim.scheduler().at(at, () -> posted.accept(sim.reply(device, parentId, text)));
        }

        @Override
        public void read(long at, String device, String channel, int pages) {
            enact(new SimEvent.Read(at, device, channel, pages));
        }

        @Override
        public void upload(long at, String device, String channel, Path file) {
            sim.scheduler().at(at, () -> sim.upload(device, channel, file));
        }

        @Override
        public void leave(long at, String device, boolean graceful) {
            enact(new SimEvent.Leave(at, device, graceful));
        }

        @Override
        public void reconnect(long at, String device) {
            enact(new SimEvent.Reconnect(at, device));
        }

        @Override
        public void switchNetwork(long at, String device) {
            enact(new SimEvent.Switch(at, device));
        }

        @Override
        public void at(long at, Runnable action) {
            sim.scheduler().at(at, action);
        }

        @Override
        public void onMessage(MessageListener listener) {
            sim.onEventStored((device, id, content, at) -> {
                if (content.payload() instanceof Message && !content.author().equals(device.id())) {
                    listener.received(device.name(), id.hex(), sim.deviceNameOf(content.author().hex()),
                            content.payload().channelId(), at);
                }
            });
        }
    }
}
