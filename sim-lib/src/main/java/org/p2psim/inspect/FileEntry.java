package org.p2psim.inspect;

import java.util.BitSet;
import java.util.Objects;

/**
 * One file as a device sees it, for the inspector's chat view and download list.
 *
 * @param fileId      the file's id (its meta event's id)
 * @param name        file name, as the uploader gave it
 * @param mime        MIME type, e.g. {@code image/jpeg}
 * @param channel     the channel it was posted in, or null
 * @param author      who uploaded it (a device name, or an id when the name is unknown)
 * @param authoredTs  when it was posted, µs of the author's clock
 * @param sizeBytes   the file's size
 * @param chunksHeld  chunks this device holds
 * @param chunksTotal chunks the file has
 * @param held        which chunks are held (bit i = chunk i), or null when not known
 * @param content     the whole file once complete and verified, else null
 */
public record FileEntry(String fileId, String name, String mime, String channel, String author, long authoredTs,
                        long sizeBytes, int chunksHeld, int chunksTotal, BitSet held, byte[] content) {

    public FileEntry {
        Objects.requireNonNull(fileId, "fileId");
        name = name == null ? fileId : name;
        mime = mime == null ? "application/octet-stream" : mime;
        if (chunksTotal < 0 || chunksHeld < 0 || chunksHeld > Math.max(chunksTotal, 0)) {
            throw new IllegalArgumentException("chunks held must be in [0, total], were " + chunksHeld + " of " + chunksTotal);
        }
    }

    /** Fraction of chunks held, 0 to 1 (1 for an empty file). */
    public double progress() {
        return chunksTotal == 0 ? 1.0 : chunksHeld / (double) chunksTotal;
    }

    public boolean complete() {
        return chunksHeld == chunksTotal;
    }

    public boolean isImage() {
        return mime.startsWith("image/");
    }

    @Override
    public String toString() {
        return "FileEntry[" + name + " (" + mime + ", " + sizeBytes + " bytes) in #" + channel + " by " + author + ": "
                + chunksHeld + " of " + chunksTotal + " chunks" + (content != null ? ", content verified" : "") + "]";
    }
}
