package org.p2psim.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.p2psim.sim.Draws;
import org.p2psim.sim.SimTime;
import org.p2psim.workload.presence.Intervals;
import org.p2psim.workload.presence.Presence;

/**
 * What the people with a {@link Profile} do on their own, all planned before the run: their
 * devices go offline and come back as their {@link Presence} says, and while they are active they
 * post, read back and share images at the times of Poisson processes of their profile's rates,
 * run in active time only (so a phone user posts only with the app open); their devices switch
 * networks at the times of a Poisson process over the whole run. Each kind of activity of each
 * device draws from its own stream ("workload/posts/DEVICE", "…/reads/…", "…/uploads/…",
 * "…/switches/…").
 * Answers to what they receive are {@link ReplyChains}.
 */
public final class ProfileActivity implements Generator {
    private static final double MICROS_PER_HOUR = SimTime.of(java.time.Duration.ofHours(1));

    private final Population population;
    private final List<String> channels;

    ProfileActivity(Population population, List<String> channels) {
        this.population = population;
        this.channels = List.copyOf(channels);
    }

    @Override
    public String name() {
        return "activity";
    }

    @Override
    public void install(WorkloadContext context) {
        population.plans(context).forEach((device, plan) -> {
            Profile profile = context.profileOf(device);
            enactPresence(context, device, plan.online(), profile.presence() instanceof Presence.Hours);
            RandomGenerator posts = context.random("posts/" + device);
            arrivals(posts, profile.postsPerHour(), plan.active(), at -> context.post(at, device, channel(posts),
                    Lorem.text(posts, Lorem.length(posts, profile.textLength()))));
            RandomGenerator reads = context.random("reads/" + device);
            arrivals(reads, profile.readsPerHour(), plan.active(), at -> context.read(at, device, channel(reads),
                    geometric(reads, profile.pagesPerRead())));
            if (profile.uploadsPerHour() > 0) {
                List<Path> images = imagesFor(context, profile);
                RandomGenerator uploads = context.random("uploads/" + device);
                arrivals(uploads, profile.uploadsPerHour(), plan.active(), at -> context.upload(at, device, channel(uploads),
                        images.get(uploads.nextInt(images.size()))));
            }
            // people move between networks whether or not the app is running
            long from = context.presentFrom(device);
            arrivals(context.random("switches/" + device), profile.connection().switchesPerHour(),
                    Intervals.of(from, context.end()), at -> context.switchNetwork(at, device));
        });
    }

    /** Offline when the plan says so from the moment the device is there; back online at each interval's start. */
    private static void enactPresence(WorkloadContext context, String device, Intervals online, boolean graceful) {
        long from = context.presentFrom(device);
        if (!online.contains(from)) {
            context.leave(from, device, graceful);
        }
        for (int i = 0; i < online.size(); i++) {
            if (online.start(i) > from) {
                context.reconnect(online.start(i), device);
            }
            if (online.end(i) < context.end()) {
                context.leave(online.end(i), device, graceful);
            }
        }
    }

    /** Calls {@code action} at the arrivals of a Poisson process of {@code perHour}, counted in the time of {@code active}. */
    static void arrivals(RandomGenerator random, double perHour, Intervals active, LongConsumer action) {
        if (perHour <= 0) {
            return;
        }
        double meanGap = MICROS_PER_HOUR / perHour;
        double elapsed = 0;
        while (true) {
            elapsed += Draws.exponential(random, meanGap);
            long at = active.instantAfter(elapsed);
            if (at < 0) {
                return;
            }
            action.accept(at);
        }
    }

    private String channel(RandomGenerator random) {
        return channels.get(random.nextInt(channels.size()));
    }

    /** A geometric number ≥ 1 of mean {@code mean}. */
    static int geometric(RandomGenerator random, double mean) {
        if (mean <= 1) {
            return 1;
        }
        double p = 1 / mean;
        return 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    private static List<Path> imagesFor(WorkloadContext context, Profile profile) {
        List<Path> images = context.images();
        if (images.isEmpty()) {
            throw new IllegalStateException("profile " + profile.name() + " shares images (uploadsPerHour " + profile.uploadsPerHour()
                    + ") but no images were found: run from a checkout (datasets/images) or set P2PSIM_DATASETS to the datasets"
                    + " directory, or set uploadsPerHour: 0");
        }
        return images;
    }
}
