package org.p2psim.client;

import java.util.List;

/**
 * One page of a channel from {@link Client#getMessages}: messages in authored order (oldest
 * first, ties by event id), with the cursors of the pages on either side.
 */
public final class MessagePage extends Messages {
    private final String channel;

    MessagePage(String channel, List<ChatMessage> messages) {
        super("#" + channel, messages);
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }

    /** The cursor of the page before this one (older messages), or null when this page is empty. */
    public Cursor olderCursor() {
        return isEmpty() ? null : Cursor.before(get(0));
    }

    /** The cursor of the page after this one (newer messages), or null when this page is empty. */
    public Cursor newerCursor() {
        return isEmpty() ? null : Cursor.after(get(size() - 1));
    }
}
