package org.p2psim.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.p2psim.experiment.engine.PointResult;
import org.p2psim.experiment.engine.PointRunner;
import org.p2psim.experiment.engine.PointTask;
import org.p2psim.experiment.engine.SweepEngine;
import tech.tablesaw.api.Table;

/**
 * Runs a sweep's points as one Spark job: {@code Sweep.of(...).on(SparkEngine.local()).run()}.
 * Each point is a partition of its own; a point runs on an executor exactly as {@code p2psim run}
 * runs it (its scenario travels as YAML), so the rows equal the local engine's, row for row.
 *
 * <p>The session is Spark's active one when there is one (spark-submit, a notebook that made one),
 * else one is made with {@code master} ({@code local[*]} by default). On a {@code spark://} master
 * from {@code bin/p2psim}, the executors get this module's shaded jar
 * ({@code sim-spark-VERSION-cluster.jar} beside this one) through {@code spark.jars}.
 */
public final class SparkEngine implements SweepEngine {
    /** Spark configuration key of where {@link #save} writes the Parquet table on a cluster (default: the sweep directory). */
    public static final String PARQUET_CONF = "spark.p2psim.parquet";
    public static final String PARQUET = "sweep.parquet";

    private final String master;

    private SparkEngine(String master) {
        this.master = master;
    }

    /** Every core of this machine: {@code local[*]}. */
    public static SparkEngine local() {
        return new SparkEngine("local[*]");
    }

    /** {@code local[4]}, {@code spark://host:7077}, {@code yarn}…; null: the active session's, else {@code local[*]}. */
    public static SparkEngine master(String url) {
        return new SparkEngine(url);
    }

    /** The session this engine runs on (made on first use, then Spark's active one). */
    public SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("p2psim sweep");
        SparkConf conf = new SparkConf();
        if (master != null) {
            builder.master(master);
        } else if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        if (master != null && master.startsWith("spark://") && !conf.contains("spark.jars")) {
            clusterJar().ifPresent(jar -> builder.config("spark.jars", jar.toString()));
        }
        builder.config("spark.ui.enabled", "false");
        return builder.getOrCreate();
    }

    @Override
    public List<PointResult> run(List<PointTask> tasks, PointRunner runner) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(session().sparkContext());
        List<PointResult> results = new ArrayList<>(sc.parallelize(tasks, tasks.size()).map(runner::run).collect());
        results.sort(Comparator.comparingInt(PointResult::index));
        return results;
    }

    /** Writes {@code table} as Parquet: {@code dir/sweep.parquet}, or where {@value #PARQUET_CONF} says. */
    @Override
    public void save(Table table, Path dir) {
        SparkSession spark = session();
        String target = spark.conf().contains(PARQUET_CONF) ? spark.conf().get(PARQUET_CONF) : dir.resolve(PARQUET).toUri().toString();
        Frames.of(spark, table).coalesce(1).write().mode("overwrite").parquet(target);
    }

    @Override
    public String describe() {
        return "spark (" + (master == null ? "the session's master" : master) + ")";
    }

    /** The shaded jar next to this module's jar, when this class was loaded from one. */
    static java.util.Optional<Path> clusterJar() {
        try {
            Path self = Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(self) ? self.getParent() : self.getParent();
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().matches("sim-spark-.*-cluster\\.jar")).findFirst();
            }
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code --engine spark}: the name and the master of the command line. */
    public static final class Provider implements SweepEngine.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public SweepEngine create(String masterUrl) {
            return new SparkEngine(masterUrl);
        }
    }
}
