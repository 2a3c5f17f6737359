package org.p2psim.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What a {@link Generator} sees of the simulation: who is there and when, the run's length, its
 * own random streams, and the ways to act. Times are simulated microseconds since the run began.
 *
 * <p>Plan events ahead where possible ({@link #post} at a future time): a replay re-enacts the
 * recorded timeline by scheduling its events in the same way before the run, so an event planned
 * ahead happens at the same place among simultaneous actions in both. Reactions to what devices
 * receive ({@link #onMessage}) cannot be planned; they are recorded when they happen, and a replay
 * re-enacts them from the record without running the generator again.
 */
public interface WorkloadContext {

    /** Every device of the run in order: those present at the start, then those that join later. */
    List<String> devices();

    /** When {@code device} is there: 0 for devices present at the start, else its join time. */
    long presentFrom(String device);

    /** The end of the run. */
    long end();

    /** The profile of {@code device}, or null when it has none (it then only does what the scenario scripts). */
    Profile profileOf(String device);

    /** A fresh generator for the stream "workload/{@code name}" of the run's seed. */
    RandomGenerator random(String name);

    /** Images a workload may share ({@code datasets/images}), in name order; empty when none are found. */
    List<Path> images();

    /** Gives {@code device} {@code count} messages in {@code channel} authored before the run. */
    void history(String device, int count, String channel);

    /** {@code device} posts {@code text} in {@code channel} at time {@code at} (recorded in the timeline then). */
    void post(long at, String device, String channel, String text);

    /** {@code device} answers {@code parentId} with {@code text} at {@code at}; {@code posted} then hears the answer's id. */
    void reply(long at, String device, String parentId, String text, Consumer<String> posted);

    /** {@code device}'s user scrolls back {@code pages} pages of {@code channel} at {@code at}. */
    void read(long at, String device, String channel, int pages);

    /** {@code device} shares the file at {@code file} in {@code channel} at {@code at}. */
    void upload(long at, String device, String channel, Path file);

    /** {@code device} goes offline at {@code at}, saying goodbye when {@code graceful}. */
    void leave(long at, String device, boolean graceful);

    /** {@code device} comes back online at {@code at}. */
    void reconnect(long at, String device);

    /** {@code device} moves to another network (Wi-Fi ↔ cellular) at {@code at}, and gets a new address. */
    void switchNetwork(long at, String device);

    /** Runs {@code action} at {@code at}; for a generator's own bookkeeping, not recorded in the timeline. */
    void at(long at, Runnable action);

    /** From the start of the run, {@code listener} hears of every message a device stores that another device wrote. */
    void onMessage(MessageListener listener);

    /** Hears of messages arriving at devices. */
    @FunctionalInterface
    interface MessageListener {
        /** {@code device} stored the message {@code messageId} of {@code author} in {@code channel} at {@code at}. */
        void received(String device, String messageId, String author, String channel, long at);
    }
}
