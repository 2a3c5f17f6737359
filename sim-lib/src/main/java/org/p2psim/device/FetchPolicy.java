package org.p2psim.device;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.p2psim.event.FileChunk;
import org.p2psim.event.Payload;
import org.p2psim.sim.RandomStreams;

/**
 * Which files' chunks a device stores (its {@link FilePolicy} with the files chosen and the share
 * fetched), and how many chunks it declined. The device asks {@link #admit} for every event it
 * receives from a peer; the client sets the policy and reads it back.
 */
public final class FetchPolicy {
    private FilePolicy policy = FilePolicy.FETCH_ALL;
    private final Set<String> chosenFiles = new HashSet<>();
    private double share = 1;
    private long salt;
    private long declinedChunks;

    public FilePolicy policy() {
        return policy;
    }

    public void setPolicy(FilePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Marks a file to be fetched under {@link FilePolicy#FETCH_CHOSEN} and {@link FilePolicy#FETCH_SHARE}. */
    public void choose(String fileId) {
        chosenFiles.add(fileId);
    }

    /**
     * Fetches a {@code share} of the files from now on ({@link FilePolicy#FETCH_SHARE}): a file is
     * fetched when a hash of its id and {@code salt} falls below the share.
     */
    public void fetchShare(double share, long salt) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("fetch share must be in [0, 1], was " + share);
        }
        this.share = share;
        this.salt = salt;
        setPolicy(FilePolicy.FETCH_SHARE);
    }

    /** Whether this policy fetches the file with this id. */
    public boolean wants(String fileId) {
        return switch (policy) {
            case FETCH_ALL -> true;
            case FETCH_NONE -> false;
            case FETCH_CHOSEN -> chosenFiles.contains(fileId);
            case FETCH_SHARE -> chosenFiles.contains(fileId) || shareOf(fileId) < share;
        };
    }

    /** A uniform number in [0, 1) decided by the file id and the salt. */
    private double shareOf(String fileId) {
        return RandomStreams.unitDouble(Long.parseUnsignedLong(fileId.substring(0, 16), 16) ^ salt);
    }

    /**
     * Whether the device should store a received event with this payload: false for a chunk of a
     * file this policy declines (counted in {@link #declinedChunks()}), true otherwise. A device's
     * own events are always stored.
     */
    public boolean admit(Payload payload) {
        if (payload instanceof FileChunk chunk && !wants(chunk.fileId())) {
            declinedChunks++;
            return false;
        }
        return true;
    }

    /** Chunk events received and dropped because their file is declined. */
    public long declinedChunks() {
        return declinedChunks;
    }
}
