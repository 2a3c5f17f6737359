package org.p2psim.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.p2psim.sim.RandomStreams;

/** A {@link WorkloadContext} that records what generators ask for, without a simulation. */
final class RecordingContext implements WorkloadContext {
    final List<String> devices;
    final Map<String, Long> joins;
    final long end;
    final RandomStreams streams;
    final Map<String, Profile> profiles = new HashMap<>();
    final List<Object[]> posts = new ArrayList<>();
    final List<Object[]> history = new ArrayList<>();
    final List<Object[]> reads = new ArrayList<>();
    final List<Object[]> uploads = new ArrayList<>();
    final List<Object[]> presence = new ArrayList<>();
    final List<Object[]> replies = new ArrayList<>();
    final List<MessageListener> listeners = new ArrayList<>();

    RecordingContext(long seed, List<String> devices, Map<String, Long> joins, long end) {
        this.devices = devices;
        this.joins = joins;
        this.end = end;
        this.streams = new RandomStreams(seed);
    }

    RecordingContext with(String device, Profile profile) {
        profiles.put(device, profile);
        return this;
    }

    @Override
    public List<String> devices() {
        return devices;
    }

    @Override
    public long presentFrom(String device) {
        return joins.getOrDefault(device, 0L);
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public Profile profileOf(String device) {
        return profiles.get(device);
    }

    @Override
    public RandomGenerator random(String name) {
        return streams.stream("workload/" + name);
    }

    @Override
    public List<Path> images() {
        return List.of(Path.of("a.jpg"), Path.of("b.jpg"));
    }

    @Override
    public void history(String device, int count, String channel) {
        history.add(new Object[] {device, count, channel});
    }

    @Override
    public void post(long at, String device, String channel, String text) {
        posts.add(new Object[] {at, device, channel, text});
    }

    @Override
    public void reply(long at, String device, String parentId, String text, Consumer<String> posted) {
        replies.add(new Object[] {at, device, parentId, text});
    }

    @Override
    public void read(long at, String device, String channel, int pages) {
        reads.add(new Object[] {at, device, channel, pages});
    }

    @Override
    public void upload(long at, String device, String channel, Path file) {
        uploads.add(new Object[] {at, device, channel, file});
    }

    @Override
    public void leave(long at, String device, boolean graceful) {
        presence.add(new Object[] {at, device, "leave"});
    }

    @Override
    public void reconnect(long at, String device) {
        presence.add(new Object[] {at, device, "reconnect"});
    }

    @Override
    public void switchNetwork(long at, String device) {
        presence.add(new Object[] {at, device, "switch"});
    }

    @Override
    public void at(long at, Runnable action) {
        // bookkeeping only; the tests that need it run a real simulation
    }

    @Override
    public void onMessage(MessageListener listener) {
        listeners.add(listener);
    }
}
