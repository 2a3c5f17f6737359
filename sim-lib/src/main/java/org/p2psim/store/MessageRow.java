package org.p2psim.store;

import java.util.Objects;

/**
 * A decrypted message row for {@code message_index}, filled by the caller after decryption.
 *
 * @param eventId        id of the event that carries the message (32 lowercase hex chars)
 * @param channelId      the message's channel
 * @param authorDeviceId the device that wrote it
 * @param authoredTs     microseconds of simulated time
 * @param body           the text, indexed for full-text search (for a shared file: its name)
 * @param replyTo        id of the message replied to, or null
 * @param fileId         for the message that shares a file: the file's id; null for a text message
 */
public record MessageRow(String eventId, String channelId, String authorDeviceId, long authoredTs, String body,
                         String replyTo, String fileId) implements IndexRow {

    public MessageRow {
        StoredEvent.requireId(eventId, "eventId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(authorDeviceId, "authorDeviceId");
        Objects.requireNonNull(body, "body");
        if (replyTo != null) {
            StoredEvent.requireId(replyTo, "replyTo");
        }
        if (fileId != null) {
            StoredEvent.requireId(fileId, "fileId");
        }
    }

    /** A text message (no file). */
    public MessageRow(String eventId, String channelId, String authorDeviceId, long authoredTs, String body,
                      String replyTo) {
        this(eventId, channelId, authorDeviceId, authoredTs, body, replyTo, null);
    }
}
