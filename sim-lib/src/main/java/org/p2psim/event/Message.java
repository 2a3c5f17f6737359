package org.p2psim.event;

/** A chat message in a channel; {@code replyTo} is the hex id of the message answered, or null. */
public record Message(String channelId, String text, String replyTo) implements Payload {
    public Message {
        if (channelId == null || channelId.isEmpty()) {
            throw new IllegalArgumentException("a message needs a channel, got '" + channelId + "'");
        }
        if (text == null) {
            throw new IllegalArgumentException("message text must not be null");
        }
        if (replyTo != null) {
            EventId.parse(replyTo);
        }
    }

    public Message(String channelId, String text) {
        this(channelId, text, null);
    }
}
