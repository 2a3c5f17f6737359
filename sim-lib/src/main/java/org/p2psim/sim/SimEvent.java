package org.p2psim.sim;

import java.util.Base64;
import java.util.List;

/**
 * One real-world event of the timeline (the seed's {@code sim_events}): at simulated time
 * {@code time} (µs), {@code kind} happened to {@code device}, with kind-specific {@code detail}.
 *
 * <p>Kinds: {@code message} (detail: channel, a tab, the text), {@code file} (detail: channel, name,
 * media type and the content in base64, separated by tabs: everything a replay needs to share the
 * same bytes again), {@code join} (detail: the bootstrap peer), {@code leave} (detail:
 * {@code graceful} or {@code abrupt}), {@code reconnect} (no detail), {@code switch} (the device
 * moved to another network, e.g. Wi-Fi to cellular, and has a new address; no detail).
 */
public record SimEvent(long time, String kind, String device, String detail) {
    public static final String MESSAGE = "message";
    public static final String FILE = "file";
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String RECONNECT = "reconnect";
    public static final String SWITCH = "switch";
    /** Every kind, in the order documented above. */
    public static final List<String> KINDS = List.of(MESSAGE, FILE, JOIN, LEAVE, RECONNECT, SWITCH);

    public SimEvent {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("sim event kind must be one of " + KINDS + ", was '" + kind + "'");
        }
        if (kind.equals(FILE) && detail.split("\t", -1).length != 4) {
            throw new IllegalArgumentException("a file sim event's detail is channel, name, type and base64 content"
                    + " separated by tabs");
        }
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

    public String channel() {
        return detail.substring(0, detail.indexOf('\t'));
    }

    public String text() {
        return detail.substring(detail.indexOf('\t') + 1);
    }
}
