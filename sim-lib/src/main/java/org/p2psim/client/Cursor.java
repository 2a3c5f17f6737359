package org.p2psim.client;

import java.util.Objects;

/**
 * A position in a channel's history for paging {@link Client#getMessages(String, int, Cursor)}:
 * the messages strictly before (older than) or strictly after (newer than) one message, in the
 * order {@code (authored_ts, event_id)}. The event id breaks ties between messages authored in
 * the same microsecond, so paging never skips or repeats a message, however many share a time.
 *
 * <pre>{@code
 * MessagePage page = client.getMessages("general", 50);                 // the newest 50
 * MessagePage older = client.getMessages("general", 50, page.olderCursor());
 * MessagePage since = client.getMessages("general", 50, Cursor.after(lastSeenId));
 * }</pre>
 */
public final class Cursor {
    private final boolean before;
    private final String messageId;
    private final Long authoredTs;

    private Cursor(boolean before, String messageId, Long authoredTs) {
        this.before = before;
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.authoredTs = authoredTs;
    }

    /** Messages older than {@code message}. */
    public static Cursor before(ChatMessage message) {
        return new Cursor(true, message.id(), message.authoredTs());
    }

    /** Messages newer than {@code message}. */
    public static Cursor after(ChatMessage message) {
        return new Cursor(false, message.id(), message.authoredTs());
    }

    /** Messages older than the message with this id (which the device must hold). */
    public static Cursor before(String messageId) {
        return new Cursor(true, messageId, null);
    }

    /** Messages newer than the message with this id (which the device must hold). */
    public static Cursor after(String messageId) {
        return new Cursor(false, messageId, null);
    }

    /** Messages older than the position {@code (authoredTs, eventId)}, whether or not such a message is held. */
    public static Cursor before(long authoredTs, String eventId) {
        return new Cursor(true, eventId, authoredTs);
    }

    /** Messages newer than the position {@code (authoredTs, eventId)}. */
    public static Cursor after(long authoredTs, String eventId) {
        return new Cursor(false, eventId, authoredTs);
    }

    public boolean isBefore() {
        return before;
    }

    public String messageId() {
        return messageId;
    }

    /** The position's authored time, or null when the cursor was made from an id alone. */
    public Long authoredTs() {
        return authoredTs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor c && c.before == before && c.messageId.equals(messageId)
                && Objects.equals(c.authoredTs, authoredTs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(before, messageId, authoredTs);
    }

    @Override
    public String toString() {
        return (before ? "before " : "after ") + messageId + (authoredTs == null ? "" : " @" + authoredTs);
    }
}
