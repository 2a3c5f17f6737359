package org.p2psim.sync.range;

import java.time.Duration;
import org.p2psim.sync.Param;
import org.p2psim.sync.Params;

/**
 * Parameters of {@link RangeReconStrategy}.
 *
 * @param interval        how often a device opens an exchange with each peer
 * @param buckets         sub-ranges a mismatched range is split into (negentropy: 16)
 * @param idListThreshold a range with at most this many items is answered with its id list (negentropy: 2 × buckets)
 * @param maxEvents       events sent, and ids wanted, per received message at most
 */
public record RangeReconParams(
        @Param("how often a device opens a reconciliation with each peer") Duration interval,
        @Param("sub-ranges a range with differing fingerprints is split into") int buckets,
        @Param("a range with at most this many items is answered with its id list") int idListThreshold,
        @Param("events sent, and ids wanted, per received message at most") int maxEvents) {

    public static final RangeReconParams DEFAULTS = new RangeReconParams(Duration.ofSeconds(10), 16, 32, 100);

    public RangeReconParams {
        Params.positive("interval", interval);
        Params.whole("buckets", buckets, 2, 256);
        Params.whole("idListThreshold", idListThreshold, 1, 4096);
        Params.atLeast("maxEvents", maxEvents, 1);
    }
}
