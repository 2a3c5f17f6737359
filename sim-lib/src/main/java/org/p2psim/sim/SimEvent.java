package org.p2psim.sim;

/**
 * One real-world event of the timeline (the seed's {@code sim_events}): at simulated time
 * {@code time} (µs), {@code kind} happened to {@code device}, with kind-specific {@code detail}.
 *
 * <p>Kinds: {@code message} (detail: channel, a tab, the text), {@code join} (detail: the bootstrap
 * peer), {@code leave} (detail: {@code graceful} or {@code abrupt}), {@code reconnect} (no detail).
 */
public record SimEvent(long time, String kind, String device, String detail) {
    public static final String MESSAGE = "message";
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String RECONNECT = "reconnect";

    public SimEvent {
        if (!kind.equals(MESSAGE) && !kind.equals(JOIN) && !kind.equals(LEAVE) && !kind.equals(RECONNECT)) {
            throw new IllegalArgumentException("sim event kind must be one of [message, join, leave, reconnect], was '" + kind + "'");
        }
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
