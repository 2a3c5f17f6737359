package org.p2psim.device;

/**
 * Which shared files a device fetches. A device always stores every file's meta event (it shows
 * in the channel, with its name and size); the policy decides which files' chunk events it
 * stores.
 *
 * <p>The model, and why: the sync protocol is left as it is. Chunk events are offered by peers like
 * any event, and a device that declines a file drops that file's chunks when they arrive, without
 * storing them (they are counted in {@code SyncStatus.declinedChunks()}). This is the simplest
 * faithful reading of the seed: its Bloom sync has no way to ask for or refuse particular
 * events, so a declining device keeps being offered what it lacks, and that cost shows on the
 * wire, where a study of lurkers will want to see it. Declined chunks are not in the device's
 * store; the simulation's completeness counts a declined chunk as settled for that device once it
 * was offered and declined ({@code Metrics.eventDeclined}), so a lurker can converge.
 */
public enum FilePolicy {
    /** Store every file's chunks (the default). */
    FETCH_ALL,
    /** Store no file's chunks (a lurker on a metered phone). */
    FETCH_NONE,
    /** Store the chunks of the files chosen with {@code Client.chooseFile} only. */
    FETCH_CHOSEN,
    /**
     * Store the chunks of a share of the files, chosen by a hash of each file's id and the
     * device's salt ({@code Client.fetchShare}), and of the files chosen with {@code Client.chooseFile}:
     * a lurker's selective downloads, the same in every run and replay with the same seed.
     */
    FETCH_SHARE
}
