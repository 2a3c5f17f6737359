package org.p2psim.client;

/** A download was asked for a file whose chunks the device does not all hold yet. */
public final class IncompleteFileException extends IllegalStateException {
    private final String fileId;
    private final int chunksHeld;
    private final int chunkCount;

    IncompleteFileException(String device, String fileId, String name, int chunksHeld, int chunkCount) {
        super("incomplete: " + chunksHeld + " of " + chunkCount + " chunks of '" + name + "' (file " + fileId
                + ") are on " + device + "; download again when files() shows it complete");
        this.fileId = fileId;
        this.chunksHeld = chunksHeld;
        this.chunkCount = chunkCount;
    }

    public String fileId() {
        return fileId;
    }

    public int chunksHeld() {
        return chunksHeld;
    }

    public int chunkCount() {
        return chunkCount;
    }
}
