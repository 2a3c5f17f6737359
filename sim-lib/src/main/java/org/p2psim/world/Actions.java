package org.p2psim.world;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.p2psim.client.Client;
import org.p2psim.client.MessagePage;
import org.p2psim.crypto.DeviceId;
import org.p2psim.device.Device;
import org.p2psim.device.Invite;
import org.p2psim.event.EventSealer;
import org.p2psim.sim.SimEvent;
import org.p2psim.sim.SimTime;
import org.p2psim.sim.Timeline;

/**
 * The real-world actions of a run (people post, reply, read, share files, invite, join, add
 * devices, leave, come back and change networks): each is recorded in the timeline, then happens.
 * Workloads, notebooks and replay all act through here.
 */
public final class Actions {
    /** Messages on one page of a scroll-back {@link #read}. */
    public static final int READ_PAGE = 50;
    private final Community community;
    private final Timeline timeline = new Timeline();
    /** Invites created in this run, by id: a replayed join finds the invite it used here. */
    private final Map<String, Invite> invites = new HashMap<>();
    /** Each inviter's seeded stream of invite tokens. */
    private final Map<String, RandomGenerator> inviteTokens = new HashMap<>();

    public Actions(Community community) {
        this.community = community;
    }

    /** The real-world events so far. */
    public Timeline timeline() {
        return timeline;
    }

    private long now() {
        return community.scheduler().now();
    }

    public String post(String device, String channel, String text) {
        Device author = community.device(device);
        timeline.record(new SimEvent.Message(now(), device, channel, text));
        return Client.of(author).sendMessage(channel, text);
    }

    public String reply(String device, String parentId, String text) {
        Device author = community.device(device);
        timeline.record(new SimEvent.Reply(now(), device, parentId, text));
        return Client.of(author).reply(parentId, text);
    }

    /** The newest page of {@value #READ_PAGE} messages, then up to {@code pages − 1} older ones; returns how many were seen. */
    public int read(String device, String channel, int pages) {
        SimEvent.Read event = new SimEvent.Read(now(), device, channel, pages);
        Client client = Client.of(community.device(device));
        timeline.record(event);
        MessagePage page = client.getMessages(channel, READ_PAGE);
        int seen = page.size();
        for (int i = 1; i < pages && page.size() == READ_PAGE; i++) {
            page = client.getMessages(channel, READ_PAGE, page.olderCursor());
            seen += page.size();
        }
        community.metrics().read(device, seen);
        return seen;
    }

    public String upload(String device, String channel, byte[] content, String name, String mime) {
        Device author = community.device(device);
        timeline.record(new SimEvent.FileShared(now(), device, channel, name, mime, content));
        return Client.of(author).uploadFile(channel, content, name, mime);
    }

    /** An invite with the community key, the inviter's address and a token from the inviter's seeded stream. */
    public Invite invite(String inviter) {
        Device device = community.device(inviter);
        RandomGenerator tokens = inviteTokens.computeIfAbsent(inviter, d -> community.streams().stream("device/" + d + "/invites"));
        byte[] token = new byte[16];
        tokens.nextBytes(token);
        Invite invite = new Invite(community.world().communityKey(), inviter, HexFormat.of().formatHex(token));
        timeline.record(new SimEvent.Invite(now(), inviter, invite.id()));
        invites.put(invite.id(), invite);
        Client.of(device).recordInvite(invite.id());
        return invite;
    }

    public Device join(String name, String bootstrapPeer) {
        requireNewDevice(name);
        community.device(bootstrapPeer);
        requireNewAccount(name, name);
        return join(name, invite(bootstrapPeer), name);
    }

    public Device join(String name, String bootstrapPeer, String account) {
        requireNewDevice(name);
        if (community.device(bootstrapPeer).account().equals(account)) {
            return addDevice(name, bootstrapPeer);
        }
        requireNewAccount(name, account);
        return join(name, invite(bootstrapPeer), account);
    }

    public Device join(String name, Invite invite, String account) {
        requireNewDevice(name);
        String bootstrapPeer = invite.bootstrapPeer();
        community.device(bootstrapPeer);
        requireNewAccount(name, account);
        timeline.record(new SimEvent.Join(now(), name, bootstrapPeer, account, invite.id()));
        var world = community.world();
        EventSealer sealer = invite.communityKey().equals(world.communityKey())
                ? world.sealer() : new EventSealer(invite.communityKey(), world.members(), world.signatures());
        Device device = community.admit(name, account, bootstrapPeer, sealer);
        Client.of(device).announceJoin(invite.id());
        return device;
    }

    public Device addDevice(String newDevice, String existingDeviceOfAccount) {
        requireNewDevice(newDevice);
        Device existing = community.device(existingDeviceOfAccount);
        String account = existing.account();
        timeline.record(new SimEvent.Join(now(), newDevice, existingDeviceOfAccount, account, null));
        Client.of(existing).authorizeDevice(DeviceId.ofPublicKey(community.keysOf(newDevice).publicKey()).hex());
        Device device = community.admit(newDevice, account, existingDeviceOfAccount, community.world().sealer());
        Client.of(device).announceJoin(null);
        return device;
    }

    private void requireNewDevice(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a new device needs a non-blank name, got " + (name == null ? "null" : "'" + name + "'"));
        }
        if (community.findDevice(name) != null) {
            throw new IllegalArgumentException("a device named '" + name + "' already exists");
        }
    }

    /** An invited device starts a new account: one that no device of the run belongs to yet. */
    private void requireNewAccount(String name, String account) {
        if (account == null || account.isBlank() || account.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("device " + name + " needs an account name, non-blank and without tabs, got "
                    + (account == null ? "null" : "'" + account + "'"));
        }
        List<String> holders = community.devices().stream().filter(d -> d.account().equals(account)).map(Device::name).toList();
        if (!holders.isEmpty()) {
            throw new IllegalArgumentException("account '" + account + "' already has devices " + holders + "; a new device"
                    + " joins it through one of them: addDevice(\"" + name + "\", \"" + holders.get(0) + "\")");
        }
    }

    public void leave(String device, boolean graceful) {
        timeline.record(new SimEvent.Leave(now(), device, graceful));
        community.device(device).leave(graceful);
    }

    public void reconnect(String device) {
        timeline.record(new SimEvent.Reconnect(now(), device));
        community.device(device).reconnect();
    }

    /** A new address after a brief handover gap ({@link org.p2psim.net.Network#switchAddress(String)}); returns it. */
    public int switchNetwork(String device) {
        community.device(device);
        timeline.record(new SimEvent.Switch(now(), device));
        return community.network().switchAddress(device);
    }

    /** Schedules a recorded real-world event to happen again at its time: how a replay re-enacts a timeline. */
    public void replay(SimEvent event) {
        community.scheduler().at(event.time(), () -> enact(event));
    }

    /**
     * Does what {@code event} records, through the action that recorded it, which records it again.
     * One branch per record of the sealed {@link SimEvent} (an {@code instanceof} chain: the build
     * targets Java 17, where a pattern {@code switch} is still a preview).
     */
    private void enact(SimEvent event) {
        if (event instanceof SimEvent.Message m) {
            post(m.device(), m.channel(), m.text());
        } else if (event instanceof SimEvent.Reply r) {
            reply(r.device(), r.parentId(), r.text());
        } else if (event instanceof SimEvent.Read r) {
            read(r.device(), r.channel(), r.pages());
        } else if (event instanceof SimEvent.FileShared f) {
            upload(f.device(), f.channel(), f.content(), f.name(), f.mime());
        } else if (event instanceof SimEvent.Invite i) {
            replayInvite(i);
        } else if (event instanceof SimEvent.Join j) {
            replayJoin(j);
        } else if (event instanceof SimEvent.Leave l) {
            leave(l.device(), l.graceful());
        } else if (event instanceof SimEvent.Reconnect r) {
            reconnect(r.device());
        } else if (event instanceof SimEvent.Switch s) {
            switchNetwork(s.device());
        } else {
            throw new IllegalArgumentException("not a sim event of a known kind: " + event);
        }
    }

    /** Creates the recorded invite again: the same inviter draws the same token, so it has the recorded id. */
    private void replayInvite(SimEvent.Invite event) {
        String id = invite(event.device()).id();
        if (!id.equals(event.inviteId())) {
            throw new IllegalStateException("replaying the invite by " + event.device() + " at " + SimTime.format(event.time())
                    + " gives invite id " + id + ", the timeline recorded " + event.inviteId() + "; a timeline replays in a"
                    + " simulation with the seed and devices of the run that recorded it");
        }
    }

    /** A join with its recorded invite, or (without one) a device authorisation or a join invited now. */
    private void replayJoin(SimEvent.Join event) {
        String inviteId = event.inviteId();
        if (inviteId == null) {
            join(event.device(), event.via(), event.account());
            return;
        }
        Invite invite = invites.get(inviteId);
        if (invite == null) {
            throw new IllegalStateException("replaying the join of " + event.device() + " at " + SimTime.format(event.time())
                    + ": it used invite " + inviteId + ", which no invite of this run created (only invites made with"
                    + " Simulation.invite are replayed)");
        }
        join(event.device(), invite, event.account());
    }
}
