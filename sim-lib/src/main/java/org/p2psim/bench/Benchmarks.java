package org.p2psim.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.p2psim.Simulation;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Device;
import org.p2psim.device.Topology;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sim.SimTime;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * The fixed workloads of {@code make bench}, each in both signature modes, with the per-packet
 * floor measured in the same process. In fast mode each workload runs {@code runs} times after one
 * warm-up run and the table reports the median; in real mode, where one run of the day-long
 * workload takes minutes of Ed25519, it runs once, after the fast runs have warmed up the rest.
 */
public final class Benchmarks {

    /** A whole-simulation benchmark: devices, topology, how long, how chatty. */
    record Workload(String name, int devices, Topology topology, Duration duration, Duration meanGapPerDevice) {}

    static final List<Workload> WORKLOADS = List.of(
            new Workload("10 devices, 1 simulated day", 10, Topology.fullMesh(), Duration.ofDays(1), Duration.ofMinutes(10)),
            new Workload("50 devices, 1 simulated hour", 50, Topology.randomRegular(6), Duration.ofHours(1), Duration.ofMinutes(5)));

    private Benchmarks() {}

    public static void main(String[] args) {
        int runs = Integer.parseInt(System.getenv().getOrDefault("P2PSIM_BENCH_RUNS", "3"));
        System.out.println(run(runs).print());
        System.out.println(SweepSpeedup.measure().describe());
    }

    /** A row of the result: one workload in one crypto mode. */
    private record BenchRow(String workload, String crypto, long packets, long runs, double wallSMedian,
                            double simSPerWallS, double packetsPerWallS, double floorPacketsPerS, double ratioToFloor) {}

    /** Runs every workload in both modes; one row each. */
    public static Table run(int runs) {
        PacketFloor floor = PacketFloor.measure();
        double floorPacketsPerSecond = 1e9 / floor.totalNs();
        List<BenchRow> rows = new ArrayList<>();
        for (Workload w : WORKLOADS) {
            for (SignatureMode m : List.of(SignatureMode.FAST, SignatureMode.REAL)) {
                long[] packetCount = {0};
                boolean fast = m == SignatureMode.FAST;
                long nanos = Stopwatch.medianNanos(fast ? 1 : 0, fast ? runs : 1, () -> packetCount[0] = simulate(w, m));
                double seconds = nanos / 1e9;
                rows.add(new BenchRow(w.name(), m.label(), packetCount[0], fast ? runs : 1, seconds,
                        w.duration().toSeconds() / seconds, packetCount[0] / seconds, floorPacketsPerSecond,
                        packetCount[0] / seconds / floorPacketsPerSecond));
            }
        }
        return RecordTable.of("benchmarks (floor per event packet: sign " + round(floor.signNs()) + " ns, verify "
                + round(floor.verifyNs()) + " ns, open " + round(floor.openNs()) + " ns, BLAKE3 " + round(floor.blake3Ns())
                + " ns, store a message " + round(floor.insertNs()) + " ns)",
                BenchRow.class, rows);
    }

    /** One full run of {@code workload}; returns the number of packets it sent. */
    static long simulate(Workload workload, SignatureMode mode) {
        try (Simulation sim = Simulation.builder().seed(1).devices(workload.devices()).topology(workload.topology())
                .loss(0.01).signatures(mode).build()) {
            SplittableRandom arrivals = new RandomStreams(1).stream("workload/bench");
            long meanGap = SimTime.of(workload.meanGapPerDevice());
            for (Device device : sim.devices()) {
                scheduleChatter(sim, device.name(), arrivals, meanGap, SimTime.of(workload.duration()));
            }
            sim.runFor(workload.duration());
            return sim.metrics().packetRows().size();
        }
    }

    /** Poisson arrivals: exponential gaps of mean {@code meanGap}, until {@code end}. */
    private static void scheduleChatter(Simulation sim, String device, SplittableRandom random, long meanGap, long end) {
        long t = 0;
        int n = 0;
        while (true) {
            t += Math.round(-Math.log(1 - random.nextDouble()) * meanGap);
            if (t >= end) {
                return;
            }
            String text = device + " message " + ++n;
            sim.scheduler().at(t, () -> sim.post(device, "general", text));
        }
    }

    private static long round(double nanos) {
        return Math.round(nanos);
    }
}
