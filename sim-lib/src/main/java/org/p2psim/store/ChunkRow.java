package org.p2psim.store;

import java.util.Objects;

/**
 * A row of {@code file_chunks}: the decrypted bytes of one chunk event, keyed by the chunk's
 * pseudorandom tag (seed 000). A second chunk event with a tag already stored is ignored: the
 * first one stays.
 *
 * @param tag        32 lowercase hex characters: BLAKE3-keyed(file key, index), first 16 bytes
 * @param fileId     the file the chunk says it belongs to (its meta event may not have arrived yet)
 * @param chunkIndex position in the file, from 0
 * @param eventId    the chunk event's id
 * @param bytes      the chunk's content
 */
public record ChunkRow(String tag, String fileId, int chunkIndex, String eventId, byte[] bytes) implements IndexRow {

    public ChunkRow {
        StoredEvent.requireId(tag, "tag");
        StoredEvent.requireId(fileId, "fileId");
        StoredEvent.requireId(eventId, "eventId");
        Objects.requireNonNull(bytes, "bytes");
    }
}
