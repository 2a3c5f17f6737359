package org.p2psim.workload;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.p2psim.sim.SimTime;
import org.p2psim.workload.presence.ActivityPlan;
import org.p2psim.workload.presence.Intervals;

/**
 * Conversations: people answer what they see, so messages come in flurries. A person whose
 * profile answers ({@link Profile.Replies}) considers each message from someone else when it
 * reaches their device while they are active, or, if it arrived while they were away, the newest
 * such message when they are next active. They answer it with the profile's probability unless
 * someone has already claimed it: a message gets one answer at most, so a conversation is a chain,
 * which ends when nobody answers or when it holds {@code maxThread} messages. The answer is sent
 * after a log-normal reaction time and the time to type it ({@link #answerDelay}).
 *
 * <p>Decisions draw from each answering device's stream "workload/replies/DEVICE", in the order in
 * which messages reach the device, which the seed decides. The answers are recorded in the timeline
 * when sent; a replay re-enacts them from there and does not run this generator.
 */
public final class ReplyChains implements Generator {
    private final Population population;
    private final int maxThread;
    private final Set<String> claimed = new HashSet<>();
    /** Messages in a thread before this one; absent for messages that start one. */
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, RandomGenerator> answering = new LinkedHashMap<>();
    private final Map<String, String> newestUnseen = new HashMap<>();

    ReplyChains(Population population, int maxThread) {
        this.population = population;
        this.maxThread = maxThread;
    }

    @Override
    public String name() {
        return "replies";
    }

    @Override
    public void install(WorkloadContext context) {
        Map<String, ActivityPlan> plans = population.plans(context);
        plans.forEach((device, plan) -> {
            if (context.profileOf(device).replies().probability() > 0) {
                answering.put(device, context.random("replies/" + device));
                Intervals active = plan.active();
                for (int i = 0; i < active.size(); i++) {
                    long start = active.start(i);
                    context.at(start, () -> catchUp(context, device, start));
                }
            }
        });
        if (answering.isEmpty()) {
            return;
        }
        context.onMessage((device, messageId, author, channel, at) -> {
            if (answering.containsKey(device)) {
                if (plans.get(device).active().contains(at)) {
                    consider(context, device, messageId, at);
                } else {
                    newestUnseen.put(device, messageId);
                }
            }
        });
    }

    private void catchUp(WorkloadContext context, String device, long at) {
        String unseen = newestUnseen.remove(device);
        if (unseen != null) {
            consider(context, device, unseen, at);
        }
    }

    private void consider(WorkloadContext context, String device, String messageId, long at) {
        int before = depth.getOrDefault(messageId, 0);
        if (claimed.contains(messageId) || before + 1 >= maxThread) {
            return;
        }
        Profile profile = context.profileOf(device);
        RandomGenerator random = answering.get(device);
        if (random.nextDouble() >= profile.replies().probability()) {
            return;
        }
        claimed.add(messageId);
        int length = Lorem.length(random, profile.textLength());
        String text = Lorem.text(random, length);
        long delay = answerDelay(random, profile.replies(), length);
        context.reply(at + delay, device, messageId, text, answerId -> depth.put(answerId, before + 1));
    }

    /**
     * Time from seeing a message to sending an answer of {@code length} characters, in µs: a
     * reaction time drawn log-normal, {@code after · exp(spread · Z)} with Z standard normal (so
     * {@code after} is its median), plus {@code length / typingPerSecond} seconds of typing.
     */
    public static long answerDelay(RandomGenerator random, Profile.Replies replies, int length) {
        double reaction = SimTime.of(replies.after()) * Math.exp(replies.spread() * random.nextGaussian());
        double typing = length / replies.typingPerSecond() * SimTime.MICROS_PER_SECOND;
        return Math.round(reaction + typing);
    }
}
