package org.p2psim.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Topology;
import org.p2psim.scenario.spec.Action;
import org.p2psim.scenario.spec.DeviceSpec;
import org.p2psim.scenario.spec.Expectation;
import org.p2psim.scenario.spec.HostileSpec;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.scenario.spec.ScheduledAction;
import org.p2psim.scenario.spec.Units;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadSpec;

/**
 * A whole simulated world, immutable: devices and who they know, the network, the sync strategy,
 * the workload, and a schedule of timed actions. Usually read from YAML:
 *
 * <pre>{@code
 * Scenario s = Scenario.load("twenty-devices").with("net.loss", "0.2").with("duration", "10m");
 * Simulation sim = ScenarioRun.of(s).seed(7).build();
 * }</pre>
 *
 * Every field, its forms and its default are described in {@code scenarios/README.md}; invalid
 * values throw a {@link ScenarioException} that names the file, the field path, the value and what
 * is allowed.
 *
 * @param name        the scenario's name (defaults to the file's name)
 * @param description free text for humans
 * @param duration    how much simulated time a run covers
 * @param seed        the default seed of a run, or null (runs then use 1 unless given one)
 * @param devices     devices present at the start
 * @param topology    who starts out knowing whom
 * @param net         network conditions at the start
 * @param sync        the sync strategy and its parameters
 * @param signatures  real Ed25519 packet signatures, or the same-size fast stand-in
 * @param workload    the real-world activity
 * @param schedule    timed actions, in file order
 * @param expect      expected outcomes, checked after each run (empty when none)
 * @param hostile     hostile members' roles and the devices' per-peer rate limits ({@link HostileSpec#NONE}: none)
 * @param smallSize   overrides ({@code path → value}) that make this scenario's small size ({@link #small()}):
 *                    the file's {@code small} block
 */
public record Scenario(String name, String description, Duration duration, Long seed, DeviceSpec devices, Topology topology,
                       NetSpec net, SyncSpec sync, SignatureMode signatures, WorkloadSpec workload, List<ScheduledAction> schedule,
                       List<Expectation> expect, Map<String, String> smallSize, HostileSpec hostile) {

    /** The seed a run uses when none is given and the scenario has none. */
    public static final long DEFAULT_SEED = 1;

    public Scenario {
        schedule = List.copyOf(schedule);
        expect = expect == null ? List.of() : List.copyOf(expect);
        smallSize = Collections.unmodifiableMap(new LinkedHashMap<>(smallSize));
        hostile = hostile == null ? HostileSpec.NONE : hostile;
    }

    // ---- loading ----

    /** A scenario file, or a built-in by name ({@link #builtins()}). */
    public static Scenario load(String nameOrPath) {
        return ScenarioFiles.read(nameOrPath).bind();
    }

    /** As {@link #load(String)}, with {@code path → value} overrides applied to the YAML before binding. */
    public static Scenario load(String nameOrPath, Map<String, String> overrides) {
        return ScenarioFiles.read(nameOrPath).with(overrides).bind();
    }

    public static Scenario load(Path file) {
        return load(file.toString());
    }

    /** A scenario from YAML text; {@code source} names it in error messages (and, if a file name, the scenario without a name). */
    public static Scenario parse(String yaml, String source) {
        String file = source.substring(source.lastIndexOf('/') + 1);
        String defaultName = file.endsWith(".yaml") || file.endsWith(".yml") ? ScenarioFiles.stem(file) : "unnamed";
        return ScenarioFiles.parse(yaml, source, defaultName).bind();
    }

    /** A scenario from YAML text, named "inline" in error messages. */
    public static Scenario parse(String yaml) {
        return parse(yaml, "inline scenario");
    }

    /** Names of the built-in scenarios ({@code scenarios/*.yaml}). */
    public static List<String> builtins() {
        return ScenarioFiles.builtins();
    }

    // ---- changing ----

    /**
     * This scenario with the field at {@code path} set to {@code value}, read as YAML and checked as
     * if written in the file: {@code with("net.loss", "0.2")}, {@code with("duration", "10m")},
     * {@code with("schedule[0].at", "3m")}. An empty value returns the field to its default.
     */
    public Scenario with(String path, String value) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(path, value);
        return with(one);
    }

    /** This scenario with several overrides, applied in order. */
    public Scenario with(Map<String, String> overrides) {
        return new ScenarioFiles.Raw(ScenarioFormat.write(this), "scenario '" + name + "'", name).with(overrides).bind();
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, duration, newSeed, devices, topology, net, sync, signatures, workload, schedule, expect, smallSize, hostile);
    }

    public Scenario withDuration(Duration newDuration) {
        return with("duration", Units.formatDuration(newDuration));
    }

    /** This scenario with {@code count} devices at the start, named d00, d01, … (behaviour profiles keep their weights). */
    public Scenario withDevices(int count) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("devices.names", "");
        change.put("devices.count", String.valueOf(count));
        return with(change);
    }

    /**
     * This scenario with its network changed by {@code change}, checked as if written in the file:
     * {@code withNetwork(n -> n.loss(0.2).latency(Duration.ofMillis(100)))}.
     */
    public Scenario withNetwork(UnaryOperator<NetSpec> change) {
        Scenario changed = new Scenario(name, description, duration, seed, devices, topology, change.apply(net), sync, signatures,
                workload, schedule, expect, smallSize, hostile);
        return changed.with(Map.of());
    }

    /** This scenario with another sync strategy, with that strategy's default parameters. */
    public Scenario withStrategy(String strategy) {
        return with("sync.strategy", strategy);
    }

    /**
     * This scenario at its small size: its {@code small} overrides applied (a scenario without them
     * is its own small size). Notebooks and CI run built-ins small; {@code make report} with
     * {@code P2PSIM_SIZE=full} runs them as written.
     */
    public Scenario small() {
        if (smallSize.isEmpty()) {
            return this;
        }
        Map<String, String> change = new LinkedHashMap<>(smallSize);
        change.put("small", "");
        return with(change);
    }

    /** {@link #small()} when {@code size} is "small", this scenario when "full"; anything else is an error. */
    public Scenario atSize(String size) {
        return switch (size) {
            case "small" -> small();
            case "full" -> this;
            default -> throw new IllegalArgumentException("size must be small or full, was '" + size + "'");
        };
    }

    // ---- reading ----

    /** The seed of a run that names none. */
    public long seedOrDefault() {
        return seed != null ? seed : DEFAULT_SEED;
    }

    /** Names of the devices present at the start. */
    public List<String> deviceNames() {
        return devices.deviceNames();
    }

    /** Devices that join during the run, with their join times, in time order. */
    public Map<String, Duration> joiners() {
        return ScenarioFormat.joins(schedule);
    }

    /** Every device of the run: those present at the start, then the joiners. */
    public List<String> allDeviceNames() {
        List<String> all = new ArrayList<>(deviceNames());
        all.addAll(joiners().keySet());
        return all;
    }

    /** The profile each device follows, those that join included (devices without one are left out), in device order. */
    public Map<String, Profile> profilesOfDevices() {
        Map<String, Profile> result = new LinkedHashMap<>();
        devices.profileAssignment().forEach((device, profile) -> result.put(device, workload.profiles().get(profile)));
        for (ScheduledAction s : schedule) {
            if (s.action() instanceof Action.Join join && join.profile() != null) {
                result.put(join.device(), workload.profiles().get(join.profile()));
            }
        }
        return result;
    }

    /** The canonical YAML of this scenario: every field explicit; {@link #parse} reads it back to an equal scenario. */
    public String toYaml() {
        return ScenarioFiles.toYaml(ScenarioFormat.write(this));
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + Units.formatDuration(duration) + ", " + devices.count() + " devices, " + schedule.size()
                + " scheduled actions]";
    }
}
