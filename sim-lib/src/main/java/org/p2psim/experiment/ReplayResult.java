package org.p2psim.experiment;

import java.nio.file.Path;

/**
 * A replay of a run directory: the trace hash of the rerun, the one the directory recorded, and
 * whether they are equal. {@code events} is the number of real-world events re-enacted.
 */
public record ReplayResult(Path directory, String scenario, long seed, int events, String traceSha256, String original,
                           double wallSeconds) {
    public boolean matches() {
        return traceSha256.equals(original);
    }
}
