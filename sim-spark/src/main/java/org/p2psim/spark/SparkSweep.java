package org.p2psim.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for {@code spark-submit}: the arguments of {@code p2psim sweep}, run on the
 * submitting session's master.
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class org.p2psim.spark.SparkSweep \
 *     sim-spark/target/sim-spark-0.1.0-SNAPSHOT-cluster.jar \
 *     twenty-devices --vary net.loss=0,0.1,0.2 --seeds 20 --out /shared/sweeps/loss
 * </pre>
 */
public final class SparkSweep {
    private SparkSweep() {}

    public static void main(String[] args) {
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(List.of(args));
        if (!all.contains("--engine")) {
            all.addAll(List.of("--engine", "spark"));
        }
        org.p2psim.cli.Main.main(all.toArray(String[]::new));
    }
}
