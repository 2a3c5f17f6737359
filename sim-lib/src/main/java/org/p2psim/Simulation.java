package org.p2psim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.p2psim.client.Client;
import org.p2psim.crypto.DeviceId;
import org.p2psim.device.Device;
import org.p2psim.device.DeviceClock;
import org.p2psim.device.Invite;
import org.p2psim.event.Message;
import org.p2psim.metrics.Metrics;
import org.p2psim.net.Network;
import org.p2psim.sim.Scheduler;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimTime;
import org.p2psim.sim.Timeline;
import org.p2psim.sync.SyncStrategy;
import org.p2psim.world.Actions;
import org.p2psim.world.Community;
import org.p2psim.world.RunTables;
import org.p2psim.world.SimulationSpec;
import org.p2psim.world.WorldSettings;
import tech.tablesaw.api.Table;

/**
 * One simulation run: devices on a network, all driven by one seed. A façade over the assembled
 * world ({@link Community}), the real-world actions ({@link Actions}) and the result tables
 * ({@link RunTables}).
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().seed(7).devices("alice", "bob").loss(0.2).build();
 * sim.history("alice", 200, "general");
 * sim.runUntilConverged(Duration.ofMinutes(30));
 * sim.metrics().completeness();
 * }</pre>
 */
public final class Simulation implements AutoCloseable {
    /** Messages on one page of a scroll-back {@link #read}. */
    public static final int READ_PAGE = Actions.READ_PAGE;
    private final Community community;
    private final Actions actions;
    private final RunTables tables;

    private Simulation(WorldSettings settings, Consumer<Network> networkSetup) {
        this.community = new Community(settings);
        this.actions = new Actions(community);
        this.tables = new RunTables(community);
        networkSetup.accept(community.network());
    }

    /**
     * The clock a device named {@code device} has in every run with {@code seed} and these clock
     * spreads ({@link Builder#clockSkew}): how a run directory's device clocks are known again.
     */
    public static DeviceClock deviceClock(long seed, String device, Duration offsetSd, double driftPpmSd) {
        return Community.deviceClock(seed, device, offsetSd, driftPpmSd);
    }

    /**
     * The id a device named {@code device} has in every run with {@code seed} (its keys come from the
     * seed and its name): how a run directory's device files are matched to the author ids they hold.
     */
    public static DeviceId deviceId(long seed, String device) {
        return Community.deviceId(seed, device);
    }

    public static Builder builder() {
        return new Builder();
    }


    // ---- the world ----

    public long seed() {
        return community.seed();
    }

    /** The run's directory: {@code devices/NAME.sqlite} for every device. */
    public Path directory() {
        return community.directory();
    }

    public Device device(String name) {
        return community.device(name);
    }

    /** The app-facing API of the device called {@code name}: {@code sim.client("alice").sendMessage(...)}. */
    public Client client(String name) {
        return Client.of(device(name));
    }

    public List<Device> devices() {
        return community.devices();
    }

    /** The name of the device with this id (hex), or null when no device of this run has it. */
    public String deviceNameOf(String deviceId) {
        return community.deviceNameOf(deviceId);
    }

    public Network network() {
        return community.network();
    }

    public Metrics metrics() {
        return community.metrics();
    }

    public Scheduler scheduler() {
        return community.scheduler();
    }

    /** The real-world actions of this run, as workloads call them. */
    public Actions actions() {
        return actions;
    }

    /** Simulated time in seconds. */
    public double nowSeconds() {
        return SimTime.toSeconds(scheduler().now());
    }

    /**
     * Gives {@code device} {@code count} messages in {@code channel} authored before the run, one a
     * second, ending just before time 0: history the device holds when the simulation starts.
     */
    public Simulation history(String device, int count, String channel) {
        if (community.started()) {
            throw new IllegalStateException("history must be added before the simulation starts running");
        }
        Device author = device(device);
        for (int i = 0; i < count; i++) {
            long authoredTs = -SimTime.ofSeconds(count - i);
            author.authorBefore(new Message(channel, device + " #" + (i + 1)), authoredTs);
        }
        return this;
    }

    // ---- real-world events: each is recorded in the timeline, then happens ({@link Actions}) ----

    /** {@code device} posts {@code text} in {@code channel} now. Returns the new event's id. */
    public String post(String device, String channel, String text) {
        return actions.post(device, channel, text);
    }

    /** {@code device} answers the message {@code parentId} (which it must hold) with {@code text} now. Returns the answer's id. */
    public String reply(String device, String parentId, String text) {
        return actions.reply(device, parentId, text);
    }

    /**
     * {@code device}'s user scrolls back through {@code channel} now: the newest page of
     * {@value #READ_PAGE} messages, then up to {@code pages − 1} older ones. Returns how many
     * messages they saw.
     */
    public int read(String device, String channel, int pages) {
        return actions.read(device, channel, pages);
    }

    /**
     * From now on, {@code listener} hears of every event any device stores (devices that join later
     * included): how workloads react to what people see, e.g. by answering.
     */
    public Simulation onEventStored(Device.StoreListener listener) {
        community.onEventStored(listener);
        return this;
    }

    /**
     * {@code device} shares a file now: {@code content} under {@code name} and media type
     * {@code mime} in {@code channel}, as one meta event and a chunk event per 500 bytes.
     * Returns the file's id.
     */
    public String upload(String device, String channel, byte[] content, String name, String mime) {
        return actions.upload(device, channel, content, name, mime);
    }

    /** {@code device} shares the file at {@code path} now, under its own name and the type its extension suggests. */
    public String upload(String device, String channel, Path path) {
        String name = path.getFileName().toString();
        try {
            return upload(device, channel, Files.readAllBytes(path), name, Client.mimeOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to upload it: " + e.getMessage(), e);
        }
    }

    /**
     * {@code inviter} creates an invite to this community now: the community key, the inviter's
     * address and a token from the inviter's seeded stream. Recorded in the timeline; the inviter
     * authors an {@code invite} grant naming the invite's id (never its key).
     */
    public Invite invite(String inviter) {
        return actions.invite(inviter);
    }

    /** A new device joins now, invited by {@code bootstrapPeer}: {@code join(name, invite(bootstrapPeer))}. */
    public Device join(String name, String bootstrapPeer) {
        return actions.join(name, bootstrapPeer);
    }

    /**
     * A new device joins {@code account} now through {@code bootstrapPeer}: when that is the
     * bootstrap peer's account, the peer authorises it ({@link #addDevice}); otherwise the peer
     * invites it and it joins the new account {@code account} ({@link #join(String, Invite, String)}).
     */
    public Device join(String name, String bootstrapPeer, String account) {
        return actions.join(name, bootstrapPeer, account);
    }

    /** A new device joins now with an invite, in an account of its own name: {@code join(name, invite, name)}. */
    public Device join(String name, Invite invite) {
        return actions.join(name, invite, name);
    }

    /**
     * A new device joins the new account {@code account} now with an invite: a community key and the
     * address of one bootstrap peer. It learns further peers by peer exchange; its public key is
     * added to the members' directory, as the seed's out-of-band exchange does ("anyone with the key
     * is authorised"), and it authors a {@code join} grant naming itself, its account and the invite.
     * With another community's key it joins the network but can open none of the events it receives.
     * An account that already has a device is joined through it: {@link #addDevice}.
     */
    public Device join(String name, Invite invite, String account) {
        return actions.join(name, invite, account);
    }

    /**
     * A new device {@code newDevice} joins the account of {@code existingDeviceOfAccount} now (a
     * user adds a phone to the laptop's account): the existing device authors an
     * {@code authorize-device} grant for it, then the new device, bootstrapping from the existing
     * one, authors its {@code join} grant. Recorded in the timeline as a join into that account.
     */
    public Device addDevice(String newDevice, String existingDeviceOfAccount) {
        return actions.addDevice(newDevice, existingDeviceOfAccount);
    }

    /** {@code device} goes offline now, saying goodbye to its peers when {@code graceful}. */
    public void leave(String device, boolean graceful) {
        actions.leave(device, graceful);
    }

    /** {@code device} comes back online now. */
    public void reconnect(String device) {
        actions.reconnect(device);
    }

    /**
     * {@code device} moves to another network now (Wi-Fi to cellular or back): it gets a new address
     * after a brief handover gap ({@link Network#switchAddress(String)}). Packets on their way to its
     * old address are lost as stale, and so are those its peers send there until they learn the new
     * one: from its next packet, or from peer exchange. Returns the new address.
     */
    public int switchNetwork(String device) {
        return actions.switchNetwork(device);
    }

    /** Schedules a recorded real-world event to happen again at its time: how a replay re-enacts a timeline. */
    public void replay(SimEvent event) {
        actions.replay(event);
    }

    /** The real-world events so far. */
    public Timeline timeline() {
        return actions.timeline();
    }

    /** Runs {@code action} at simulated time {@code at} (from the start of the run). */
    public Simulation at(Duration at, Consumer<Simulation> action) {
        scheduler().at(SimTime.of(at), () -> action.accept(this));
        return this;
    }

    // ---- running ----

    public boolean step() {
        community.startOnce();
        return scheduler().step();
    }

    public Simulation runFor(Duration duration) {
        community.startOnce();
        scheduler().runFor(duration);
        return this;
    }

    /** Runs until {@code condition} holds or {@code limit} of simulated time passes; returns whether it held. */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        community.startOnce();
        return scheduler().runUntil(condition, limit);
    }

    /** Runs until every device holds every event, or {@code limit} passes. */
    public boolean runUntilConverged(Duration limit) {
        return runUntil(metrics()::converged, limit);
    }

    // ---- results ({@link RunTables}) ----

    /** Completeness of every device from time 0 until now, as a step curve. */
    public Table completeness() {
        return tables.completeness();
    }

    /**
     * Per device: events held, completeness, duplicates, online now, share of time online, what its
     * user read, and its account.
     */
    public Table devicesTable() {
        return tables.devicesTable();
    }

    /**
     * Every event some device holds and another lacks, one row per (holder, lacker, event), with
     * whether the holder's strategy believes the lacker already has it (e.g. a Bloom false positive
     * that keeps the holder from sending it; see {@link SyncStrategy#believesPeerHas}).
     */
    public Table missingEvents() {
        return tables.missingEvents();
    }

    /**
     * How every device came to hold the file's chunks: one row per chunk stored per device
     * ({@code device}, {@code time_s}, {@code chunks_held}, {@code chunk_count}, {@code fraction}),
     * read from the devices' stores. The chunk count comes from the uploader's store.
     */
    public Table fileProgress(String fileId) {
        return tables.fileProgress(fileId);
    }

    /**
     * Per device: chunks of the file held, whether it is complete (meta and every chunk), and when
     * it became so ({@code completed_s}, missing while incomplete).
     */
    public Table fileCompletion(String fileId) {
        return tables.fileCompletion(fileId);
    }

    public String traceSha256() {
        return metrics().traceSha256();
    }

    /** Writes every device's pending rows to its SQLite file. */
    public void flush() {
        community.flush();
    }

    /** Closes every device's store; a temporary run directory (no {@code directory} given) is deleted. */
    @Override
    public void close() {
        community.close();
    }

    /**
     * Settings of a run; every one has a default, read from the scenario's spec records
     * ({@link SimulationSpec}): the same records a scenario file gives.
     */
    public static final class Builder extends SimulationSpec.Builder<Builder> {
        public Simulation build() {
            SimulationSpec spec = spec();
            return new Simulation(spec.settings(), spec.networkSetup());
        }
    }
}
