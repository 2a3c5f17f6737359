package org.p2psim.metrics.collect;

import org.p2psim.metrics.facts.FilterFacts;

/**
 * Bloom-filter statistics: filters sent and their sizes, the mean analytic false-positive rate, and
 * the measured rate (the ground truth says whether a tested peer really held the id).
 */
public final class FilterStats implements FilterFacts {
    private final GroundTruth truth;
    private long tests;
    private long negatives;
    private long falsePositives;
    private long sent;
    private double expectedFprSum;
    private long bytesSum;
    private int bytesMin = Integer.MAX_VALUE;
    private int bytesMax = Integer.MIN_VALUE;

    public FilterStats(GroundTruth truth) {
        this.truth = truth;
    }

    @Override
    public void filterSent(double expectedFpp, int packetBytes) {
        sent++;
        expectedFprSum += expectedFpp;
        bytesSum += packetBytes;
        bytesMin = Math.min(bytesMin, packetBytes);
        bytesMax = Math.max(bytesMax, packetBytes);
    }

    @Override
    public void filterTested(String owner, String eventId, long ownerAsOf, boolean positive) {
        tests++;
        if (!truth.heldAt(owner, eventId, ownerAsOf)) {
            negatives++;
            if (positive) {
                falsePositives++;
            }
        }
    }

    public long sent() {
        return sent;
    }

    public long tests() {
        return tests;
    }

    public double bytesMin() {
        return sent == 0 ? Double.NaN : bytesMin;
    }

    public double bytesMean() {
        return sent == 0 ? Double.NaN : bytesSum / (double) sent;
    }

    public double bytesMax() {
        return sent == 0 ? Double.NaN : bytesMax;
    }

    public double measuredFalsePositiveRate() {
        return negatives == 0 ? Double.NaN : falsePositives / (double) negatives;
    }

    public double expectedFalsePositiveRate() {
        return sent == 0 ? Double.NaN : expectedFprSum / sent;
    }
}
