package org.p2psim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.p2psim.Simulation;
import org.p2psim.experiment.RunDirectory;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Scenario;
import org.p2psim.sim.SimTime;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * How a run scales with the number of devices: the built-in twenty-devices scenario with N devices,
 * 10 simulated minutes, no schedule, range-recon sync and fast signatures, for each N in a fresh JVM
 * (the peak resident set of a process only grows, so sizes cannot share one). Each row: wall and CPU
 * time, packets per wall second, and the peaks of the Java heap and of the resident set, per device.
 * The child JVM gets the same options as this one, so {@code P2PSIM_JAVA_OPTS} applies to both.
 */
public final class ScaleBench {
    public static final List<Integer> DEFAULT_SIZES = List.of(100, 200, 400, 1000);
    static final Map<String, String> SETS = Map.of("duration", "10m", "schedule", "[]", "sync.strategy", "range-recon");

    private ScaleBench() {}

    /** A row: one size, measured in its own JVM. */
    record ScaleRow(int devices, long packets, double wallS, double cpuS, double packetsPerWallS, double packetsPerCpuS,
                    double peakHeapMbPerDevice, double peakRssMbPerDevice, double peakRssMb) {}

    /** Runs every size in a child JVM; {@code log} hears one line per size as it finishes. */
    public static Table run(List<Integer> sizes, Consumer<String> log) {
        List<ScaleRow> rows = new ArrayList<>();
        for (int n : sizes) {
            ScaleRow row = child(n);
            log.accept(String.format(Locale.ROOT, "scale: %d devices in %.0f s wall, %.0f s CPU", n, row.wallS(), row.cpuS()));
            rows.add(row);
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return RecordTable.of(String.format(Locale.ROOT, "scale: twenty-devices, 10 simulated minutes, range-recon, fast"
                + " signatures, one JVM per size (load average %.1f at the end; other processes inflate wall time, not CPU time)",
                load), ScaleRow.class, rows);
    }

    private static ScaleRow child(int devices) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ScaleBench.class.getName());
        cmd.add(Integer.toString(devices));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    last = line;
                }
            }
            if (p.waitFor() != 0 || last == null) {
                throw new IllegalStateException("the scale run with " + devices + " devices failed (exit " + p.exitValue() + ")");
            }
            String[] f = last.split("\t");
            long packets = Long.parseLong(f[0]);
            double wall = Double.parseDouble(f[1]);
            double cpu = Double.parseDouble(f[2]);
            double heapMb = Double.parseDouble(f[3]);
            double rssMb = Double.parseDouble(f[4]);
            return new ScaleRow(devices, packets, wall, cpu, packets / wall, packets / cpu, heapMb / devices, rssMb / devices, rssMb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The child: one run; prints "packets wall_s cpu_s peak_heap_mb peak_rss_mb", tab-separated. */
    public static void main(String[] args) throws IOException {
        int devices = Integer.parseInt(args[0]);
        Scenario scenario = Scenario.load("twenty-devices").with(SETS).with("devices.count", Integer.toString(devices));
        Path dir = Files.createTempDirectory("p2psim-scale-");
        long cpu0 = cpuNanos();
        long start = System.nanoTime();
        long packets;
        try (Simulation sim = ScenarioRun.of(scenario).directory(dir).build()) {
            ScenarioRun.runUntil(sim, SimTime.of(scenario.duration()), ScenarioRun.Progress.NONE);
            packets = sim.metrics().packetRows().size();
        } finally {
            RunDirectory.deleteTree(dir);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "%d\t%.3f\t%.3f\t%.1f\t%.1f%n", packets, wall, cpu, peakHeapBytes() / 1e6, peakRssKb() / 1e3);
    }

    /** The sum of the peak usage of every heap pool (young, survivor, old). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** VmHWM of /proc/self/status (Linux), in kB; -1 elsewhere. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
