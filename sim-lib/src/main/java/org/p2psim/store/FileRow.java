package org.p2psim.store;

import java.util.Objects;

/**
 * A row of {@code files}: one shared file, from its decrypted meta event.
 *
 * @param fileId         the file's id, derived from its key
 * @param eventId        the id of the file's meta event (the message that shares it)
 * @param channelId      the channel it was posted in
 * @param authorDeviceId the device that shared it
 * @param authoredTs     microseconds of simulated time
 * @param name           file name
 * @param mime           media type
 * @param size           bytes of the whole file
 * @param chunkCount     number of chunk events
 * @param contentHash    BLAKE3-256 of the file, 64 lowercase hex characters
 * @param fileKey        the 32-byte file key, from which chunk tags are derived
 */
public record FileRow(String fileId, String eventId, String channelId, String authorDeviceId, long authoredTs, String name, String mime,
                      long size, int chunkCount, String contentHash, byte[] fileKey) implements IndexRow {

    public FileRow {
        StoredEvent.requireId(fileId, "fileId");
        StoredEvent.requireId(eventId, "eventId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(authorDeviceId, "authorDeviceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(fileKey, "fileKey");
    }
}
