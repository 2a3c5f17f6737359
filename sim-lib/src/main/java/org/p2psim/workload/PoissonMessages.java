package org.p2psim.workload;

import java.util.List;
import java.util.random.RandomGenerator;
import org.p2psim.sim.Draws;
import org.p2psim.sim.SimTime;

/**
 * Messages at the times of a Poisson process per device ({@link MessagesSpec}): gaps drawn from an
 * exponential distribution of mean {@code 60 / ratePerMinute} seconds, each device from its own
 * stream "workload/messages/DEVICE", which also picks the channel and the text. All arrivals are
 * planned at install, so a device's messages do not depend on anything else in the run.
 */
public final class PoissonMessages implements Generator {
    private final MessagesSpec spec;
    private final List<String> channels;

    public PoissonMessages(MessagesSpec spec, List<String> channels) {
        if (!(spec.ratePerMinute() > 0)) {
            throw new IllegalArgumentException("workload.messages.ratePerMinute must be > 0, was " + spec.ratePerMinute());
        }
        this.spec = spec;
        this.channels = List.copyOf(channels);
    }

    @Override
    public String name() {
        return "messages";
    }

    @Override
    public void install(WorkloadContext context) {
        long until = spec.until() == null ? context.end() : Math.min(context.end(), SimTime.of(spec.until()));
        double meanGapMicros = 60e6 / spec.ratePerMinute();
        for (String device : context.devices()) {
            if (!spec.devices().isEmpty() && !spec.devices().contains(device)) {
                continue;
            }
            RandomGenerator random = context.random(name() + "/" + device);
            double t = Math.max(SimTime.of(spec.start()), context.presentFrom(device));
            while (true) {
                t += Draws.exponential(random, meanGapMicros);
                long at = Math.round(t);
                if (at >= until) {
                    break;
                }
                String channel = channels.get(random.nextInt(channels.size()));
                context.post(at, device, channel, Lorem.text(random, spec.textLength()));
            }
        }
    }
}
