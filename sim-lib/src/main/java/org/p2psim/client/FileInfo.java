package org.p2psim.client;

/**
 * A shared file as one device sees it: what its meta event says, and how much of it the device holds.
 *
 * @param fileId      the file's id (derived from its file key)
 * @param messageId   the id of its meta event: the message that shares it in its channel (reply to this)
 * @param receivedTs  µs of simulated time when this device stored the meta event
 * @param channel     where it was shared
 * @param author      the sharing device's id (hex)
 * @param authorName  the sharing device's name where the client knows it, else its id
 * @param authoredTs  µs on the author's clock when it was shared
 * @param name        file name
 * @param mime        media type
 * @param size        bytes of the whole file
 * @param chunkCount  chunk events the file is split into
 * @param chunksHeld  of those, how many this device holds
 * @param bytesHeld   bytes of file content this device holds
 * @param contentHash BLAKE3-256 of the whole file, hex
 * @param wanted      whether this device's {@link org.p2psim.device.FilePolicy} fetches the file
 */
public record FileInfo(String fileId, String messageId, long receivedTs, String channel, String author, String authorName, long authoredTs, String name,
                       String mime, long size, int chunkCount, int chunksHeld, long bytesHeld, String contentHash,
                       boolean wanted) {

    /** Every chunk is held: {@link Client#downloadFile} will return the bytes. */
    public boolean complete() {
        return chunksHeld >= chunkCount;
    }

    /** Chunks held over chunks in the file, from 0 to 1 (1 for an empty file). */
    public double progress() {
        return chunkCount == 0 ? 1.0 : (double) chunksHeld / chunkCount;
    }

    @Override
    public String toString() {
        return String.format("%s (%s, %d bytes): %d of %d chunks, %.0f %%", name, mime, size, chunksHeld, chunkCount,
                100 * progress());
    }
}
