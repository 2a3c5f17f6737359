package org.p2psim.metrics.collect;

/** The collectors of one run, wired together: the ground truth feeds latencies and write rates; filter statistics read it. */
public record Collectors(GroundTruth truth, Latencies latencies, WriteRates writes, PacketLedger packets, FilterStats filters,
                         PacketLedger.RoundTrips roundTrips) {
    public static Collectors create() {
        Latencies latencies = new Latencies();
        WriteRates writes = new WriteRates();
        GroundTruth truth = new GroundTruth(latencies, writes);
        return new Collectors(truth, latencies, writes, new PacketLedger(), new FilterStats(truth), new PacketLedger.RoundTrips());
    }
}
