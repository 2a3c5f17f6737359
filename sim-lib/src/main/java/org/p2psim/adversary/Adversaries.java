package org.p2psim.adversary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.p2psim.Simulation;
import org.p2psim.device.Device;
import org.p2psim.scenario.spec.HostileSpec;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sim.SimTime;

/**
 * Deals a scenario's hostile roles to its devices, gives every device the rate limits, and keeps
 * the tally of what hostile members did and the measure of what honest members got.
 */
public final class Adversaries {
    /** One class per role, by the name scenarios use ({@link HostileSpec#ROLES}, same order). */
    static final Map<String, Supplier<Role>> ROLES = Map.of("flooder", Flooder::new, "liar", Liar::new, "replayer", Replayer::new,
            "poisoner", Poisoner::new, "withholder", Withholder::new);

    private final Tally tally = new Tally();
    private final HonestOutcome honest;
    private final HostileSpec spec;

    private Adversaries(Simulation sim, HostileSpec spec) {
        this.spec = spec;
        this.honest = new HonestOutcome(sim, spec.roles().keySet());
    }

    /** Installs {@code spec} in {@code sim} (at time 0, before it runs). */
    public static Adversaries install(Simulation sim, HostileSpec spec) {
        Adversaries adversaries = new Adversaries(sim, spec);
        if (!spec.rateLimit().isOff()) {
            sim.devices().forEach(d -> d.limitRates(spec.rateLimit()));
        }
        RandomStreams streams = new RandomStreams(sim.seed());
        spec.roles().forEach((device, role) -> adversaries.deal(sim, device, role, streams.stream("hostile/" + device)));
        return adversaries;
    }

    private void deal(Simulation sim, String device, String roleName, RandomGenerator random) {
        Role role = ROLES.get(roleName).get();
        Device d = sim.device(device);
        Member member = new Member(sim, d, random, spec.burst(), tally, roleName);
        role.start(member);
        long every = SimTime.of(spec.every());
        sim.scheduler().after(random.nextLong(every), new Runnable() {
            @Override
            public void run() {
                if (d.isOnline()) {
                    role.act(member);
                }
                sim.scheduler().after(every, this);
            }
        });
    }

    /** What the hostile members did, by member, role and action. */
    public Tally tally() {
        return tally;
    }

    /** What honest members got: completeness and latency of honest events, their bytes and storage. */
    public HonestOutcome honest() {
        return honest;
    }

    /** The names of the roles, in the documentation's order. */
    public static List<String> roles() {
        return new ArrayList<>(HostileSpec.ROLES);
    }

    /** Runs {@code sim} for {@code duration} (a convenience for notebooks). */
    public Adversaries runFor(Simulation sim, Duration duration) {
        sim.runFor(duration);
        return this;
    }
}
