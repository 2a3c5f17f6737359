package org.p2psim.sim;

import static org.p2psim.sim.SimEventChecks.requireDevice;
import static org.p2psim.sim.SimEventChecks.requireField;
import static org.p2psim.sim.SimEventChecks.requireName;
import static org.p2psim.sim.SimEventChecks.requireText;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One real-world event of the timeline (the seed's {@code sim_events}): at simulated time
 * {@code time} (µs), something happened to {@code device}. Each kind is a record with typed fields;
 * {@link SimEventCodec} turns an event into the row {@code (time, kind, device, detail)} of the
 * {@code sim_events} table and of a saved {@link Timeline}, and back. The kinds, with their fields
 * and the row's detail (fields separated by tabs):
 * <ul>
 *   <li>{@code message} ({@link Message}): the device posts {@code text} in {@code channel}
 *       (detail: channel, text);</li>
 *   <li>{@code file} ({@link FileShared}): the device shares a file in {@code channel}: its
 *       {@code name}, media type {@code mime} and {@code content}, everything a replay needs to
 *       share the same bytes again (detail: channel, name, media type, content in base64);</li>
 *   <li>{@code reply} ({@link Reply}): the device answers the message {@code parentId} with
 *       {@code text} (detail: parent id, text);</li>
 *   <li>{@code read} ({@link Read}): a scroll-back session over {@code pages} pages of
 *       {@code channel} (detail: channel, pages);</li>
 *   <li>{@code invite} ({@link Invite}): the device creates the invite {@code inviteId}; a replay
 *       creates the invite again and checks that it has this id (detail: the invite id);</li>
 *   <li>{@code join} ({@link Join}): the device joins {@code account} through its bootstrap peer
 *       {@code via}, with the invite {@code inviteId}, or null for none (detail: bootstrap peer,
 *       account, invite id or empty). Without an invite id, a join into the account of its
 *       bootstrap peer is a device authorisation by that peer; any other join without one is
 *       invited by the bootstrap peer at that moment. A detail of the bootstrap peer alone (a
 *       timeline recorded before accounts) is a join into an account of the device's own name;</li>
 *   <li>{@code leave} ({@link Leave}): the device goes offline, {@code graceful}ly or not (detail:
 *       {@code graceful} or {@code abrupt});</li>
 *   <li>{@code reconnect} ({@link Reconnect}): the device comes back online (empty detail);</li>
 *   <li>{@code switch} ({@link Switch}): the device moved to another network, e.g. Wi-Fi to
 *       cellular, and has a new address (empty detail).</li>
 * </ul>
 * Text fields that the row separates by tabs cannot contain a tab; a message's or reply's text,
 * the last field, can.
 */
public sealed interface SimEvent permits SimEvent.Message, SimEvent.FileShared, SimEvent.Reply, SimEvent.Read,
        SimEvent.Invite, SimEvent.Join, SimEvent.Leave, SimEvent.Reconnect, SimEvent.Switch {
    String MESSAGE = "message";
    String FILE = "file";
    String REPLY = "reply";
    String READ = "read";
    String INVITE = "invite";
    String JOIN = "join";
    String LEAVE = "leave";
    String RECONNECT = "reconnect";
    String SWITCH = "switch";
    /** Every kind, in the order the documentation lists them. */
    List<String> KINDS = List.of(MESSAGE, FILE, REPLY, READ, INVITE, JOIN, LEAVE, RECONNECT, SWITCH);

    /** When it happened, in µs of simulated time. */
    long time();

    /** The device it happened to. */
    String device();

    /** The kind's name, one of {@link #KINDS}: the {@code kind} of its row. */
    String kind();

    /** Kind {@code message}. */
    record Message(long time, String device, String channel, String text) implements SimEvent {
        public Message {
            requireDevice(MESSAGE, device);
            requireField(MESSAGE, "channel", channel);
            requireText(MESSAGE, text);
        }

        @Override
        public String kind() {
            return MESSAGE;
        }
    }

    /** Kind {@code file}. */
    record FileShared(long time, String device, String channel, String name, String mime, byte[] content)
            implements SimEvent {
        public FileShared {
            requireDevice(FILE, device);
            requireField(FILE, "channel", channel);
            requireField(FILE, "name", name);
            requireField(FILE, "mime", mime);
            if (content == null) {
                throw new IllegalArgumentException("a file sim event's content must be bytes, was null");
            }
            content = content.clone();
        }

        @Override
        public String kind() {
            return FILE;
        }

        /** A copy of the shared bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /** Equal with the same fields and the same bytes. */
        @Override
        public boolean equals(Object o) {
            return o instanceof FileShared f && time == f.time && device.equals(f.device) && channel.equals(f.channel)
                    && name.equals(f.name) && mime.equals(f.mime) && Arrays.equals(content, f.content);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hash(time, device, channel, name, mime) + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "FileShared[time=" + time + ", device=" + device + ", channel=" + channel + ", name=" + name
                    + ", mime=" + mime + ", content=" + content.length + " bytes]";
        }
    }

    /** Kind {@code reply}. */
    record Reply(long time, String device, String parentId, String text) implements SimEvent {
        public Reply {
            requireDevice(REPLY, device);
            requireField(REPLY, "parentId", parentId);
            requireText(REPLY, text);
        }

        @Override
        public String kind() {
            return REPLY;
        }
    }

    /** Kind {@code read}. */
    record Read(long time, String device, String channel, int pages) implements SimEvent {
        public Read {
            requireDevice(READ, device);
            requireField(READ, "channel", channel);
            if (pages < 1) {
                throw new IllegalArgumentException("a read sim event's pages must be at least 1 (a read covers at least"
                        + " 1 page), was " + pages);
            }
        }

        @Override
        public String kind() {
            return READ;
        }
    }

    /** Kind {@code invite}. */
    record Invite(long time, String device, String inviteId) implements SimEvent {
        public Invite {
            requireDevice(INVITE, device);
            requireName(INVITE, "inviteId", inviteId);
        }

        @Override
        public String kind() {
            return INVITE;
        }
    }

    /** Kind {@code join}; {@code inviteId} is null for a join without an invite (an empty one is taken as null). */
    record Join(long time, String device, String via, String account, String inviteId) implements SimEvent {
        public Join {
            requireDevice(JOIN, device);
            requireName(JOIN, "via (the bootstrap peer)", via);
            requireName(JOIN, "account", account);
            inviteId = inviteId == null || inviteId.isEmpty() ? null : inviteId;
            if (inviteId != null) {
                requireField(JOIN, "inviteId", inviteId);
            }
        }

        @Override
        public String kind() {
            return JOIN;
        }
    }

    /** Kind {@code leave}. */
    record Leave(long time, String device, boolean graceful) implements SimEvent {
        public Leave {
            requireDevice(LEAVE, device);
        }

        @Override
        public String kind() {
            return LEAVE;
        }
    }

    /** Kind {@code reconnect}. */
    record Reconnect(long time, String device) implements SimEvent {
        public Reconnect {
            requireDevice(RECONNECT, device);
        }

        @Override
        public String kind() {
            return RECONNECT;
        }
    }

    /** Kind {@code switch}. */
    record Switch(long time, String device) implements SimEvent {
        public Switch {
            requireDevice(SWITCH, device);
        }

        @Override
        public String kind() {
            return SWITCH;
        }
    }
}
