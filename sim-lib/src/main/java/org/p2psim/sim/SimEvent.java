package org.p2psim.sim;

import java.util.Base64;
import java.util.List;

/**
 * One real-world event of the timeline (the seed's {@code sim_events}): at simulated time
 * {@code time} (µs), {@code kind} happened to {@code device}, with kind-specific {@code detail}.
 *
 * <p>Kinds:
 * <ul>
 *   <li>{@code message} (detail: channel, a tab, the text);</li>
 *   <li>{@code file} (detail: channel, name, media type and the content in base64, separated by
 *       tabs: everything a replay needs to share the same bytes again);</li>
 *   <li>{@code reply} (detail: the id of the message answered, a tab, the text);</li>
 *   <li>{@code read}: a scroll-back session (detail: channel, a tab, the number of pages);</li>
 *   <li>{@code invite}: the device creates an invite (detail: the invite's id; a replay creates
 *       the invite again and checks that it has this id);</li>
 *   <li>{@code join}: the device joins (detail: the bootstrap peer, the account it joins and the id
 *       of the invite it used, separated by tabs). Without an invite id, a join into the account of
 *       its bootstrap peer is a device authorisation by that peer; any other join without one is
 *       invited by the bootstrap peer at that moment. A detail of the bootstrap peer alone (a
 *       timeline recorded before accounts) is a join into an account of the device's own name;</li>
 *   <li>{@code leave} (detail: {@code graceful} or {@code abrupt});</li>
 *   <li>{@code reconnect} (no detail);</li>
 *   <li>{@code switch}: the device moved to another network, e.g. Wi-Fi to cellular, and has a new
 *       address (no detail).</li>
 * </ul>
 */
public record SimEvent(long time, String kind, String device, String detail) {
    public static final String MESSAGE = "message";
    public static final String FILE = "file";
    public static final String INVITE = "invite";
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String RECONNECT = "reconnect";
    public static final String REPLY = "reply";
    public static final String READ = "read";
    public static final String SWITCH = "switch";
    /** Every kind, in the order the documentation lists them. */
    public static final List<String> KINDS = List.of(MESSAGE, FILE, REPLY, READ, INVITE, JOIN, LEAVE, RECONNECT, SWITCH);

    public SimEvent {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("sim event kind must be one of " + KINDS + ", was '" + kind + "'");
        }
        if (kind.equals(FILE) && detail.split("\t", -1).length != 4) {
            throw new IllegalArgumentException("a file sim event's detail is channel, name, type and base64 content"
                    + " separated by tabs");
        }
        if (kind.equals(JOIN)) {
            requireJoinDetail(detail);
        }
        if (kind.equals(INVITE) && detail.isEmpty()) {
            throw new IllegalArgumentException("an invite sim event's detail is the invite's id, was empty");
        }
    }

    private static void requireJoinDetail(String detail) {
        String[] fields = detail.split("\t", -1);
        if (fields.length != 1 && fields.length != 3 || fields[0].isEmpty() || fields.length == 3 && fields[1].isEmpty()) {
            throw new IllegalArgumentException("a join sim event's detail is the bootstrap peer, the account and the"
                    + " invite id (empty for none) separated by tabs, was '" + detail + "'");
        }
    }

    /** {@code inviter} creates the invite {@code inviteId}. */
    public static SimEvent invite(long time, String inviter, String inviteId) {
        return new SimEvent(time, INVITE, inviter, inviteId);
    }

    /**
     * {@code device} joins {@code account} through its first peer {@code via}, with the invite
     * {@code inviteId} (null: without one; see the class comment).
     */
    public static SimEvent join(long time, String device, String via, String account, String inviteId) {
        for (String field : new String[] {via, account}) {
            if (field == null || field.isEmpty() || field.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("a join's bootstrap peer and account must be non-empty and without tabs,"
                        + " were '" + via + "' and '" + account + "'");
            }
        }
        return new SimEvent(time, JOIN, device, via + "\t" + account + "\t" + (inviteId == null ? "" : inviteId));
    }

    /** The bootstrap peer of a {@code join} event. */
    public String via() {
        return joinField(0);
    }

    /** The account a {@code join} event's device joins (its own name in a timeline recorded before accounts). */
    public String account() {
        String[] fields = joinFields();
        return fields.length == 1 ? device : fields[1];
    }

    /** The invite a {@code join} event's device used, or null. */
    public String inviteId() {
        String[] fields = joinFields();
        return fields.length == 1 || fields[2].isEmpty() ? null : fields[2];
    }

    private String joinField(int i) {
        return joinFields()[i];
    }

    private String[] joinFields() {
        if (!kind.equals(JOIN)) {
            throw new IllegalStateException("a " + kind + " event is not a join");
        }
        return detail.split("\t", -1);
    }

    /** {@code device} shares a file of {@code content} in {@code channel}. */
    public static SimEvent file(long time, String device, String channel, String name, String mime, byte[] content) {
        for (String field : new String[] {channel, name, mime}) {
            if (field.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("channel, file name and media type cannot contain a tab: '" + field + "'");
            }
        }
        return new SimEvent(time, FILE, device, channel + "\t" + name + "\t" + mime + "\t"
                + Base64.getEncoder().encodeToString(content));
    }

    /** The file name of a {@code file} event. */
    public String fileName() {
        return fileField(1);
    }

    /** The media type of a {@code file} event. */
    public String mime() {
        return fileField(2);
    }

    /** The shared bytes of a {@code file} event. */
    public byte[] fileContent() {
        return Base64.getDecoder().decode(fileField(3));
    }

    private String fileField(int i) {
        if (!kind.equals(FILE)) {
            throw new IllegalStateException("a " + kind + " event has no file");
        }
        return detail.split("\t", -1)[i];
    }

    public static SimEvent message(long time, String device, String channel, String text) {
        if (channel.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("channel names cannot contain a tab: '" + channel + "'");
        }
        return new SimEvent(time, MESSAGE, device, channel + "\t" + text);
    }

    /** {@code device} answers the message {@code parentId} with {@code text}. */
    public static SimEvent reply(long time, String device, String parentId, String text) {
        return new SimEvent(time, REPLY, device, parentId + "\t" + text);
    }

    /** {@code device}'s user scrolls back {@code pages} pages of {@code channel}. */
    public static SimEvent read(long time, String device, String channel, int pages) {
        if (channel.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("channel names cannot contain a tab: '" + channel + "'");
        }
        return new SimEvent(time, READ, device, channel + "\t" + pages);
    }

    /** The id of the message a {@code reply} answers. */
    public String parentId() {
        return channel();
    }

    /** The pages of a {@code read}. */
    public int pages() {
        return Integer.parseInt(text());
    }

    /** The channel of a {@code message}, {@code file} or {@code read} event. */
    public String channel() {
        return detail.substring(0, detail.indexOf('\t'));
    }

    /** The text of a {@code message} or {@code reply} event. */
    public String text() {
        return detail.substring(detail.indexOf('\t') + 1);
    }
}
